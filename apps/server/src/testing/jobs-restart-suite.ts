/**
 * Jobs across a restart of the server (startServer, as `adclab serve` runs it) on the same
 * database — an embedded data folder (api.pglite.test.ts) or a PostgreSQL server
 * (api.postgres.test.ts): a finished job still answers with its progress and stored analysis; a
 * job running when the server stops says `interrupted` with the message to submit it again, keeps
 * its last progress and stored nothing; another user still cannot read either.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { INTERRUPTED_MESSAGE } from "../jobs/job-manager.ts";
import { type RunningServer, type StartOptions, startServer } from "../listen.ts";

// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field in the tests
type Json = any;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ADMIN = { username: "root", password: "correct horse battery" };

/** `where`: the database to start on (a data folder or a PostgreSQL URL), and how to clean up after. */
export function jobsRestartTests(
  name: string,
  where: () => Promise<{ options: Pick<StartOptions, "dataDir" | "databaseUrl">; stop: () => Promise<void> }>,
  skip?: string,
) {
  describe(`jobs across a server restart on ${name}`, { skip }, () => {
    let target: Awaited<ReturnType<typeof where>> | undefined;
    let server: RunningServer | undefined;
    const tokens: Record<string, string> = {};
    const start = async () => {
      server = await startServer({ ...target!.options, port: 0, serverMode: true, admin: ADMIN, demo: false });
    };
    const restart = async () => {
      await server!.close();
      server = undefined;
      await start();
    };
    const call = async (method: string, path: string, who: string | null, body?: unknown) => {
      const headers: Record<string, string> = {};
      if (who) headers.authorization = `Bearer ${tokens[who]}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await fetch(server!.url + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, json: JSON.parse(text) as Json, text };
    };
    const login = async (who: string, password: string) => {
      const r = await call("POST", "/api/auth/login", null, { username: who, password });
      assert.equal(r.status, 200, r.text);
      tokens[who] = r.json.token;
    };
    /** A new experiment of alice's. */
    const experiment = async () => {
      const p = await call("POST", "/api/projects", "alice", { name: "sweeps" });
      const e = await call("POST", `/api/projects/${p.json.id}/experiments`, "alice", { name: "slc46a3" });
      assert.equal(e.status, 201, e.text);
      return e.json.id as string;
    };
    const sweep = (strengths: number[]) => ({
      kind: "simulate-sweep",
      inputs: { cellLine: "BT-474M1", sweep: { mechanism: "slc46a3-loss", strengths } },
      options: { workers: 1 },
    });
    /** Bob (no member of alice's project) may not read, cancel or list; nobody without a token. */
    const othersLockedOut = async (experimentId: string, jobId: string) => {
      for (const [method, path] of [
        ["GET", `/api/jobs/${jobId}`],
        ["GET", `/api/jobs/${jobId}/result`],
        ["POST", `/api/jobs/${jobId}/cancel`],
        ["GET", `/api/experiments/${experimentId}/jobs`],
      ] as const) {
        assert.equal((await call(method, path, "bob")).status, 403, `bob: ${method} ${path}`);
        assert.equal((await call(method, path, null)).status, 401, `no login: ${method} ${path}`);
      }
    };

    before(async () => {
      target = await where();
      await start();
      await login(ADMIN.username, ADMIN.password);
      for (const who of ["alice", "bob"]) {
        const r = await call("POST", "/api/users", ADMIN.username, { username: who, password: `${who}-password-1` });
        assert.equal(r.status, 201, r.text);
        await login(who, `${who}-password-1`);
      }
    });
    after(async () => {
      await server?.close();
      await target?.stop();
    });

    it("a finished job is still there after a restart: status, progress, request and stored result", async () => {
      const experimentId = await experiment();
      const body = sweep([1, 3]);
      const submitted = await call("POST", `/api/experiments/${experimentId}/jobs`, "alice", body);
      assert.equal(submitted.status, 202, submitted.text);
      let finished: Json;
      for (;;) {
        finished = (await call("GET", `/api/jobs/${submitted.json.id}`, "alice")).json;
        if (finished.status !== "running") break;
        await sleep(50);
      }
      assert.equal(finished.status, "done", JSON.stringify(finished.error));
      const result = (await call("GET", `/api/jobs/${submitted.json.id}/result`, "alice")).json;

      await restart();
      const after = await call("GET", `/api/jobs/${submitted.json.id}`, "alice");
      assert.equal(after.status, 200, after.text);
      assert.deepEqual(after.json, finished, "the same job, field for field");
      assert.equal(after.json.analysisId, result.id);
      assert.deepEqual(after.json.progress, { done: 2, total: 2, message: "done: 2 of 2" });
      assert.deepEqual([after.json.inputs, after.json.options], [body.inputs, body.options]);
      assert.equal(after.json.submittedBy, "alice");
      assert.deepEqual((await call("GET", `/api/jobs/${submitted.json.id}/result`, "alice")).json, result);
      assert.deepEqual((await call("GET", `/api/experiments/${experimentId}/jobs`, "alice")).json, [finished]);
      const cancel = await call("POST", `/api/jobs/${submitted.json.id}/cancel`, "alice");
      assert.equal(cancel.status, 409);
      assert.match(cancel.json.message, /has already finished/);
      await othersLockedOut(experimentId, submitted.json.id);
    });

    it("a job running when the server stops says interrupted after the restart, keeps its progress, and stored nothing", async () => {
      const experimentId = await experiment();
      const strengths = Array.from({ length: 60 }, (_, i) => 1 + i / 4);
      const submitted = await call("POST", `/api/experiments/${experimentId}/jobs`, "alice", sweep(strengths));
      assert.equal(submitted.status, 202, submitted.text);
      let seen: Json;
      for (;;) {
        seen = (await call("GET", `/api/jobs/${submitted.json.id}`, "alice")).json;
        assert.equal(seen.status, "running");
        if (seen.progress.done >= 2) break;
        await sleep(50);
      }

      await restart();
      const job = (await call("GET", `/api/jobs/${submitted.json.id}`, "alice")).json;
      assert.equal(job.status, "interrupted");
      assert.deepEqual(job.error, { message: INTERRUPTED_MESSAGE, input: false });
      assert.ok(job.progress.done >= seen.progress.done && job.progress.done < 60, `done: ${job.progress.done}`);
      assert.equal(job.progress.message, `interrupted after ${job.progress.done} of 60`);
      assert.deepEqual([job.analysisId, job.threads], [null, 0]);
      assert.ok(job.finishedAt >= job.createdAt);
      assert.deepEqual((await call("GET", `/api/experiments/${experimentId}/analyses`, "alice")).json, []);
      const result = await call("GET", `/api/jobs/${submitted.json.id}/result`, "alice");
      assert.equal(result.status, 409);
      assert.equal(result.json.message, `the job was interrupted: ${INTERRUPTED_MESSAGE}`);
      const cancel = await call("POST", `/api/jobs/${submitted.json.id}/cancel`, "alice");
      assert.equal(cancel.status, 409);
      assert.match(cancel.json.message, /was interrupted/);
      assert.deepEqual(
        (await call("GET", `/api/experiments/${experimentId}/jobs`, "alice")).json.map((j: Json) => j.status),
        ["interrupted"],
      );
      await othersLockedOut(experimentId, submitted.json.id);
      // Nothing of it runs on: a while later it is just as it was.
      await sleep(700);
      assert.deepEqual((await call("GET", `/api/jobs/${submitted.json.id}`, "alice")).json, job);
    });
  });
}
