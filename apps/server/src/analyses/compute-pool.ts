/**
 * The worker threads that compute single analyses asked for over HTTP (a fit, a co-localization,
 * a troubleshooter run, a simulation, a fit's figure, an image's channel previews or cytofluorogram), so that
 * one of them no longer stalls every other request on the event loop. The kinds' `prepare` still runs on the event loop — validation and file
 * reads, so bad input is a 400 before anything is queued or stored — and only the procedure
 * itself is sent here (./compute-worker.ts).
 *
 * One pool per server, shared by all requests and bounded: cores − 1 threads (at least one), so
 * the event loop — which also runs the embedded database (PGlite) and JSON encoding — keeps a
 * core for the cheap requests while fits queue. Batch jobs keep their own per-job pools
 * (../jobs/job-manager.ts): a job of a thousand images is never queued in front of one
 * interactive fit, nor can a burst of fits delay a job's items; while both run the operating
 * system shares the cores between their threads.
 */
import { availableParallelism } from "node:os";
import { InputError } from "@adclab/core";
import { createWorkerPool, JobError, type JobQueue } from "@adclab/jobs";
import { type ComputeTask, run } from "./compute-worker.ts";

export interface ComputePool {
  /**
   * Runs the task on a worker thread. Rejects with the error the procedure threw (an InputError
   * rebuilt with its fields, so it is still a 400 with the same message) or, if the worker
   * died, an Error saying so; the dead worker is replaced.
   */
  run(task: ComputeTask): Promise<unknown>;
  /** Worker threads used at most. */
  readonly size: number;
  /** Stops the workers (server shutdown); tasks still running are rejected. */
  close(): Promise<void>;
}

export interface ComputePoolOptions {
  /** Default cores − 1, at least 1. */
  size?: number;
  /** The worker module (default ./compute-worker.ts); tests pass one that can crash. */
  module?: URL;
}

const WORKER = new URL("./compute-worker.ts", import.meta.url);
const PRELOAD = new URL("../jobs/register-tsx.mjs", import.meta.url);

export const defaultComputeThreads = (cores = availableParallelism()) => Math.max(1, cores - 1);

/** Threads start on the first task (a server that never fits spawns none); idle ones do not keep the process alive. */
export function createComputePool(o: ComputePoolOptions = {}): ComputePool {
  const size = o.size ?? defaultComputeThreads();
  let pool: JobQueue<ComputeTask, unknown> | null = null;
  let closed = false;
  return {
    size,
    async run(task) {
      if (closed) throw new Error("the server is shutting down");
      pool ??= createWorkerPool<ComputeTask, unknown>({
        module: o.module ?? WORKER,
        preload: PRELOAD,
        size,
        transfer: movableBuffers,
        unrefWhenIdle: true,
      });
      try {
        return await pool.submit(task);
      } catch (e) {
        throw errorFromWorker(e);
      }
    },
    async close() {
      closed = true;
      await pool?.cancel();
    },
  };
}

/**
 * Runs the task on the given pool, or on this thread without one (the demo project, analysed at
 * start-up before the server listens): the same procedure either way.
 */
export async function compute(pool: ComputePool | undefined, task: ComputeTask): Promise<unknown> {
  return pool ? pool.run(task) : run(task);
}

/** The error as the procedure threw it on this thread: an InputError stays one, with its fields. */
export function errorFromWorker(e: unknown): unknown {
  if (!(e instanceof JobError)) return e;
  const o = e.original;
  if (o.name === "InputError") {
    const f = o.fields as { problem?: string; location?: object; expected?: string; got?: unknown };
    return new InputError(f.problem ?? o.message, { ...f.location, expected: f.expected, got: f.got });
  }
  const err = new Error(o.message);
  err.name = o.name;
  if (o.stack) err.stack = o.stack; // the worker's stack, for the server log
  return err;
}

/**
 * The file bytes of a task that can move to the worker instead of being copied: only a view that
 * owns its whole buffer (a small Buffer shares a pooled slab with others, which must stay).
 */
function movableBuffers(task: ComputeTask): ArrayBuffer[] {
  const bytes: unknown[] =
    task.kind === "dose-response" || task.kind === "dose-response-figure"
      ? Object.values(task.files).map((f) => f?.content)
      : task.kind === "coloc" || task.kind === "cytofluorogram"
        ? [task.input.image, task.input.image2, task.input.mask, task.input.labels].map((f) => f?.bytes)
        : task.kind === "image-info"
          ? [task.file.bytes]
          : [];
  const out: ArrayBuffer[] = [];
  for (const b of bytes) {
    if (
      b instanceof Uint8Array &&
      b.buffer instanceof ArrayBuffer &&
      b.byteOffset === 0 &&
      b.byteLength === b.buffer.byteLength
    )
      out.push(b.buffer);
  }
  return out;
}
