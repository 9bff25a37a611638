/**
 * The co-localization part of the API suite (run on PGlite and on PostgreSQL): the `coloc`
 * analysis on uploaded images gives what `adclab coloc --json` gives (same procedure, numbers
 * equal to the NumPy/SciPy reference), stores its provenance, serves channel previews, the
 * cytofluorogram and the per-cell CSV, and refuses bad input with the CLI's message, storing nothing.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import { analyzeColocImage, colocJson, parseColocThreshold } from "@adclab/analyses";
import { ADCLAB_VERSION } from "@adclab/core";
import type { Store } from "@adclab/db";
import type { App } from "../context.ts";

// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field in the tests
type Call = (app: App, method: string, path: string, o?: { body?: unknown; raw?: Uint8Array }) => Promise<any>;

const fixtures = new URL("../../../../packages/core/src/coloc/__fixtures__/", import.meta.url);
export const colocFixture = (name: string) => new Uint8Array(readFileSync(new URL(name, fixtures)));
const ref = JSON.parse(readFileSync(new URL("reference.json", fixtures), "utf8"));
const refCase = (name: string) => ref.cases.find((c: { name: string }) => c.name === name);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** A tiny TIFF header that declares a 100000 × 100000 Deflate image. */
export function bombTiff(): Uint8Array {
  const entries: [number, number, number][] = [
    [256, 4, 100000],
    [257, 4, 100000],
    [258, 3, 16],
    [259, 3, 8],
    [262, 3, 1],
    [273, 4, 130],
    [277, 3, 1],
    [278, 4, 100000],
    [279, 4, 16],
  ];
  const out = new Uint8Array(146);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, 8, true);
  v.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    v.setUint16(10 + i * 12, tag, true);
    v.setUint16(12 + i * 12, type, true);
    v.setUint32(14 + i * 12, 1, true);
    if (type === 3) v.setUint16(18 + i * 12, value, true);
    else v.setUint32(18 + i * 12, value, true);
  });
  return out;
}

