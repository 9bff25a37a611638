/** A job module for the worker-pool tests (TypeScript, so the tests also check the loader flag). */
import { threadId } from "node:worker_threads";

export function run(input: {
  n: number;
  fail?: boolean;
  crash?: boolean;
  uncaught?: boolean;
  bytes?: Uint8Array;
}): Promise<{ square: number; thread: number; bytes?: number }> | { square: number; thread: number; bytes?: number } {
  if (input.crash) process.exit(3);
  if (input.uncaught) {
    // thrown outside the job's promise: the thread reports an error, then exits
    setImmediate(() => {
      throw new Error("uncaught in the worker");
    });
    return new Promise(() => {});
  }
  if (input.fail) {
    const e = new RangeError("n is out of range") as RangeError & { field: string };
    e.field = "n";
    throw e;
  }
  return { square: input.n * input.n, thread: threadId, ...(input.bytes ? { bytes: input.bytes.length } : {}) };
}
