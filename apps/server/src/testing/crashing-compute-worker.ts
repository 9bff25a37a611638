/**
 * A compute worker for tests of a worker thread that dies: a simulation read out at 13 h ends
 * its thread (as a crash or an out-of-memory kill would) instead of answering; every other task
 * is the real worker's.
 */
import { type ComputeTask, run as realRun } from "../analyses/compute-worker.ts";

export function run(task: ComputeTask): Promise<unknown> {
  if (task.kind === "simulate" && task.request.time === "13h") process.exit(7);
  return realRun(task);
}
