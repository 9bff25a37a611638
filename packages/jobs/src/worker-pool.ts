/**
 * In-process JobQueue on worker_threads: a fixed number of workers (default: all cores), each
 * loading one job module and running its exported function on each input it is given. Jobs are
 * handed out as workers become free; a worker that dies is replaced and its job rejected.
 */
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { JobError, type JobQueue, type SerializedError } from "./job-queue.ts";

export interface WorkerPoolOptions<I = unknown> {
  /** The job module (file URL or absolute path): exports `exportName(input) → result | Promise<result>`. */
  module: string | URL;
  exportName?: string;
  /** Number of workers; default all cores. */
  size?: number;
  /**
   * A module imported in each worker before the job module, e.g. one that registers a TypeScript
   * loader (tsx's register()) so that `module` may be a .ts file.
   */
  preload?: string | URL;
  /** Node flags for the workers; default the parent's. */
  execArgv?: string[];
  /**
   * The buffers of an input to move to the worker instead of copying (e.g. image bytes): the
   * caller must not use them after submit(). A buffer that cannot be moved is copied instead.
   */
  transfer?: (input: I) => ArrayBuffer[];
  /**
   * Idle workers do not keep the process alive (a long-lived pool shared by whoever needs it,
   * e.g. in tests that never close it); busy ones do, so a pending job is never abandoned.
   */
  unrefWhenIdle?: boolean;
}

interface Task<I, O> {
  id: number;
  input: I;
  resolve(o: O): void;
  reject(e: unknown): void;
}

interface Slot<I, O> {
  worker: Worker;
  ready: boolean;
  task: Task<I, O> | null;
}

export function createWorkerPool<I, O>(o: WorkerPoolOptions<I>): JobQueue<I, O> {
  const size = Math.max(1, o.size ?? availableParallelism());
  const moduleUrl = toUrl(o.module);
  const preloadUrl = o.preload === undefined ? null : toUrl(o.preload);
  const queue: Task<I, O>[] = [];
  const slots: Slot<I, O>[] = [];
  let nextId = 1;
  let closing = false;
  let closed = false;
  let drained: (() => void) | null = null;

  const spawn = (): Slot<I, O> => {
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
      workerData: { module: moduleUrl, preload: preloadUrl, exportName: o.exportName ?? "run" },
      execArgv: o.execArgv ?? process.execArgv,
    });
    if (o.unrefWhenIdle && queue.length === 0 && !slots.some((s) => s.task)) worker.unref();
    const slot: Slot<I, O> = { worker, ready: false, task: null };
    worker.on("message", (m: { ready?: boolean; id?: number; ok?: boolean; result?: O; error?: SerializedError }) => {
      if (m.ready) {
        slot.ready = true;
        dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== m.id) return;
      slot.task = null;
      if (m.ok) task.resolve(m.result as O);
      else task.reject(new JobError(m.error as SerializedError));
      dispatch();
    });
    worker.on("error", (e) => fail(slot, e));
    worker.on("exit", (code) => {
      if (closed) return;
      fail(slot, new Error(`worker stopped with exit code ${code}`));
    });
    return slot;
  };

  const fail = (slot: Slot<I, O>, e: unknown) => {
    // A worker's uncaught error is followed by its exit (and terminate() below causes one):
    // only the first ends the slot, or the later one would reject other jobs and spawn twice.
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    const task = slot.task;
    slot.task = null;
    void slot.worker.terminate();
    const err = e instanceof Error ? e : new Error(String(e));
    if (task) task.reject(new JobError({ name: err.name, message: err.message, fields: {} }));
    else while (queue.length) queue.shift()?.reject(new JobError({ name: err.name, message: err.message, fields: {} }));
    if (!closed && (queue.length > 0 || !closing)) slots.push(spawn());
    dispatch();
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task) continue;
      const task = queue.shift();
      if (!task) break;
      slot.task = task;
      try {
        post(slot.worker, { id: task.id, input: task.input }, o.transfer?.(task.input) ?? []);
      } catch (e) {
        slot.task = null; // an input that cannot cross the thread boundary: its job fails, the worker stays
        task.reject(e);
      }
    }
    if (o.unrefWhenIdle) {
      const busy = queue.length > 0 || slots.some((s) => s.task);
      for (const s of slots) busy ? s.worker.ref() : s.worker.unref();
    }
    if (closing && queue.length === 0 && slots.every((s) => !s.task)) drained?.();
  };

  const stopAll = async () => {
    closed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    slots.length = 0;
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    concurrency: size,
    get pending() {
      return queue.length + slots.filter((s) => s.task).length;
    },
    get threads() {
      return slots.length;
    },
    submit(input) {
      if (closing || closed) return Promise.reject(new Error("the worker pool is closed"));
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      if (queue.length > 0 || slots.some((s) => s.task)) await new Promise<void>((r) => (drained = r));
      await stopAll();
    },
    async cancel() {
      closing = true;
      const cancelled = new JobError({ name: "JobCancelled", message: "the job was cancelled", fields: {} });
      while (queue.length) queue.shift()?.reject(cancelled);
      for (const s of slots) {
        s.task?.reject(cancelled);
        s.task = null;
      }
      await stopAll();
    },
  };
}

function post(worker: Worker, message: unknown, transfer: ArrayBuffer[]) {
  const movable = transfer.filter((b, i) => b.byteLength > 0 && transfer.indexOf(b) === i);
  if (movable.length === 0) return worker.postMessage(message);
  try {
    worker.postMessage(message, movable);
  } catch {
    worker.postMessage(message); // e.g. a buffer that cannot be detached: copied, same result
  }
}

function toUrl(m: string | URL): string {
  if (m instanceof URL) return m.href;
  return m.startsWith("file:") ? m : pathToFileURL(m).href;
}
