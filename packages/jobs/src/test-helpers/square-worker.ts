/** A job module for the worker-pool tests (TypeScript, so the tests also check the loader flag). */
import { threadId } from "node:worker_threads";

export function run(input: { n: number; fail?: boolean; crash?: boolean }): { square: number; thread: number } {
  if (input.crash) process.exit(3);
  if (input.fail) {
    const e = new RangeError("n is out of range") as RangeError & { field: string };
    e.field = "n";
    throw e;
  }
  return { square: input.n * input.n, thread: threadId };
}
