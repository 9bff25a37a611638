/**
 * The API test suite, run against embedded PGlite (api.pglite.test.ts) and a real PostgreSQL
 * server (api.postgres.test.ts). Requests go through app.request(): no sockets needed.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { parseDoseResponseOptions, runDoseResponse } from "@adclab/analyses";
import {
  ADCLAB_VERSION,
  CELL_LINES,
  diagnose,
  MECHANISMS,
  MODEL_PARAMETERS,
  PROTOCOLS,
  parseObservationSet,
} from "@adclab/core";
import { type OpenDb, Store } from "@adclab/db";
import { createApp } from "../app.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { App } from "../context.ts";
import { colocApiTests } from "./coloc-suite.ts";
import { jobsApiTests } from "./jobs-suite.ts";
import { simulateApiTests } from "./simulate-suite.ts";

type Opened = { db: OpenDb; stop?: () => Promise<void> };
const LIMIT = 64 * 1024;
const LOCAL = "http://127.0.0.1";

async function call(
  app: App,
  method: string,
  path: string,
  o: { body?: unknown; raw?: Uint8Array; token?: string; host?: string; type?: string } = {},
) {
  const headers: Record<string, string> = { host: o.host ?? "127.0.0.1:5174" };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let body: Uint8Array | string | undefined;
  if (o.raw !== undefined) {
    body = o.raw;
    headers["content-type"] = o.type ?? "application/octet-stream";
  } else if (o.body !== undefined) {
    body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
    headers["content-type"] = "application/json";
  }
  const res = await app.request(`${LOCAL}${path}`, { method, headers, body });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field in the tests
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** The response body as bytes (for binary answers such as PNG). */
async function app(a: App, path: string): Promise<Uint8Array> {
  const res = await a.request(`${LOCAL}${path}`, { headers: { host: "127.0.0.1:5174" } });
  assert.equal(res.status, 200);
  return new Uint8Array(await res.arrayBuffer());
}

