/**
 * Single analyses on the compute pool's worker threads: the answers are those of the procedures
 * called directly, an InputError thrown during the computation is still a 400 with all its fields,
 * a worker that dies is a 500 (or a failed stored analysis) and the next request is served, the
 * event loop answers other requests while a long computation runs, and file bytes move to the
 * worker without a copy.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import {
  analyzeColocImage,
  colocCytofluorogramSvg,
  colocJson,
  doseResponseFigureSvg,
  JSON_SIMULATION_FIELDS,
  parseColocThreshold,
  parseDoseResponseOptions,
  parseSimulationRequest,
  runDoseResponse,
  runSimulation,
} from "@adclab/analyses";
import { colocCytofluorogramPng, colocImageInfo } from "@adclab/analyses/node";
import { diagnose, InputError, isInputError, parseObservationSet } from "@adclab/core";
import { type OpenDb, openDb, Store } from "@adclab/db";
import { nodeDocument, svgToPng } from "@adclab/report/node";
import { createApp } from "../app.ts";
import type { App } from "../context.ts";
import { type ComputePool, createComputePool } from "./compute-pool.ts";

const IMAGE = new Uint8Array(
  readFileSync(new URL("../../../../packages/core/src/coloc/__fixtures__/pair-u16-imagej.tif", import.meta.url)),
);
const PLATE = new Uint8Array(
  readFileSync(new URL("../../../../examples/dose-response/tdm1-long.csv", import.meta.url)),
);
/** More verapamil reversal than there is resistance: diagnose() refuses it. */
const CONTRADICTION = {
  observations: [
    { id: "tdm1_ic50_fold", value: 2 },
    { id: "verapamil_reversal_fold", value: 40 },
  ],
};
const SIMULATION = { cellLine: "BT-474M1", mechanisms: [{ id: "slc46a3-loss", strength: 6 }], time: "72h" };

