/** The store's test suite, run by store.pglite.test.ts and store.postgres.test.ts against each backend. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { isInputError } from "@adclab/core";
import type { OpenDb } from "../open.ts";
import { type Actor, LOCAL_ACTOR, Store, sha256Hex } from "../store.ts";

// NIST FIPS 180-2, appendix B.1: SHA-256("abc").
const NIST_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

/** The same suite, run against embedded PGlite and against a real PostgreSQL server. */
export function storeSuite(
  name: string,
  open: () => Promise<{ db: OpenDb; stop?: () => Promise<void> }>,
  skip?: string,
) {
  describe(`Store on ${name}`, { skip }, () => {
    let handle: OpenDb;
    let stop: (() => Promise<void>) | undefined;
    let store: Store;
    before(async () => {
      const r = await open();
      handle = r.db;
      stop = r.stop;
      store = new Store(handle.db);
    });
    after(async () => {
      await handle?.close();
      await stop?.();
    });

    it("creates, lists, updates and deletes projects and experiments, each with an audit entry", async () => {
      const p = await store.createProject(LOCAL_ACTOR, { name: "KPL-4 resistance", description: "from the documents" });
      assert.match(p.id, /^[0-9a-f-]{36}$/);
      assert.ok((await store.listProjects(null)).some((x) => x.id === p.id));
      const e = await store.createExperiment(LOCAL_ACTOR, { projectId: p.id, name: "MTT 72 h" });
      assert.deepEqual(
        (await store.listExperiments(p.id)).map((x) => x.name),
        ["MTT 72 h"],
      );
      assert.equal((await store.updateProject(LOCAL_ACTOR, p.id, { name: "renamed" }))?.name, "renamed");
      assert.equal((await store.updateExperiment(LOCAL_ACTOR, e.id, { description: "d" }))?.description, "d");
      assert.equal(await store.deleteProject(LOCAL_ACTOR, p.id), true);
      assert.equal(await store.getExperiment(e.id), undefined, "experiments go with their project");
      const actions = (await store.listAudit({ limit: 5 })).map((a) => [a.action, a.target]);
      assert.deepEqual(actions[0], ["project.delete", p.id]);
      assert.ok(actions.some(([a, t]) => a === "project.create" && t === p.id));
    });

    it("keeps raw bytes verbatim with their SHA-256 and size", async () => {
      assert.equal(sha256Hex("abc"), NIST_ABC);
      const p = await store.createProject(LOCAL_ACTOR, { name: "files" });
      const e = await store.createExperiment(LOCAL_ACTOR, { projectId: p.id, name: "e" });
      const bytes = new Uint8Array(512).map((_, i) => (i * 7) % 256); // every byte value, incl. 0
      const info = await store.saveRawFile(LOCAL_ACTOR, {
        experimentId: e.id,
        originalName: " plate 1.csv ",
        mediaType: "text/csv",
        content: bytes,
      });
      assert.equal(info.originalName, "plate 1.csv");
      assert.equal(info.sizeBytes, 512);
      const back = await store.getRawFile(info.id);
      assert.deepEqual(Buffer.from(back!.content), Buffer.from(bytes));
      assert.equal(back!.sha256, sha256Hex(bytes));
      const abc = await store.saveRawFile(LOCAL_ACTOR, {
        experimentId: e.id,
        originalName: "abc.txt",
        mediaType: "text/plain",
        content: new TextEncoder().encode("abc"),
      });
      assert.equal(abc.sha256, NIST_ABC);
      assert.deepEqual(
        (await store.listRawFiles(e.id)).map((f) => f.originalName),
        ["plate 1.csv", "abc.txt"],
      );
    });

    it("refuses a path in a file name and writes nothing", async () => {
      const p = await store.createProject(LOCAL_ACTOR, { name: "traversal" });
      const e = await store.createExperiment(LOCAL_ACTOR, { projectId: p.id, name: "e" });
      const auditBefore = (await store.listAudit({ limit: 1 }))[0]?.id;
      for (const bad of ["../../etc/passwd", "..\\boot.ini", "..", "a\u0000b.csv", ""]) {
        await assert.rejects(
          store.saveRawFile(LOCAL_ACTOR, {
            experimentId: e.id,
            originalName: bad,
            mediaType: "x",
            content: new Uint8Array(1),
          }),
          (err) => isInputError(err) && /file name/.test(err.message),
          JSON.stringify(bad),
        );
      }
      assert.deepEqual(await store.listRawFiles(e.id), []);
      assert.equal((await store.listAudit({ limit: 1 }))[0]?.id, auditBefore);
    });

    it("users, tokens and memberships: a deleted user's token finds nobody", async () => {
      const admin: Actor = { userId: null, username: "setup" };
      const alice = await store.createUser(admin, { username: `alice-${name}`, passwordHash: "scrypt$x" });
      const asAlice: Actor = { userId: alice.id, username: alice.username };
      const p = await store.createProject(asAlice, { name: "alice's" });
      assert.equal(await store.projectRole(p.id, alice.id), "owner");
      const tokenHash = sha256Hex(`token-${name}`);
      await store.createApiToken(asAlice, alice.id, tokenHash, "laptop");
      assert.equal((await store.getUserByTokenSha256(tokenHash))?.id, alice.id);
      assert.deepEqual(
        (await store.listProjects(alice.id)).map((x) => x.id),
        [p.id],
      );
      assert.equal(await store.deleteUser(admin, alice.id), true);
      assert.equal(await store.getUserByTokenSha256(tokenHash), undefined);
      assert.equal(await store.projectRole(p.id, alice.id), undefined);
    });

    it("a write that fails half-way leaves nothing (transaction)", async () => {
      const ghost: Actor = { userId: "00000000-0000-4000-8000-000000000000", username: "ghost" };
      const before = (await store.listProjects(null)).length;
      // The project row inserts, then the owner membership violates its foreign key: all rolls back.
      await assert.rejects(store.createProject(ghost, { name: "half" }));
      assert.equal((await store.listProjects(null)).length, before);
      assert.equal((await store.listAudit({ limit: 1 }))[0]?.action === "project.create", false);
    });

    it("an analysis records inputs, options, version and its outcome exactly once", async () => {
      const p = await store.createProject(LOCAL_ACTOR, { name: "analyses" });
      const e = await store.createExperiment(LOCAL_ACTOR, { projectId: p.id, name: "e" });
      const a = await store.createAnalysis(LOCAL_ACTOR, {
        experimentId: e.id,
        kind: "convert",
        inputs: { value: 10, unit: "µg/mL" },
        options: { to: "nM" },
        adclabVersion: "0.1.0",
      });
      assert.equal(a.status, "running");
      const done = await store.finishAnalysis(LOCAL_ACTOR, a.id, { status: "done", results: { nM: 67.34 } });
      assert.deepEqual(done?.results, { nM: 67.34 });
      assert.equal(await store.finishAnalysis(LOCAL_ACTOR, a.id, { status: "failed" }), undefined);
      assert.equal((await store.getAnalysis(a.id))?.status, "done");
      const b = await store.createAnalysis(LOCAL_ACTOR, {
        experimentId: e.id,
        kind: "convert",
        inputs: {},
        options: {},
        adclabVersion: "0.1.0",
      });
      assert.ok((await store.failAbandonedAnalyses(LOCAL_ACTOR)) >= 1);
      assert.equal((await store.getAnalysis(b.id))?.status, "failed");
      assert.deepEqual(
        (await store.listAnalyses(e.id)).map((x) => x.status),
        ["done", "failed"],
      );
    });

    it("a job records its request, progress and outcome; it ends once, and stores its analysis only while running", async () => {
      const alice = await store.createUser(LOCAL_ACTOR, { username: `job-owner-${name}`, passwordHash: "scrypt$x" });
      const asAlice: Actor = { userId: alice.id, username: alice.username };
      const p = await store.createProject(asAlice, { name: "jobs" });
      const e = await store.createExperiment(asAlice, { projectId: p.id, name: "e" });
      const inputs = { design: "00000000-0000-4000-8000-000000000001" };
      const j = await store.createJob(asAlice, {
        experimentId: e.id,
        kind: "coloc-batch",
        inputs,
        options: { workers: 2 },
        progress: { done: 0, total: 3, message: "starting" },
      });
      assert.deepEqual(
        [j.status, j.projectId, j.experimentId, j.userId, j.username, j.progressDone, j.progressTotal],
        ["running", p.id, e.id, alice.id, alice.username, 0, 3],
      );
      assert.deepEqual(j.inputs, inputs);
      assert.equal(await store.updateJobProgress(j.id, { done: 2, total: 3, message: "2 of 3" }), true);
      const mid = await store.getJob(j.id);
      assert.deepEqual([mid?.progressDone, mid?.progressMessage], [2, "2 of 3"]);
      assert.ok(mid!.updatedAt >= j.updatedAt, "a progress write is also the heartbeat");

      const auditTop = (await store.listAudit({ limit: 1 }))[0]?.id;
      const stored = await store.finishJobWithAnalysis(
        asAlice,
        j.id,
        { kind: "coloc-batch", inputs, options: {}, adclabVersion: "0.1.0", results: { cells: 16 } },
        { done: 3, total: 3, message: "done" },
      );
      assert.equal(stored?.job.status, "done");
      assert.equal(stored?.job.analysisId, stored?.analysis.id);
      assert.deepEqual((await store.getAnalysis(stored!.analysis.id))?.results, { cells: 16 });
      assert.equal((await store.listAudit({ limit: 1 }))[0]?.action, "analysis.done");
      assert.notEqual((await store.listAudit({ limit: 1 }))[0]?.id, auditTop);
      // An ended job is never ended again, nor given progress.
      assert.equal(
        await store.endJob(j.id, { status: "cancelled", progress: { done: 0, total: 3, message: "" } }),
        undefined,
      );
      assert.equal(await store.updateJobProgress(j.id, { done: 0, total: 3, message: "late" }), false);
      assert.equal((await store.getJob(j.id))?.status, "done");

      // A job that is no longer running stores nothing.
      const k = await store.createJob(asAlice, {
        experimentId: e.id,
        kind: "fit-batch",
        inputs: {},
        options: {},
        progress: { done: 0, total: 2, message: "" },
      });
      const ended = await store.endJob(k.id, {
        status: "failed",
        progress: { done: 1, total: 2, message: "failed" },
        error: { message: "plate.csv, row 3: not a number", input: true },
      });
      assert.deepEqual(
        [ended?.status, ended?.errorMessage, ended?.errorIsInput, ended?.progressDone],
        ["failed", "plate.csv, row 3: not a number", true, 1],
      );
      assert.ok(ended?.finishedAt);
      const analysesBefore = (await store.listAnalyses(e.id)).length;
      assert.equal(
        await store.finishJobWithAnalysis(
          asAlice,
          k.id,
          { kind: "fit-batch", inputs: {}, options: {}, adclabVersion: "0.1.0", results: {} },
          { done: 2, total: 2, message: "done" },
        ),
        undefined,
      );
      assert.equal((await store.listAnalyses(e.id)).length, analysesBefore);
      assert.deepEqual(
        (await store.listJobs(e.id)).map((x) => [x.kind, x.status]),
        [
          ["coloc-batch", "done"],
          ["fit-batch", "failed"],
        ],
      );
      // The submitter's account may go; the job keeps the name.
      await store.deleteUser(LOCAL_ACTOR, alice.id);
      assert.deepEqual(
        [(await store.getJob(k.id))?.userId, (await store.getJob(k.id))?.username],
        [null, alice.username],
      );
    });

    it("interrupts only unfinished jobs whose process has gone quiet, and keeps their last progress", async () => {
      const p = await store.createProject(LOCAL_ACTOR, { name: "interrupted jobs" });
      const e = await store.createExperiment(LOCAL_ACTOR, { projectId: p.id, name: "e" });
      const job = (total: number) =>
        store.createJob(LOCAL_ACTOR, {
          experimentId: e.id,
          kind: "simulate-sweep",
          inputs: {},
          options: {},
          progress: { done: 0, total, message: "" },
        });
      const a = await job(60);
      const b = await job(5);
      const cancelled = await job(5);
      await store.endJob(cancelled.id, { status: "cancelled", progress: { done: 0, total: 5, message: "cancelled" } });
      await store.updateJobProgress(a.id, { done: 7, total: 60, message: "7 of 60" });
      const message = "the server stopped while this job ran; nothing was stored; submit it again";
      // Written just now: not stale after an hour's threshold.
      const none = await store.interruptJobs({ staleSeconds: 3600, message });
      assert.ok(!none.includes(a.id) && !none.includes(b.id));
      assert.equal((await store.getJob(a.id))?.status, "running");
      // One job by id, then every unfinished one (threshold 0).
      assert.deepEqual(await store.interruptJobs({ staleSeconds: 0, message, id: b.id }), [b.id]);
      assert.equal((await store.getJob(a.id))?.status, "running");
      const all = await store.interruptJobs({ staleSeconds: 0, message });
      assert.ok(all.includes(a.id) && !all.includes(b.id) && !all.includes(cancelled.id));
      const got = await store.getJob(a.id);
      assert.deepEqual(
        [got?.status, got?.errorMessage, got?.errorIsInput, got?.progressDone, got?.progressMessage],
        ["interrupted", message, false, 7, "interrupted after 7 of 60"],
      );
      assert.ok(got?.finishedAt);
      assert.equal((await store.getJob(cancelled.id))?.status, "cancelled");
      assert.equal(await store.updateJobProgress(a.id, { done: 8, total: 60, message: "" }), false);
    });
  });
}