export function apiSuite(name: string, open: () => Promise<Opened>, skip?: string) {
  describe(`HTTP API on ${name}`, { skip }, () => {
    let opened: Opened;
    let store: Store;
    let local: App;
    let server: App;
    before(async () => {
      opened = await open();
      store = new Store(opened.db.db);
      local = createApp({ store, serverMode: false, maxUploadBytes: LIMIT, database: opened.db.kind });
      server = createApp({ store, serverMode: true, maxUploadBytes: LIMIT, database: opened.db.kind });
    });
    after(async () => {
      await opened?.db.close();
      await opened?.stop?.();
    });

    it("health, version and an OpenAPI 3.1 document listing every route", async () => {
      const h = await call(local, "GET", "/api/health");
      assert.deepEqual(h.json, { ok: true, database: opened.db.kind });
      assert.equal((await call(local, "GET", "/api/version")).json.serverMode, false);
      const doc = (await call(local, "GET", "/openapi.json")).json;
      assert.equal(doc.openapi, "3.1.0");
      for (const p of [
        "/api/projects",
        "/api/projects/{id}",
        "/api/projects/{id}/experiments",
        "/api/experiments/{id}/files",
        "/api/files/{id}/content",
        "/api/units/convert",
        "/api/library",
        "/api/auth/login",
        "/api/analyses/diagnose",
        "/api/experiments/{id}/analyses",
        "/api/analyses/{id}/rerun",
        "/api/analyses/{id}/figure",
      ]) {
        assert.ok(doc.paths[p], `missing ${p}`);
      }
      assert.ok(doc.components.schemas.Project && doc.components.schemas.Error);
    });

    it("projects and experiments: create, list, read, update, delete", async () => {
      const p = await call(local, "POST", "/api/projects", { body: { name: "SK-BR-3 T-DM1R" } });
      assert.equal(p.status, 201);
      assert.equal(p.json.name, "SK-BR-3 T-DM1R");
      assert.ok((await call(local, "GET", "/api/projects")).json.some((x: { id: string }) => x.id === p.json.id));
      const e = await call(local, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "MTT" } });
      assert.equal(e.status, 201);
      assert.equal(
        (await call(local, "PATCH", `/api/experiments/${e.json.id}`, { body: { name: "MTT 96 h" } })).json.name,
        "MTT 96 h",
      );
      assert.deepEqual(
        (await call(local, "GET", `/api/projects/${p.json.id}/experiments`)).json.map((x: { name: string }) => x.name),
        ["MTT 96 h"],
      );
      assert.equal(
        (await call(local, "PATCH", `/api/projects/${p.json.id}`, { body: { description: "d" } })).json.description,
        "d",
      );
      assert.equal((await call(local, "DELETE", `/api/projects/${p.json.id}`)).status, 200);
      assert.equal((await call(local, "GET", `/api/projects/${p.json.id}`)).status, 404);
      assert.equal((await call(local, "GET", `/api/experiments/${e.json.id}`)).status, 404);
    });

    it("validation errors are readable 400s naming the field", async () => {
      const r = await call(local, "POST", "/api/projects", { body: { name: "   " } });
      assert.equal(r.status, 400);
      assert.equal(r.json.error, "input");
      assert.equal(r.json.message, "name: must not be empty");
      const bad = await call(local, "GET", "/api/projects/not-a-uuid");
      assert.equal(bad.status, 400);
      assert.equal(bad.json.message, "param.id: not an id");
    });

    it("malformed JSON is a 400 with a message, and writes nothing", async () => {
      const before = (await call(local, "GET", "/api/projects")).json.length;
      const r = await call(local, "POST", "/api/projects", { body: '{"name": "x",' });
      assert.equal(r.status, 400);
      assert.equal(r.json.error, "input");
      assert.match(r.json.message, /^body: Malformed JSON/);
      assert.equal((await call(local, "GET", "/api/projects")).json.length, before);
    });

    describe("raw files", () => {
      let experimentId: string;
      before(async () => {
        const p = await call(local, "POST", "/api/projects", { body: { name: "files" } });
        experimentId = (await call(local, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "e" } }))
          .json.id;
      });
      it("are stored byte for byte with their SHA-256", async () => {
        const bytes = new Uint8Array(3000).map((_, i) => (i * 31 + 7) % 256);
        const up = await call(local, "POST", `/api/experiments/${experimentId}/files?name=plate%201.csv`, {
          raw: bytes,
          type: "text/csv",
        });
        assert.equal(up.status, 201, up.text);
        assert.equal(up.json.sizeBytes, 3000);
        assert.equal(up.json.sha256, createHash("sha256").update(bytes).digest("hex"));
        assert.equal(up.json.originalName, "plate 1.csv");
        const down = await local.request(`${LOCAL}/api/files/${up.json.id}/content`, {
          headers: { host: "127.0.0.1" },
        });
        assert.equal(down.status, 200);
        assert.deepEqual(new Uint8Array(await down.arrayBuffer()), bytes);
        assert.equal(down.headers.get("x-content-sha256"), up.json.sha256);
        assert.equal(down.headers.get("content-type"), "text/csv");
      });
      it("a path in the file name is refused (400) and nothing is written", async () => {
        const n = (await call(local, "GET", `/api/experiments/${experimentId}/files`)).json.length;
        for (const name of ["../../etc/passwd", "..%5C..%5Cwin.ini", "%2E%2E"]) {
          const r = await call(local, "POST", `/api/experiments/${experimentId}/files?name=${name}`, {
            raw: new Uint8Array([1]),
          });
          assert.equal(r.status, 400, name);
          assert.match(r.json.message, /file name must not contain a path/);
        }
        assert.equal((await call(local, "GET", `/api/experiments/${experimentId}/files`)).json.length, n);
      });
      it("an oversized upload is refused (413) and nothing is written", async () => {
        const n = (await call(local, "GET", `/api/experiments/${experimentId}/files`)).json.length;
        const auditTop = (await store.listAudit({ limit: 1 }))[0]?.id;
        const r = await call(local, "POST", `/api/experiments/${experimentId}/files?name=big.tif`, {
          raw: new Uint8Array(LIMIT + 1),
        });
        assert.equal(r.status, 413);
        assert.equal(r.json.error, "too-large");
        assert.equal((await call(local, "GET", `/api/experiments/${experimentId}/files`)).json.length, n);
        assert.equal((await store.listAudit({ limit: 1 }))[0]?.id, auditTop);
      });
    });

    it("units: the same result as `adclab convert`, and the same problem text for bad input", async () => {
      const r = await call(local, "POST", "/api/units/convert", {
        body: { quantity: "10ug/mL", to: "nM", compound: "T-DM1" },
      });
      assert.equal(r.status, 200);
      // 10 µg/mL ÷ 148,500 g/mol = 6.734e-8 M = 67.34 nM (by hand).
      assert.ok(Math.abs(r.json.output.value - 1e4 / 148.5) < 1e-9);
      assert.equal(r.json.molecularWeight_g_per_mol, 148500);
      const bad = await call(local, "POST", "/api/units/convert", { body: { quantity: "10ug/mL", to: "nM" } });
      assert.equal(bad.status, 400);
      assert.match(bad.json.message, /^quantity: cannot convert µg\/mL to molar without a molecular weight/);
    });

    it("library: seed table, cell lines, mechanisms, parameters with sources, protocols, molecular weights", async () => {
      const r = await call(local, "GET", "/api/library");
      assert.equal(r.json.seedTable.length, 5);
      assert.ok(r.json.molecularWeights.some((m: { compound: string }) => m.compound === "T-DM1"));
      assert.equal(r.json.mechanisms.length, MECHANISMS.length);
      assert.equal(r.json.cellLines.length, CELL_LINES.length);
      assert.equal(r.json.protocols.length, PROTOCOLS.length);
      assert.equal(r.json.parameters.length, Object.keys(MODEL_PARAMETERS).length);
      assert.ok(
        r.json.parameters.every((p: { source: string }) => p.source.length > 0),
        "every parameter has a source",
      );
    });

    describe("analyses", () => {
      // The shape of examples/observations/kpl4-tdm1r.json (the KPL-4 T-DM1R line of Li et al. 2018).
      const doc = {
        cell_line: "SK-BR-3",
        observations: [
          { id: "tdm1_ic50_fold", value: 1000 },
          { id: "surface_her2_ratio", value: 0.3 },
          { id: "mdr1_mrna_ratio", value: 10 },
        ],
      };
      let experimentId: string;
      before(async () => {
        const p = await call(local, "POST", "/api/projects", { body: { name: "analyses" } });
        experimentId = (await call(local, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "e" } }))
          .json.id;
      });
      it("diagnose returns what the core's diagnose (the CLI's function) returns", async () => {
        const r = await call(local, "POST", "/api/analyses/diagnose", { body: doc });
        assert.equal(r.status, 200, r.text);
        const set = parseObservationSet(doc);
        const direct = JSON.parse(JSON.stringify(diagnose(set.observations, { cellLine: set.cellLine })));
        assert.deepEqual(r.json, direct);
        assert.ok(r.json.candidates.length > 0 && r.json.nextExperiments.length > 0);
      });
      it("a stored analysis keeps inputs, options, version and results; re-running keeps the old one", async () => {
        const r = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
          body: { kind: "convert", inputs: { quantity: "10ug/mL", to: "nM", compound: "T-DM1" } },
        });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json.status, "done");
        assert.equal(r.json.adclabVersion, ADCLAB_VERSION);
        assert.deepEqual(r.json.inputs, { quantity: "10ug/mL", to: "nM", compound: "T-DM1" });
        assert.ok(Math.abs(r.json.results.output.value - 1e4 / 148.5) < 1e-9);
        const again = await call(local, "POST", `/api/analyses/${r.json.id}/rerun`);
        assert.equal(again.status, 201);
        assert.notEqual(again.json.id, r.json.id);
        assert.deepEqual(again.json.results, r.json.results);
        const list = (await call(local, "GET", `/api/experiments/${experimentId}/analyses`)).json;
        assert.deepEqual(
          list.map((a: { id: string }) => a.id),
          [r.json.id, again.json.id],
        );
        const d = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
          body: { kind: "diagnose", inputs: doc, options: { draws: 50 } },
        });
        assert.equal(d.json.status, "done", d.text);
        assert.deepEqual(d.json.options, { draws: 50 });
      });
      it("bad input is a 400 with the core's message and stores nothing", async () => {
        const n = (await call(local, "GET", `/api/experiments/${experimentId}/analyses`)).json.length;
        const bad = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
          body: { kind: "diagnose", inputs: { observations: [{ id: "no_such_observation", value: 2 }] } },
        });
        assert.equal(bad.status, 400);
        assert.equal(bad.json.error, "input");
        const unknown = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
          body: { kind: "astrology", inputs: {} },
        });
        assert.equal(unknown.status, 400);
        assert.match(
          unknown.json.message,
          /^kind: unknown analysis 'astrology' \(expected diagnose, convert, .*dose-response/,
        );
        assert.equal((await call(local, "GET", `/api/experiments/${experimentId}/analyses`)).json.length, n);
      });
    });

    colocApiTests(() => ({ app: local, store }), call);
    simulateApiTests(() => ({ local, server }), call);

    describe("dose-response analysis (adclab fit on an uploaded file)", () => {
      const name = "reversal-long.csv";
      const bytes = new Uint8Array(
        readFileSync(new URL("../../../../examples/dose-response/reversal-long.csv", import.meta.url)),
      );
      const options = { compare: ["KPL-4 · T-DM1:KPL-4 T-DM1R · T-DM1"], reversal: ["KPL-4 T-DM1R:verapamil:KPL-4"] };
      let experimentId: string;
      let fileId: string;
      const analyses = async () => (await call(local, "GET", `/api/experiments/${experimentId}/analyses`)).json.length;
      before(async () => {
        const p = await call(local, "POST", "/api/projects", { body: { name: "dose-response" } });
        experimentId = (await call(local, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "MTT" } }))
          .json.id;
        fileId = (await call(local, "POST", `/api/experiments/${experimentId}/files?name=${name}`, { raw: bytes })).json
          .id;
      });
      it("stores the result `adclab fit --json` prints, with the file's SHA-256, options and version", async () => {
        const r = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
          body: { kind: "dose-response", inputs: { file: fileId }, options },
        });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json.status, "done", r.text);
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        assert.deepEqual(r.json.inputs, { file: { fileId, name, sha256 } });
        assert.deepEqual(r.json.options, options);
        assert.equal(r.json.adclabVersion, ADCLAB_VERSION);
        // The same procedure the CLI runs (apps/cli/src/commands/fit.test.ts checks the CLI prints it).
        const direct = runDoseResponse({ file: { name, content: bytes } }, parseDoseResponseOptions(options));
        assert.deepEqual(r.json.results, JSON.parse(JSON.stringify(direct.result)));
        assert.equal(r.json.results.reversals[0].compound, "T-DM1");
        const doc = (await call(local, "GET", "/openapi.json")).json;
        for (const k of ["DoseResponseInputs", "DoseResponseOptions", "DoseResponseResult"])
          assert.ok(doc.components.schemas[k], k);
        assert.equal(r.json.results.comparisons.length, 1);
        const again = await call(local, "POST", `/api/analyses/${r.json.id}/rerun`);
        assert.equal(again.status, 201, again.text);
        assert.deepEqual(again.json.results, r.json.results);
        assert.deepEqual(again.json.inputs, r.json.inputs);
        const svg = await call(local, "GET", `/api/analyses/${r.json.id}/figure`);
        assert.equal(svg.status, 200);
        assert.match(svg.headers.get("content-type") ?? "", /^image\/svg\+xml/);
        assert.match(svg.text, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        const png = await app(local, `/api/analyses/${r.json.id}/figure?format=png`);
        assert.deepEqual([...png.subarray(0, 4)], [137, 80, 78, 71]);
      });
      it("export: the whole project in one file, files verbatim with their SHA-256, analyses with provenance", async () => {
        const experiment = (await call(local, "GET", `/api/experiments/${experimentId}`)).json;
        const r = await call(local, "GET", `/api/projects/${experiment.projectId}/export`);
        assert.equal(r.status, 200, r.text);
        assert.match(
          r.headers.get("content-disposition") ?? "",
          /^attachment; filename="dose-response\.adclab\.json"$/,
        );
        assert.equal(r.json.format, "adclab-project-export");
        assert.equal(r.json.adclabVersion, ADCLAB_VERSION);
        assert.equal(r.json.project.name, "dose-response");
        assert.equal(r.json.experiments.length, 1);
        const [e] = r.json.experiments;
        assert.equal(e.id, experimentId);
        const [f] = e.files;
        const decoded = new Uint8Array(Buffer.from(f.content_base64, "base64"));
        assert.deepEqual(decoded, bytes);
        assert.equal(f.sha256, createHash("sha256").update(decoded).digest("hex"));
        assert.equal(f.sizeBytes, bytes.byteLength);
        // Every stored analysis, exactly as the API serves it one by one.
        const stored = (await call(local, "GET", `/api/experiments/${experimentId}/analyses`)).json;
        assert.ok(stored.length >= 1);
        assert.deepEqual(
          e.analyses.map((a: { id: string }) => a.id).sort(),
          stored.map((a: { id: string }) => a.id).sort(),
        );
        for (const a of e.analyses) {
          const one = (await call(local, "GET", `/api/analyses/${a.id}`)).json;
          assert.deepEqual(a, one);
        }
        assert.equal(
          (await call(local, "GET", "/api/projects/00000000-0000-0000-0000-000000000000/export")).status,
          404,
        );
      });
      it("takes every option of `adclab fit` (--fix, --bounds, --share, --ec, --auc, --robust, …) and computes what the CLI does", async () => {
        const variants: Record<string, unknown>[] = [
          { model: "prism4", fix: ["bottom=0"], bounds: ["hill=-3:"], share: ["HillSlope"], ec: [90], auc: true },
          { fix: ["c=0"], bounds: ["b=:3"], compare: options.compare, absoluteEc: "50" },
          { model: "3pl", robust: true, routQ: 2, fix: ["hill=-1"] },
          { compareModels: true, ec: "50,90" },
        ];
        for (const opts of variants) {
          const r = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
            body: { kind: "dose-response", inputs: { file: fileId }, options: opts },
          });
          assert.equal(r.status, 201, r.text);
          assert.deepEqual(r.json.options, opts);
          const direct = runDoseResponse({ file: { name, content: bytes } }, parseDoseResponseOptions(opts));
          assert.deepEqual(r.json.results, JSON.parse(JSON.stringify(direct.result)), JSON.stringify(opts));
        }
      });
      it("a bad constraint or flag value is a 400 with exactly the CLI's message", async () => {
        const n = await analyses();
        const bad: Record<string, unknown>[] = [
          { fix: ["slope=1"] },
          { model: "prism4", fix: ["bottom=zero"] },
          { bounds: ["hill=3:1"] },
          { fix: ["top=100"], bounds: ["top=0:"] },
          { fix: ["b=1", "c=0", "d=100", "e=2"] },
          { share: ["hill"], robust: true },
          { ec: [150] },
          { routQ: 2 },
        ];
        for (const opts of bad) {
          let cli = "";
          try {
            parseDoseResponseOptions(opts);
          } catch (e) {
            cli = (e as Error).message;
          }
          assert.ok(cli, `the CLI rejects ${JSON.stringify(opts)}`);
          const r = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
            body: { kind: "dose-response", inputs: { file: fileId }, options: opts },
          });
          assert.equal(r.status, 400, r.text);
          assert.equal(r.json.message, cli);
        }
        const typed: [Record<string, unknown>, RegExp][] = [
          [{ fix: "bottom=0" }, /^options\.fix: not a list of text/],
          [{ robust: "yes" }, /^options\.robust: a switch is true or false/],
          [{ ec: [true] }, /^options\.ec: not a list of numbers/],
          [{ slope: 1 }, /^options\.slope: unknown option 'slope'/],
        ];
        for (const [opts, pattern] of typed) {
          const r = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
            body: { kind: "dose-response", inputs: { file: fileId }, options: opts },
          });
          assert.equal(r.status, 400, r.text);
          assert.match(r.json.message, pattern);
        }
        assert.equal(await analyses(), n);
      });
      it("bad input is a 400 with the CLI's message and stores nothing", async () => {
        const n = await analyses();
        const few = "sample,compound,conc (nM),response,role\nA,,0,1000,vehicle\nA,X,1,950,\nA,X,3,800,\nA,X,10,500,\n";
        const fewId = (
          await call(local, "POST", `/api/experiments/${experimentId}/files?name=few.csv`, {
            raw: new TextEncoder().encode(few),
          })
        ).json.id;
        const cases: [unknown, Record<string, unknown>, RegExp][] = [
          [
            { file: fewId },
            {},
            /^few\.csv, row 3, column 'concentration': curve 'A · X' has 3 distinct concentrations/,
          ],
          [{ file: fileId }, { model: "ll5" }, /^--model: unknown model 'll5' \(expected ll4, prism4, 3pl, 5pl, gr\)/],
          [{ file: fileId }, { reversal: ["MCF-7:verapamil"] }, /^--reversal: no curves for sample 'MCF-7'/],
          [{ file: fileId }, { compare: "A:B" }, /^options\.compare: not a list of text/],
          [{ file: "00000000-0000-0000-0000-000000000000" }, {}, /^inputs\.file: no file 0{8}-/],
          [{}, {}, /^inputs\.file: the file to fit is missing/],
        ];
        for (const [inputs, opts, pattern] of cases) {
          const r = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
            body: { kind: "dose-response", inputs, options: opts },
          });
          assert.equal(r.status, 400, r.text);
          assert.match(r.json.message, pattern);
        }
        // The message is exactly the one `adclab fit few.csv` prints after "adclab: ".
        try {
          runDoseResponse({ file: { name: "few.csv", content: few } }, parseDoseResponseOptions({}));
          assert.fail("expected an InputError");
        } catch (e) {
          const r = await call(local, "POST", `/api/experiments/${experimentId}/analyses`, {
            body: { kind: "dose-response", inputs: { file: fewId } },
          });
          assert.equal(r.json.message, (e as Error).message);
        }
        // A file of another experiment is not this experiment's.
        const p = await call(local, "POST", "/api/projects", { body: { name: "other" } });
        const other = (await call(local, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "x" } }))
          .json.id;
        const r = await call(local, "POST", `/api/experiments/${other}/analyses`, {
          body: { kind: "dose-response", inputs: { file: fileId } },
        });
        assert.equal(r.status, 400);
        assert.match(r.json.message, /^inputs\.file: no file /);
        assert.equal(await analyses(), n);
      });
    });
    jobsApiTests(() => ({ app: local, store }), call);

    it("embedded mode answers only requests addressed to loopback", async () => {
      const r = await call(local, "GET", "/api/projects", { host: "evil.example:5174" });
      assert.equal(r.status, 403);
      assert.match(r.json.message, /only answers on 127\.0\.0\.1/);
    });

    describe("server mode", () => {
      let admin: string;
      let alice: string;
      let bob: string;
      let bobId: string;
      const login = async (username: string, password: string) =>
        call(server, "POST", "/api/auth/login", { body: { username, password } });
      before(async () => {
        await store.createUser(
          { userId: null, username: "setup" },
          { username: `root-${name}`, passwordHash: await hashPassword("correct horse"), isAdmin: true },
        );
        admin = (await login(`root-${name}`, "correct horse")).json.token;
        for (const who of ["alice", "bob"]) {
          const r = await call(server, "POST", "/api/users", {
            token: admin,
            body: { username: `${who}-${name}`, password: `${who}-password-123` },
          });
          assert.equal(r.status, 201, r.text);
          if (who === "bob") bobId = r.json.id;
        }
        alice = (await login(`alice-${name}`, "alice-password-123")).json.token;
        bob = (await login(`bob-${name}`, "bob-password-123")).json.token;
      });

      it("requires login: 401 without a token or with a wrong password", async () => {
        assert.equal((await call(server, "GET", "/api/projects")).status, 401);
        assert.equal((await call(server, "GET", "/api/health")).status, 200);
        assert.equal((await login(`alice-${name}`, "nope")).status, 401);
        assert.equal((await call(server, "GET", "/api/auth/me", { token: alice })).json.username, `alice-${name}`);
      });

      it("another user's project is 403 for reads and writes, and nothing is written", async () => {
        const p = await call(server, "POST", "/api/projects", { token: alice, body: { name: "alice's" } });
        const e = await call(server, "POST", `/api/projects/${p.json.id}/experiments`, {
          token: alice,
          body: { name: "e" },
        });
        assert.equal((await call(server, "GET", `/api/projects/${p.json.id}`, { token: bob })).status, 403);
        assert.equal((await call(server, "GET", `/api/projects/${p.json.id}/experiments`, { token: bob })).status, 403);
        const up = await call(server, "POST", `/api/experiments/${e.json.id}/files?name=x.csv`, {
          token: bob,
          raw: new Uint8Array([1, 2]),
        });
        assert.equal(up.status, 403);
        const an = await call(server, "POST", `/api/experiments/${e.json.id}/analyses`, {
          token: bob,
          body: { kind: "convert", inputs: { quantity: "1 nM", to: "pM" } },
        });
        assert.equal(an.status, 403);
        assert.equal((await call(server, "DELETE", `/api/projects/${p.json.id}`, { token: bob })).status, 403);
        assert.equal((await call(server, "GET", `/api/projects/${p.json.id}/export`, { token: bob })).status, 403);
        assert.ok(
          !(await call(server, "GET", "/api/projects", { token: bob })).json.some(
            (x: { id: string }) => x.id === p.json.id,
          ),
        );
        assert.equal(
          (await call(server, "GET", `/api/experiments/${e.json.id}/files`, { token: alice })).json.length,
          0,
        );
        // As a viewer, bob may read but still not write.
        assert.equal(
          (
            await call(server, "PUT", `/api/projects/${p.json.id}/members`, {
              token: alice,
              body: { userId: bobId, role: "viewer" },
            })
          ).status,
          200,
        );
        assert.equal((await call(server, "GET", `/api/projects/${p.json.id}`, { token: bob })).status, 200);
        assert.equal(
          (await call(server, "POST", `/api/projects/${p.json.id}/experiments`, { token: bob, body: { name: "b" } }))
            .status,
          403,
        );
      });

      it("only administrators create users", async () => {
        const r = await call(server, "POST", "/api/users", {
          token: alice,
          body: { username: "mallory", password: "0123456789ab" },
        });
        assert.equal(r.status, 403);
        assert.equal(await store.getUserByUsername("mallory"), undefined);
      });

      it("a deleted user's token is refused (401) and writes nothing", async () => {
        const r = await call(server, "POST", "/api/users", {
          token: admin,
          body: { username: `carol-${name}`, password: "carol-password-1" },
        });
        const carol = (await login(`carol-${name}`, "carol-password-1")).json.token;
        assert.equal((await call(server, "GET", "/api/projects", { token: carol })).status, 200);
        assert.equal((await call(server, "DELETE", `/api/users/${r.json.id}`, { token: admin })).status, 200);
        const before = (await store.listProjects(null)).length;
        const w = await call(server, "POST", "/api/projects", { token: carol, body: { name: "after deletion" } });
        assert.equal(w.status, 401);
        assert.equal((await store.listProjects(null)).length, before);
        const last = (await store.listAudit({ limit: 3 })).map((a) => a.action);
        assert.equal(last[0], "user.delete");
      });
      it("log out revokes the token it carries (then 401), and only that one", async () => {
        const first = (await login(`root-${name}`, "correct horse")).json.token;
        const second = (await login(`root-${name}`, "correct horse")).json.token;
        const out = await call(server, "POST", "/api/auth/logout", { token: first });
        assert.equal(out.status, 200);
        assert.deepEqual(out.json, { loggedOut: true });
        assert.equal((await store.listAudit({ limit: 1 }))[0]?.action, "token.delete");
        assert.equal((await call(server, "GET", "/api/auth/me", { token: first })).status, 401);
        assert.equal((await call(server, "GET", "/api/auth/me", { token: second })).status, 200);
        assert.equal((await call(server, "POST", "/api/auth/logout")).status, 401);
      });
    });
  });
}