async function call(app: App, method: string, path: string, body?: unknown, raw?: Uint8Array) {
  const headers: Record<string, string> = { host: "127.0.0.1:5174" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await app.request(`http://127.0.0.1${path}`, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let json: ReturnType<typeof JSON.parse>;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, bytes };
}

/** The error the function throws on this thread. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected an error");
}

describe("single analyses on the compute pool", () => {
  let db: OpenDb;
  let pool: ComputePool;
  let crashing: ComputePool;
  let app: App;
  let crashApp: App;
  let experimentId: string;
  before(async () => {
    db = await openDb({ kind: "pglite" });
    const store = new Store(db.db);
    pool = createComputePool({ size: 1 });
    crashing = createComputePool({
      size: 1,
      module: new URL("../testing/crashing-compute-worker.ts", import.meta.url),
    });
    const o = { store, serverMode: false, maxUploadBytes: 1 << 20, database: "pglite" as const };
    app = createApp({ ...o, compute: pool });
    crashApp = createApp({ ...o, compute: crashing });
    const p = await call(app, "POST", "/api/projects", { name: "compute" });
    experimentId = (await call(app, "POST", `/api/projects/${p.json.id}/experiments`, { name: "e" })).json.id;
  });
  after(async () => {
    await pool.close();
    await crashing.close();
    await db.close();
  });

  it("an InputError thrown while computing crosses the thread as an InputError: 400 with every field", async () => {
    // The observation file names a line that has no likelihood table: found by diagnose() itself.
    const doc = { cell_line: "HeLa", observations: [{ id: "tdm1_ic50_fold", value: 8 }] };
    const set = parseObservationSet(doc);
    const direct = thrown(() => diagnose(set.observations, { cellLine: set.cellLine }));
    assert.ok(isInputError(direct));
    const r = await call(app, "POST", "/api/analyses/diagnose", doc);
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.json, JSON.parse(JSON.stringify(direct.toJSON())));
    assert.equal(r.json.field, "cell_line");
    // The same for an error with a value: more reversal than resistance (the parser refuses it
    // too, so the observations go to the pool unparsed).
    const contradiction = thrown(() => diagnose(CONTRADICTION.observations as never, {}));
    assert.ok(isInputError(contradiction));
    const e = await pool
      .run({ kind: "diagnose", observations: CONTRADICTION.observations as never, options: {} })
      .catch((x: unknown) => x);
    assert.ok(e instanceof InputError, "an InputError on this side of the boundary");
    assert.deepEqual(e.toJSON(), contradiction.toJSON());
    assert.equal(e.message, contradiction.message);
    assert.equal(e.got, 40);
  });

  it("a fit whose file cannot be read is a 400 with the procedure's error and stores nothing", async () => {
    const bad = new TextEncoder().encode("compound,concentration\nT-DM1,oops\n");
    const up = await call(app, "POST", `/api/experiments/${experimentId}/files?name=bad.csv`, undefined, bad);
    assert.equal(up.status, 201, up.text);
    const direct = thrown(() =>
      runDoseResponse({ file: { name: "bad.csv", content: bad } }, parseDoseResponseOptions({})),
    ) as InputError;
    assert.ok(isInputError(direct));
    const r = await call(app, "POST", `/api/experiments/${experimentId}/analyses`, {
      kind: "dose-response",
      inputs: { file: up.json.id },
    });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.json, JSON.parse(JSON.stringify(direct.toJSON())));
    assert.deepEqual((await call(app, "GET", `/api/experiments/${experimentId}/analyses`)).json, []);
  });

  it("a worker that dies is a 500 (a failed stored analysis), and the next request is served", async () => {
    const crash = { ...SIMULATION, time: "13h" };
    const r = await call(crashApp, "POST", "/api/simulate", crash);
    assert.equal(r.status, 500, r.text);
    assert.equal(r.json.error, "internal");
    const stored = await call(crashApp, "POST", `/api/experiments/${experimentId}/analyses`, {
      kind: "simulate",
      inputs: crash,
    });
    assert.equal(stored.status, 201, stored.text);
    assert.equal(stored.json.status, "failed");
    assert.match(stored.json.error.message, /worker stopped with exit code 7/);
    const ok = await call(crashApp, "POST", "/api/simulate", SIMULATION);
    assert.equal(ok.status, 200, ok.text);
    const direct = runSimulation(parseSimulationRequest(SIMULATION, JSON_SIMULATION_FIELDS)).result;
    assert.deepEqual(ok.json, JSON.parse(JSON.stringify(direct)));
  });

  it("co-localization, channel previews and the cytofluorogram are byte for byte the procedures' own", async () => {
    const up = await call(app, "POST", `/api/experiments/${experimentId}/files?name=cells.tif`, undefined, IMAGE);
    const file = { name: "cells.tif", bytes: IMAGE };
    const info = await call(app, "GET", `/api/files/${up.json.id}/channels`);
    const directInfo = await colocImageInfo(file);
    assert.deepEqual(
      info.json.previews.map((p: { png: string }) => p.png),
      directInfo.previews.map((p) => `data:image/png;base64,${Buffer.from(p.png).toString("base64")}`),
    );
    const options = { costesIterations: 20, seed: 3 };
    const r = await call(app, "POST", `/api/experiments/${experimentId}/analyses`, {
      kind: "coloc",
      inputs: { image: up.json.id },
      options,
    });
    assert.equal(r.json.status, "done", r.text);
    const o = {
      threshold: parseColocThreshold("costes"),
      costesIterations: 20,
      blockSize: 3,
      seed: 3,
      perSlice: false,
      kendall: true,
      frame: 1,
    };
    const { pixels, ...direct } = await analyzeColocImage({ image: file }, o);
    // (stored as jsonb: the database orders the keys; every value is exactly the direct one)
    assert.deepEqual(r.json.results, JSON.parse(JSON.stringify(colocJson(direct, o, {}))));
    const svg = await call(app, "GET", `/api/analyses/${r.json.id}/cytofluorogram?format=svg`);
    assert.equal(svg.text, colocCytofluorogramSvg(direct, pixels));
    const png = await call(app, "GET", `/api/analyses/${r.json.id}/cytofluorogram`);
    assert.deepEqual(png.bytes, new Uint8Array(colocCytofluorogramPng(direct, pixels)));
  });

  it("a stored fit and its figure (SVG and PNG) are byte for byte the procedures' own", async () => {
    const up = await call(app, "POST", `/api/experiments/${experimentId}/files?name=tdm1-long.csv`, undefined, PLATE);
    const r = await call(app, "POST", `/api/experiments/${experimentId}/analyses`, {
      kind: "dose-response",
      inputs: { file: up.json.id },
      options: { compare: ["BT-474:BT-474-TR"] },
    });
    assert.equal(r.json.status, "done", r.text);
    const analysis = runDoseResponse(
      { file: { name: "tdm1-long.csv", content: PLATE } },
      parseDoseResponseOptions({ compare: ["BT-474:BT-474-TR"] }),
    );
    assert.deepEqual(r.json.results, JSON.parse(JSON.stringify(analysis.result)));
    const svg = doseResponseFigureSvg(analysis, nodeDocument());
    assert.equal((await call(app, "GET", `/api/analyses/${r.json.id}/figure`)).text, svg);
    const png = await call(app, "GET", `/api/analyses/${r.json.id}/figure?format=png`);
    assert.deepEqual(png.bytes, new Uint8Array(svgToPng(svg)));
  });

  it("closing the pool ends a running computation with an error, never a hang", async () => {
    const doomed = createComputePool({ size: 1 });
    const long = doomed
      .run({
        kind: "diagnose",
        observations: [{ id: "tdm1_ic50_fold", value: 100 }] as never,
        options: { draws: 100_000 },
      })
      .then(
        () => assert.fail("finished although the pool was closed"),
        (e: unknown) => e,
      );
    await new Promise((r) => setTimeout(r, 300));
    await doomed.close();
    assert.match(String(await long), /cancelled/);
    await assert.rejects(doomed.run({ kind: "diagnose", observations: [], options: {} }), /shutting down/);
  });

  it("the event loop answers other requests while a long computation runs", async () => {
    const order: string[] = [];
    const long = call(app, "POST", `/api/experiments/${experimentId}/analyses`, {
      kind: "diagnose",
      inputs: { observations: [{ id: "tdm1_ic50_fold", value: 100 }] },
      options: { draws: 5000 },
    }).then((r) => {
      order.push("diagnose");
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    const health = await call(app, "GET", "/api/health");
    order.push("health");
    assert.equal(health.status, 200);
    const d = await long;
    assert.equal(d.json.status, "done", d.text);
    assert.deepEqual(order, ["health", "diagnose"]);
  });

  it("file bytes move to the worker (no copy) unless they share a buffer, with the same fit", async () => {
    const own = new Uint8Array(PLATE);
    const direct = runDoseResponse(
      { file: { name: "tdm1-long.csv", content: PLATE } },
      parseDoseResponseOptions({ compare: ["BT-474:BT-474-TR"] }),
    ).result;
    const options = parseDoseResponseOptions({ compare: ["BT-474:BT-474-TR"] });
    const moved = await pool.run({
      kind: "dose-response",
      files: { file: { name: "tdm1-long.csv", content: own } },
      options,
    });
    assert.equal(own.byteLength, 0, "moved, not copied");
    assert.deepEqual(moved, direct);
    // A view into a larger buffer cannot move without taking its neighbours along: copied.
    const slab = new Uint8Array(PLATE.length + 16);
    slab.set(PLATE, 8);
    const view = slab.subarray(8, 8 + PLATE.length);
    const copied = await pool.run({
      kind: "dose-response",
      files: { file: { name: "tdm1-long.csv", content: view } },
      options,
    });
    assert.equal(view.byteLength, PLATE.length);
    assert.deepEqual(copied, direct);
  });
});
