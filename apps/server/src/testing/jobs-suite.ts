/**
 * The jobs part of the API suite (PGlite and PostgreSQL): a co-localization batch over uploaded
 * images with a design table and a batch of fits run on worker threads; progress advances to the
 * total; the result is stored as an analysis with its files' SHA-256 only when complete; a
 * cancelled job stops its worker threads and writes nothing; a bad image fails the job with the
 * CLI's message and writes nothing; a mechanism-strength sweep runs the simulate procedure once per
 * strength. Each job is a row in the database: its progress is saved while it runs, at most once a
 * second, and the experiment's job list answers from the rows.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import {
  parseDoseResponseOptions,
  parseSimulationRequest,
  runDoseResponse,
  runSimulation,
  type SimulationRequest,
} from "@adclab/analyses";
import { ADCLAB_VERSION, MECHANISM_IDS } from "@adclab/core";
import { LOCAL_ACTOR, type Store } from "@adclab/db";
import { createApp } from "../app.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { App } from "../context.ts";
import { JobManager } from "../jobs/job-manager.ts";
import { colocFixture } from "./coloc-suite.ts";

// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field in the tests
type Json = any;
type Call = (
  app: App,
  method: string,
  path: string,
  o?: { body?: unknown; raw?: Uint8Array; token?: string },
) => Promise<Json>;

const fixtures = new URL("../../../../packages/core/src/coloc/__fixtures__/", import.meta.url);
const ref = JSON.parse(readFileSync(new URL("reference.json", fixtures), "utf8"));
const refCase = (name: string) => ref.cases.find((c: { name: string }) => c.name === name);
const examples = new URL("../../../../examples/dose-response/", import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function jobsApiTests(get: () => { app: App; store: Store }, call: Call) {
  describe("jobs", () => {
    let app: App;
    let store: Store;
    let experimentId: string;
    const upload = async (name: string, bytes: Uint8Array) => {
      const r = await call(app, "POST", `/api/experiments/${experimentId}/files?name=${encodeURIComponent(name)}`, {
        raw: bytes,
      });
      assert.equal(r.status, 201, r.text);
      return r.json.id as string;
    };
    const design = (rows: string[]) => new TextEncoder().encode(["image,condition,time_h,labels", ...rows].join("\n"));
    const submit = (kind: string, inputs: unknown, options: unknown) =>
      call(app, "POST", `/api/experiments/${experimentId}/jobs`, { body: { kind, inputs, options } });
    /** Polls until the job ends; returns every view seen. */
    const follow = async (id: string) => {
      const seen = [];
      for (;;) {
        const j = (await call(app, "GET", `/api/jobs/${id}`)).json;
        seen.push(j);
        if (j.status !== "running") return seen;
        await sleep(5);
      }
    };
    const stored = async () => (await store.listAnalyses(experimentId)).length;
    /** Waits (the job still running) until its first item is done, then cancels it; returns the cancel answer. */
    const cancelAfterFirstItem = async (job: { id: string; status: string; progress: { done: number } }) => {
      for (let j = job; j.progress.done < 1; j = (await call(app, "GET", `/api/jobs/${job.id}`)).json) {
        assert.equal(j.status, "running");
        await sleep(10);
      }
      const c = await call(app, "POST", `/api/jobs/${job.id}/cancel`);
      assert.equal(c.status, 200, c.text);
      assert.equal(c.json.status, "cancelled");
      return c;
    };

    before(async () => {
      ({ app, store } = get());
      const p = await call(app, "POST", "/api/projects", { body: { name: "jobs" } });
      experimentId = (await call(app, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "batch" } }))
        .json.id;
      for (const f of ["pair-u16-imagej.tif", "pair-u16-deflate.ome.tif", "pair-labels.tif"])
        await upload(f, colocFixture(f));
      await upload("broken.tif", new TextEncoder().encode("not an image"));
    });

    it("the OpenAPI document lists the job routes", async () => {
      const doc = (await call(app, "GET", "/openapi.json")).json;
      for (const p of [
        "/api/experiments/{id}/jobs",
        "/api/jobs/{id}",
        "/api/jobs/{id}/cancel",
        "/api/jobs/{id}/result",
      ])
        assert.ok(doc.paths[p], `missing ${p}`);
      assert.ok(doc.paths["/api/experiments/{id}/jobs"].get, "the job list");
      assert.deepEqual(doc.components.schemas.Job.properties.status.enum, [
        "queued",
        "running",
        "done",
        "failed",
        "cancelled",
        "interrupted",
      ]);
    });

    it("a co-localization batch: progress advances to the total, then the result is stored with provenance", async () => {
      const rows = [
        "pair-u16-imagej.tif,parental,2,pair-labels.tif",
        "pair-u16-deflate.ome.tif,resistant,2,pair-labels.tif",
        "pair-u16-imagej.tif,parental,24,pair-labels.tif",
        "pair-u16-deflate.ome.tif,resistant,24,pair-labels.tif",
      ];
      const designId = await upload("design.csv", design(rows));
      const before = await stored();
      const r = await submit(
        "coloc-batch",
        { design: designId },
        { threshold: "manual:400,300", costesIterations: 1000, kendall: false, workers: 1 },
      );
      assert.equal(r.status, 202, r.text);
      assert.equal(r.json.status, "running");
      assert.deepEqual([r.json.progress.done, r.json.progress.total], [0, 4]);
      assert.equal(r.json.threads, 1);
      const seen = await follow(r.json.id);
      const done = seen.map((j) => j.progress.done);
      assert.ok(
        done.every((d, i) => i === 0 || d >= done[i - 1]!),
        `progress never goes back: ${done}`,
      );
      const distinct = [...new Set(done)];
      console.log(`coloc-batch progress seen: ${distinct.join(" → ")} (${seen.length} polls)`);
      assert.ok(
        done.some((d) => d > 0 && d < 4),
        `progress seen between 0 and 4: ${distinct}`,
      );
      // nothing is stored while the job runs
      const running = seen.filter((j) => j.status === "running");
      assert.ok(running.every((j) => j.analysisId === null));
      const last = seen.at(-1);
      assert.equal(last.status, "done", JSON.stringify(last.error));
      assert.equal(last.progress.done, 4);
      assert.equal(last.threads, 0, "the worker threads stopped");
      assert.equal(await stored(), before + 1);

      const a = (await call(app, "GET", `/api/jobs/${r.json.id}/result`)).json;
      assert.equal(a.id, last.analysisId);
      assert.equal(a.kind, "coloc-batch");
      assert.equal(a.status, "done");
      assert.equal(a.adclabVersion, ADCLAB_VERSION);
      const sha = (name: string) => createHash("sha256").update(colocFixture(name)).digest("hex");
      assert.deepEqual(
        a.inputs.files.map((f: { name: string; sha256: string }) => [f.name, f.sha256]),
        ["pair-u16-imagej.tif", "pair-labels.tif", "pair-u16-deflate.ome.tif"].map((n) => [n, sha(n)]),
      );
      assert.equal(a.inputs.design.name, "design.csv");
      assert.equal(a.results.schema, "adclab.coloc-batch/1");
      assert.equal(a.results.cells, 16);
      const cells = a.results.tables["coloc-cells.csv"].trim().split("\n");
      const head = cells[0].split(",");
      for (const line of cells.slice(1)) {
        const f = line.split(",");
        const c = refCase(`16-bit pair, cell ${f[head.indexOf("cell")]}`).metrics;
        assert.ok(Math.abs(Number(f[head.indexOf("pearson")]) - c.pearson) < 1e-9);
      }
      // the same pixels in both conditions: no difference at either chase time
      assert.deepEqual(
        a.results.comparison.map((c: { time_h: number; mannWhitneyP: number }) => [c.time_h, c.mannWhitneyP]),
        [
          [2, 1],
          [24, 1],
        ],
      );
    });

    it("cancel stops the worker threads at once and stores nothing", async () => {
      const rows = Array.from({ length: 12 }, (_, i) => `pair-u16-imagej.tif,${i % 2 ? "resistant" : "parental"},2,`);
      const designId = await upload("design-long.csv", design(rows));
      const before = await stored();
      const auditTop = (await store.listAudit({ limit: 1 }))[0]?.id;
      const r = await submit("coloc-batch", { design: designId }, { costesIterations: 3000, workers: 2 });
      assert.equal(r.status, 202, r.text);
      assert.equal(r.json.threads, 2);
      const c = await cancelAfterFirstItem(r.json);
      assert.equal(c.json.threads, 0, "no worker thread left");
      const doneAtCancel = c.json.progress.done;
      assert.ok(doneAtCancel < 12);
      await sleep(300);
      const later = (await call(app, "GET", `/api/jobs/${r.json.id}`)).json;
      assert.equal(later.status, "cancelled");
      assert.equal(later.progress.done, doneAtCancel, "no work after the cancel");
      assert.equal(later.analysisId, null);
      assert.equal(await stored(), before);
      assert.equal(
        (await store.listAudit({ limit: 1 }))[0]?.id,
        auditTop,
        "no analysis, not even an audit entry: only the job's own row, which says cancelled",
      );
      const row = await store.getJob(r.json.id);
      assert.deepEqual([row?.status, row?.progressDone, row?.analysisId], ["cancelled", doneAtCancel, null]);
      const res = await call(app, "GET", `/api/jobs/${r.json.id}/result`);
      assert.equal(res.status, 409);
      assert.match(res.json.message, /cancelled; nothing was stored/);
      assert.equal((await call(app, "POST", `/api/jobs/${r.json.id}/cancel`)).status, 409);
    });

    it("a bad image fails the job with the CLI's message (design row) and stores nothing", async () => {
      const designId = await upload(
        "design-bad.csv",
        design(["pair-u16-imagej.tif,parental,2,", "broken.tif,resistant,2,"]),
      );
      const before = await stored();
      const r = await submit("coloc-batch", { design: designId }, { costesIterations: 0, workers: 1 });
      assert.equal(r.status, 202, r.text);
      const last = (await follow(r.json.id)).at(-1);
      assert.equal(last.status, "failed");
      assert.equal(last.error.input, true);
      assert.match(last.error.message, /^design-bad\.csv, row 3: broken\.tif: not a TIFF file/);
      assert.equal(last.threads, 0);
      assert.equal(await stored(), before);
    });

    it("bad requests are 400s before any job starts", async () => {
      const missing = await upload("design-missing.csv", design(["nowhere.tif,parental,2,"]));
      const cases: [unknown, unknown, RegExp][] = [
        [
          { design: missing },
          {},
          /^design-missing\.csv, row 2, column 'image': file 'nowhere\.tif' not found in this experiment's files/,
        ],
        [{ design: missing }, { metric: "colour" }, /^options\.metric: unknown metric 'colour'/],
        [{}, {}, /^inputs\.design: not a file id/],
      ];
      for (const [inputs, options, message] of cases) {
        const r = await submit("coloc-batch", inputs, options);
        assert.equal(r.status, 400, r.text);
        assert.match(r.json.message, message);
      }
      // fit-batch checks its options as the dose-response analysis does: the CLI's message.
      const fitCases: [Record<string, unknown>, RegExp][] = [
        [{ fix: ["slope=1"] }, /^--fix: unknown parameter 'slope' for model ll4/],
        [{ share: ["hill"], robust: true }, /^--robust: --robust fits each curve on its own; not with --share/],
        [{ threads: 2 }, /^options\.threads: unknown option 'threads' \(expected .*, workers\)/],
      ];
      for (const [options, message] of fitCases) {
        const r = await submit("fit-batch", { files: [missing] }, options);
        assert.equal(r.status, 400, r.text);
        assert.match(r.json.message, message);
      }
      const unknown = await submit("astrology", {}, {});
      assert.match(
        unknown.json.message,
        /^kind: unknown job 'astrology' \(expected coloc-batch, fit-batch, simulate-sweep\)/,
      );
    });

    it("a batch of fits: each file's result is what `adclab fit FILE --json` computes", async () => {
      const names = ["tdm1-long.csv", "reversal-long.csv"];
      const bytes = names.map((n) => new Uint8Array(readFileSync(new URL(n, examples))));
      const ids = [];
      for (const [k, n] of names.entries()) ids.push(await upload(n, bytes[k]!));
      // Every flag of `adclab fit` is an option here too (the dose-response analysis kind's).
      const fit = { model: "prism4", fix: ["bottom=0"], bounds: ["hill=-3:"], share: ["hill"], auc: true };
      const r = await submit("fit-batch", { files: ids }, { ...fit, workers: 2 });
      assert.equal(r.status, 202, r.text);
      const last = (await follow(r.json.id)).at(-1);
      assert.equal(last.status, "done", JSON.stringify(last.error));
      const a = (await call(app, "GET", `/api/jobs/${r.json.id}/result`)).json;
      assert.equal(a.results.schema, "adclab.fit-batch/1");
      const opts = parseDoseResponseOptions(fit);
      for (const [k, n] of names.entries()) {
        const direct = runDoseResponse({ file: { name: n, content: bytes[k]! } }, opts).result;
        assert.deepEqual(a.results.results[k], JSON.parse(JSON.stringify(direct)));
      }
      assert.deepEqual(
        a.inputs.files.map((f: { file: { name: string } }) => f.file.name),
        names,
      );
    });

    it("a mechanism-strength sweep: each point is the simulate procedure at that strength, stored with the request", async () => {
      const request = {
        cellLine: "BT-474M1",
        mechanisms: [
          { id: "slc46a3-loss", strength: 99 },
          { id: "her2-loss", strength: 1.5 },
        ],
      };
      const strengths = [1, 3, 10];
      const r = await submit(
        "simulate-sweep",
        { ...request, sweep: { mechanism: "slc46a3-loss", strengths } },
        { workers: 2 },
      );
      assert.equal(r.status, 202, r.text);
      assert.deepEqual([r.json.progress.done, r.json.progress.total], [0, 3]);
      const last = (await follow(r.json.id)).at(-1);
      assert.equal(last.status, "done", JSON.stringify(last.error));
      assert.equal(last.progress.done, 3);
      const a = (await call(app, "GET", `/api/jobs/${r.json.id}/result`)).json;
      assert.equal(a.kind, "simulate-sweep");
      assert.equal(a.adclabVersion, ADCLAB_VERSION);
      assert.deepEqual(a.inputs, { ...request, sweep: { mechanism: "slc46a3-loss", strengths } });
      assert.equal(a.results.schema, "adclab.simulate-sweep/1");
      assert.deepEqual(
        a.results.points.map((p: { strength: number }) => p.strength),
        strengths,
      );
      for (const [k, strength] of strengths.entries()) {
        // Directly, without the job machinery: the swept setting replaces the request's own.
        const direct: SimulationRequest = {
          cellLine: "BT-474M1",
          mechanisms: [
            { id: "her2-loss", strength: 1.5 },
            { id: "slc46a3-loss", strength },
          ],
        };
        const expected = JSON.parse(JSON.stringify(runSimulation(parseSimulationRequest(direct)).result));
        assert.deepEqual(a.results.points[k].result, expected);
        assert.ok(a.results.points[k].result.ic50_nM > 0, "a predicted IC50 in nM");
      }
    });

    it("a sweep is cancellable and stores nothing", async () => {
      const before = await stored();
      const strengths = Array.from({ length: 60 }, (_, i) => 1 + i / 10);
      const r = await submit(
        "simulate-sweep",
        { cellLine: "BT-474M1", sweep: { mechanism: "slc46a3-loss", strengths } },
        { workers: 1 },
      );
      assert.equal(r.status, 202, r.text);
      const c = await cancelAfterFirstItem(r.json);
      assert.equal(c.json.threads, 0);
      assert.ok(c.json.progress.done < strengths.length);
      await sleep(200);
      assert.equal((await call(app, "GET", `/api/jobs/${r.json.id}`)).json.analysisId, null);
      assert.equal(await stored(), before);
      assert.equal((await call(app, "GET", `/api/jobs/${r.json.id}/result`)).status, 409);
    });

    it("progress is saved in the database while the job runs, at most once per interval; a heartbeat while none is made", async () => {
      // Short intervals, so that a sweep of a few seconds shows several writes (the server: 1 s, 10 s).
      const jobs = new JobManager(store, { progressWriteMs: 200, heartbeatMs: 500 });
      const sweep = (n: number) => ({
        cellLine: "BT-474M1",
        sweep: { mechanism: "slc46a3-loss", strengths: Array.from({ length: n }, (_, i) => 1 + i / 2) },
      });
      /** Every write seen while the job ran (updatedAt → progress done then), until the job ended. */
      const watch = async (id: string) => {
        const writes = new Map<number, number>();
        const t0 = Date.now();
        for (;;) {
          const row = (await store.getJob(id))!;
          if (row.status !== "running") return { writes, seconds: (Date.now() - t0) / 1000, row };
          writes.set(row.updatedAt.getTime(), row.progressDone);
          const running = (await jobs.get(id))!;
          assert.ok(
            row.progressDone <= running.progress.done,
            `saved ${row.progressDone}, ran ${running.progress.done}`,
          );
          await sleep(5);
        }
      };
      const job = await jobs.submit(LOCAL_ACTOR, experimentId, "simulate-sweep", sweep(24), { workers: 1 });
      const { writes, seconds, row } = await watch(job.id);
      const times = [...writes.keys()].sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      console.log(
        `sweep of 24 in ${seconds.toFixed(1)} s: ${times.length - 1} writes while running, gaps ${gaps.join(", ")} ms`,
      );
      assert.ok(
        [...writes.values()].some((d) => d > 0 && d < 24),
        "progress saved while the job ran",
      );
      // One write per item would be ~24 writes at the items' pace; throttled, at most one per 200 ms.
      assert.ok(times.length - 1 <= Math.ceil(seconds / 0.2) + 1, `${times.length - 1} writes in ${seconds} s`);
      assert.ok(
        gaps.every((g) => g >= 100),
        `writes ~200 ms apart: ${gaps}`,
      );
      assert.deepEqual([row.status, row.progressDone, row.progressMessage], ["done", 24, "done: 24 of 24"]);

      // Before its first item is done (worker threads starting), the row is still written: the heartbeat.
      const one = await jobs.submit(LOCAL_ACTOR, experimentId, "simulate-sweep", sweep(1), { workers: 1 });
      const quiet = await watch(one.id);
      const beats = [...quiet.writes.entries()].filter(([t, d]) => d === 0 && t > Date.parse(one.createdAt));
      console.log(`one item in ${quiet.seconds.toFixed(1)} s: ${beats.length} heartbeats before it was done`);
      if (quiet.seconds > 1.5) assert.ok(beats.length >= 1, "a heartbeat while no progress was made");
      assert.equal(quiet.row.status, "done");
    });

    it("the experiment's job list answers from the database, each job as GET /api/jobs/{id} says it", async () => {
      const list = (await call(app, "GET", `/api/experiments/${experimentId}/jobs`)).json;
      assert.ok(list.length >= 6);
      for (const j of list) assert.deepEqual(j, (await call(app, "GET", `/api/jobs/${j.id}`)).json);
      assert.deepEqual(
        list.map((j: { status: string }) => j.status),
        (await store.listJobs(experimentId)).map((j) => j.status),
      );
      for (const s of ["done", "cancelled", "failed"])
        assert.ok(
          list.some((j: { status: string }) => j.status === s),
          s,
        );
      assert.ok(list.every((j: { status: string }) => j.status !== "running"));
      assert.ok(list.every((j: { experimentId: string }) => j.experimentId === experimentId));
    });

    it("a bad sweep is a 400 with the simulate procedure's message, and no job", async () => {
      const before = await stored();
      const cases: [unknown, RegExp][] = [
        [
          { cellLine: "BT-474M1", sweep: { mechanism: "telepathy", strengths: [1, 2] } },
          new RegExp(
            `^inputs\\.sweep\\.mechanism: unknown mechanism 'telepathy' \\(expected one of ${MECHANISM_IDS[0]}`,
          ),
        ],
        [
          { cellLine: "BT-474M1", sweep: { mechanism: "slc46a3-loss", strengths: [2, 0] } },
          /^inputs\.sweep\.strengths\[1\]: strength of 'slc46a3-loss' must be a positive fold change \(1 = none\)/,
        ],
        [
          { cellLine: "BT-474M1", sweep: { mechanism: "slc46a3-loss", strengths: [] } },
          /^inputs\.sweep\.strengths: no strengths/,
        ],
        [
          { cellLine: "BT-474M1", sweep: { mechanism: "slc46a3-loss", strengths: Array(201).fill(2) } },
          /^inputs\.sweep\.strengths: too many strengths \(expected a list of 1 to 200/,
        ],
        [
          { cellLine: "Krypton-1", sweep: { mechanism: "slc46a3-loss", strengths: [2] } },
          /^inputs\.cellLine: unknown cell line 'Krypton-1'/,
        ],
        [{ cellLine: "BT-474M1" }, /^inputs\.sweep: no sweep/],
      ];
      for (const [inputs, message] of cases) {
        const r = await submit("simulate-sweep", inputs, {});
        assert.equal(r.status, 400, r.text);
        assert.match(r.json.message, message);
      }
      assert.equal(await stored(), before);
    });

    it("server mode: another user's job is 403 to read, cancel or fetch", async () => {
      const server = createApp({ store, serverMode: true, maxUploadBytes: 1 << 20, database: "pglite" });
      const token = async (who: string) => {
        await store.createUser(
          { userId: null, username: "setup" },
          { username: who, passwordHash: await hashPassword(`${who}-password`) },
        );
        return (await call(server, "POST", "/api/auth/login", { body: { username: who, password: `${who}-password` } }))
          .json.token as string;
      };
      const alice = await token(`job-alice-${experimentId.slice(0, 8)}`);
      const bob = await token(`job-bob-${experimentId.slice(0, 8)}`);
      const p = await call(server, "POST", "/api/projects", { token: alice, body: { name: "alice's batch" } });
      const e = await call(server, "POST", `/api/projects/${p.json.id}/experiments`, {
        token: alice,
        body: { name: "e" },
      });
      const up = async (name: string, bytes: Uint8Array) =>
        (await call(server, "POST", `/api/experiments/${e.json.id}/files?name=${name}`, { token: alice, raw: bytes }))
          .json.id as string;
      await up("pair-u16-imagej.tif", colocFixture("pair-u16-imagej.tif"));
      const d = await up("design.csv", design(["pair-u16-imagej.tif,parental,2,"]));
      const body = { kind: "coloc-batch", inputs: { design: d }, options: { costesIterations: 0, workers: 1 } };
      assert.equal(
        (await call(server, "POST", `/api/experiments/${e.json.id}/jobs`, { token: bob, body })).status,
        403,
      );
      const job = await call(server, "POST", `/api/experiments/${e.json.id}/jobs`, { token: alice, body });
      assert.equal(job.status, 202, job.text);
      assert.equal((await call(server, "GET", `/api/jobs/${job.json.id}`, { token: bob })).status, 403);
      assert.equal((await call(server, "POST", `/api/jobs/${job.json.id}/cancel`, { token: bob })).status, 403);
      assert.equal((await call(server, "GET", `/api/jobs/${job.json.id}/result`, { token: bob })).status, 403);
      assert.equal((await call(server, "GET", `/api/experiments/${e.json.id}/jobs`, { token: bob })).status, 403);
      assert.equal((await call(server, "GET", `/api/jobs/${job.json.id}`)).status, 401);
      for (;;) {
        const j = await call(server, "GET", `/api/jobs/${job.json.id}`, { token: alice });
        if (j.json.status !== "running") {
          assert.equal(j.json.status, "done");
          break;
        }
        await sleep(20);
      }
    });
  });
}
