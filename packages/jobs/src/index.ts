/** @adclab/jobs — the JobQueue interface and its in-process worker-thread implementation. */
export { JobError, type JobQueue, type SerializedError, serializeError } from "./job-queue.ts";
export { createWorkerPool, type WorkerPoolOptions } from "./worker-pool.ts";