export function colocApiTests(get: () => { app: App; store: Store }, call: Call) {
  describe("co-localization", () => {
    let app: App;
    let experimentId: string;
    const ids: Record<string, string> = {};
    const upload = async (name: string, bytes: Uint8Array, experiment = experimentId) => {
      const r = await call(app, "POST", `/api/experiments/${experiment}/files?name=${encodeURIComponent(name)}`, {
        raw: bytes,
      });
      assert.equal(r.status, 201, r.text);
      return r.json.id as string;
    };
    const analyses = async () => (await call(app, "GET", `/api/experiments/${experimentId}/analyses`)).json.length;
    const coloc = (inputs: unknown, options: unknown) =>
      call(app, "POST", `/api/experiments/${experimentId}/analyses`, { body: { kind: "coloc", inputs, options } });

    before(async () => {
      app = get().app;
      const p = await call(app, "POST", "/api/projects", { body: { name: "coloc" } });
      experimentId = (await call(app, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "LAMP1" } }))
        .json.id;
      for (const f of ["pair-u16-deflate.ome.tif", "pair-u16-imagej.tif", "pair-labels.tif", "zstack-u16-imagej.tif"])
        ids[f] = await upload(f, colocFixture(f));
      ids["notes.tif"] = await upload("notes.tif", new TextEncoder().encode("image,condition\n"));
      ids["cut.tif"] = await upload("cut.tif", colocFixture("pair-u16-imagej.tif").subarray(0, 20000));
      ids["bomb.tif"] = await upload("bomb.tif", bombTiff());
    });

    it("the OpenAPI document lists the co-localization routes", async () => {
      const doc = (await call(app, "GET", "/openapi.json")).json;
      for (const p of [
        "/api/files/{id}/channels",
        "/api/analyses/{id}/cytofluorogram",
        "/api/analyses/{id}/coloc-rows.csv",
      ])
        assert.ok(doc.paths[p], `missing ${p}`);
    });

    it("channel names, sizes and PNG previews of an uploaded OME-TIFF", async () => {
      const r = await call(app, "GET", `/api/files/${ids["pair-u16-deflate.ome.tif"]}/channels`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual([r.json.width, r.json.height, r.json.channels, r.json.sampleType], [128, 96, 2, "uint16"]);
      assert.deepEqual(
        r.json.previews.map((p: { name: string }) => p.name),
        ["T-DM1-488", "LAMP1-594"],
      );
      const png = Buffer.from(r.json.previews[0].png.replace(/^data:image\/png;base64,/, ""), "base64");
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      const bad = await call(app, "GET", `/api/files/${ids["notes.tif"]}/channels`);
      assert.equal(bad.status, 400);
      assert.match(bad.json.message, /^notes\.tif: not a TIFF file/);
    });

    it("channels by name: the JSON of `adclab coloc --json`, equal to the NumPy/SciPy reference, with provenance", async () => {
      const options = { ch1: "T-DM1", ch2: "lamp1", threshold: "manual:400,300", costesIterations: 0 };
      const r = await coloc({ image: ids["pair-u16-deflate.ome.tif"] }, options);
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.status, "done");
      assert.equal(r.json.adclabVersion, ADCLAB_VERSION);
      const bytes = colocFixture("pair-u16-deflate.ome.tif");
      assert.deepEqual(r.json.inputs, {
        image: {
          fileId: ids["pair-u16-deflate.ome.tif"],
          name: "pair-u16-deflate.ome.tif",
          sha256: createHash("sha256").update(bytes).digest("hex"),
        },
      });
      assert.deepEqual(r.json.options, options);
      const m = refCase("16-bit pair, whole image").metrics;
      const row = r.json.results.rows[0];
      assert.ok(
        close(row.pearson.all, m.pearson) && close(row.manders.tM1, m.tM1) && close(row.kendallTauB, m.kendallTauB),
      );
      // the same procedure as the CLI: the same object, key for key
      const opts = {
        threshold: parseColocThreshold("manual:400,300"),
        costesIterations: 0,
        blockSize: 3,
        seed: 1,
        perSlice: false,
        kendall: true,
      };
      const { pixels: _p, ...direct } = await analyzeColocImage(
        { image: { name: "pair-u16-deflate.ome.tif", bytes }, ch1: "T-DM1", ch2: "lamp1" },
        opts,
      );
      assert.deepEqual(r.json.results, JSON.parse(JSON.stringify(colocJson(direct, opts, {}))));
      // re-run from the stored provenance: the same files (SHA-256 checked), the same result
      const again = await call(app, "POST", `/api/analyses/${r.json.id}/rerun`);
      assert.equal(again.status, 201, again.text);
      assert.deepEqual(again.json.inputs, r.json.inputs);
      assert.deepEqual(again.json.results, r.json.results);
    });

    it("per cell with a label image and the Costes test; cytofluorogram PNG/SVG and the per-cell CSV", async () => {
      const r = await coloc(
        { image: ids["pair-u16-imagej.tif"], labels: ids["pair-labels.tif"] },
        { costesIterations: 10, kendall: false },
      );
      assert.equal(r.status, 201, r.text);
      const rows = r.json.results.rows;
      assert.deepEqual(
        rows.map((x: { label: number }) => x.label),
        [1, 2, 5, 9],
      );
      for (const row of rows) {
        const c = refCase(`16-bit pair, cell ${row.label}`);
        assert.ok(close(row.pearson.all, c.metrics.pearson));
        assert.deepEqual([row.thresholds.ch1, row.thresholds.ch2], [c.costes.ch1, c.costes.ch2]);
        assert.equal(row.costes.iterations, 10);
      }
      assert.equal(r.json.results.options.labels, "pair-labels.tif");
      const png = await app.request(`http://127.0.0.1/api/analyses/${r.json.id}/cytofluorogram`, {
        headers: { host: "127.0.0.1:5174" },
      });
      assert.equal(png.status, 200);
      assert.equal(png.headers.get("content-type"), "image/png");
      assert.deepEqual([...new Uint8Array(await png.arrayBuffer()).subarray(1, 4)], [0x50, 0x4e, 0x47]);
      const svg = await call(app, "GET", `/api/analyses/${r.json.id}/cytofluorogram?format=svg`);
      assert.match(svg.text, /^<svg[^>]*>[\s\S]*4 regions/);
      const csv = (await call(app, "GET", `/api/analyses/${r.json.id}/coloc-rows.csv`)).text.trim().split("\n");
      assert.equal(csv.length, 5);
      const head = csv[0].split(",");
      assert.equal(Number(csv[1].split(",")[head.indexOf("pearson")]), rows[0].pearson.all);
    });

    const bad: [string, unknown, unknown, RegExp][] = [
      ["not a TIFF", { image: "notes.tif" }, {}, /^notes\.tif: not a TIFF file/],
      ["a truncated TIFF", { image: "cut.tif" }, {}, /^cut\.tif: (malformed or )?truncated TIFF/],
      [
        "a channel out of range",
        { image: "pair-u16-imagej.tif" },
        { ch2: 3 },
        /^pair-u16-imagej\.tif, options\.ch2: channel 3 is out of range: the image has 2 channels/,
      ],
      [
        "a mask of another size",
        { image: "pair-u16-imagej.tif", mask: "zstack-u16-imagej.tif" },
        {},
        /^zstack-u16-imagej\.tif, inputs\.mask: is 48×40×4 but the image is 128×96/,
      ],
      [
        "a decompression bomb",
        { image: "bomb.tif" },
        {},
        /^bomb\.tif: page 1 declares .* more than the limit maxPageBytes .*refusing to decode/,
      ],
      [
        "an unknown threshold",
        { image: "pair-u16-imagej.tif" },
        { threshold: "li" },
        /^options\.threshold: unknown threshold 'li'/,
      ],
      [
        "a negative iteration count",
        { image: "pair-u16-imagej.tif" },
        { costesIterations: -1 },
        /^options\.costesIterations:/,
      ],
    ];
    for (const [what, inputs, options, message] of bad) {
      it(`${what}: 400 with the CLI's message, nothing stored`, async () => {
        const n = await analyses();
        const named = Object.fromEntries(Object.entries(inputs as Record<string, string>).map(([k, v]) => [k, ids[v]]));
        const r = await coloc(named, options);
        assert.equal(r.status, 400, r.text);
        assert.equal(r.json.error, "input");
        assert.match(r.json.message, message);
        assert.equal(await analyses(), n);
      });
    }

    it("another experiment's file is refused as unknown", async () => {
      const p = await call(app, "POST", "/api/projects", { body: { name: "other" } });
      const e = await call(app, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "x" } });
      const foreign = await upload("pair-u16-imagej.tif", colocFixture("pair-u16-imagej.tif"), e.json.id);
      const r = await coloc({ image: foreign }, {});
      assert.equal(r.status, 400);
      assert.match(r.json.message, /^inputs\.image: no file .* in this experiment/);
    });
  });
}
