import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { JobError } from "./job-queue.ts";
import { createWorkerPool } from "./worker-pool.ts";

const module = new URL("./test-helpers/square-worker.ts", import.meta.url);
const preload = new URL("./test-helpers/register-tsx.mjs", import.meta.url);

describe("worker-thread JobQueue", () => {
  it("runs jobs on several threads and returns every result to its caller", async () => {
    const pool = createWorkerPool<{ n: number }, { square: number; thread: number }>({ module, size: 2, preload });
    try {
      const out = await Promise.all(Array.from({ length: 8 }, (_, n) => pool.submit({ n })));
      assert.deepEqual(
        out.map((o) => o.square),
        [0, 1, 4, 9, 16, 25, 36, 49],
      );
      assert.ok(
        out.every((o) => o.thread > 0),
        "ran off the main thread",
      );
      assert.equal(pool.concurrency, 2);
    } finally {
      await pool.close();
    }
  });
  it("rejects a failed job with the worker's error and its fields, and keeps going", async () => {
    const pool = createWorkerPool<{ n: number; fail?: boolean }, { square: number }>({ module, size: 1, preload });
    try {
      const err = await pool.submit({ n: 1, fail: true }).catch((e) => e);
      assert.ok(err instanceof JobError);
      assert.equal(err.original.name, "RangeError");
      assert.equal(err.original.message, "n is out of range");
      assert.equal(err.original.fields.field, "n");
      assert.equal((await pool.submit({ n: 3 })).square, 9);
    } finally {
      await pool.close();
    }
  });
  it("replaces a worker that dies and rejects only its job", async () => {
    const pool = createWorkerPool<{ n: number; crash?: boolean }, { square: number }>({ module, size: 1, preload });
    try {
      await assert.rejects(pool.submit({ n: 1, crash: true }), /exit code 3/);
      assert.equal((await pool.submit({ n: 4 })).square, 16);
    } finally {
      await pool.close();
    }
  });
  it("an uncaught error in a worker rejects only its job; the queued one runs on the replacement", async () => {
    const pool = createWorkerPool<{ n: number; uncaught?: boolean }, { square: number }>({ module, size: 1, preload });
    try {
      const [bad, good] = await Promise.allSettled([pool.submit({ n: 1, uncaught: true }), pool.submit({ n: 5 })]);
      assert.equal(bad.status, "rejected");
      assert.match(String((bad as PromiseRejectedResult).reason), /uncaught in the worker/);
      assert.deepEqual(good.status === "fulfilled" && good.value.square, 25);
      assert.equal(pool.threads, 1, "one replacement, not one per event of the dead worker");
    } finally {
      await pool.close();
    }
  });
  it("moves the buffers named by transfer() to the worker instead of copying them", async () => {
    const pool = createWorkerPool<{ n: number; bytes: Uint8Array }, { square: number; bytes: number }>({
      module,
      size: 1,
      preload,
      transfer: (input) => [input.bytes.buffer as ArrayBuffer],
    });
    try {
      const bytes = new Uint8Array(1 << 20).fill(1);
      const out = await pool.submit({ n: 2, bytes });
      assert.equal(out.bytes, 1 << 20, "the worker got every byte");
      assert.equal(bytes.byteLength, 0, "detached here: moved, not copied");
    } finally {
      await pool.close();
    }
  });
  it("with unrefWhenIdle, a pool nobody closes lets the process end once its jobs are done", () => {
    const script = `
      import { createWorkerPool } from ${JSON.stringify(new URL("./worker-pool.ts", import.meta.url).href)};
      const pool = createWorkerPool({ module: ${JSON.stringify(module.href)}, preload: ${JSON.stringify(preload.href)}, size: 2, unrefWhenIdle: true, execArgv: [] });
      console.log(JSON.stringify(await pool.submit({ n: 7 })));
    `;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).square, 49, "the job ran although only the workers were alive");
  });
  it("cancel() rejects queued jobs and stops every worker thread", async () => {
    const pool = createWorkerPool<{ n: number }, { square: number }>({ module, size: 2, preload });
    assert.equal(pool.threads, 2);
    const settling = Promise.allSettled([pool.submit({ n: 1 }), pool.submit({ n: 2 }), pool.submit({ n: 3 })]);
    await pool.cancel();
    const settled = await settling;
    assert.ok(settled.every((s) => s.status === "rejected" && (s.reason as Error).name === "JobCancelled"));
    assert.equal(pool.threads, 0);
  });
});
