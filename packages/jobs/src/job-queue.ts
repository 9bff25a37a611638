/**
 * The JobQueue: where long work goes (batch image analyses, fits, sweeps) so that the caller
 * can show progress and stay responsive. One implementation today, in-process worker threads
 * (./worker-pool.ts); a queue across machines (e.g. BullMQ on PostgreSQL) can implement the same
 * interface later.
 */

export interface JobQueue<I, O> {
  /** Queue one job; resolves with its result, rejects with a JobError carrying the worker's error. */
  submit(input: I): Promise<O>;
  /** How many jobs run at once. */
  readonly concurrency: number;
  /** Jobs queued or running. */
  readonly pending: number;
  /** Worker threads alive now (0 once closed or cancelled): cancelling really stops the work. */
  readonly threads: number;
  /** Let running and queued jobs finish, then stop the workers. */
  close(): Promise<void>;
  /** Stop now: running and queued jobs reject with a JobError named "JobCancelled". */
  cancel(): Promise<void>;
}

/** What crossed the thread boundary of a failed job: enough to rebuild the error on this side. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** The enumerable own fields of the original error (e.g. an InputError's location and expected). */
  fields: Record<string, unknown>;
}

export class JobError extends Error {
  override readonly name: string;
  constructor(readonly original: SerializedError) {
    super(original.message);
    this.name = original.name === "JobCancelled" ? "JobCancelled" : "JobError";
  }
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) {
      try {
        structuredClone(v);
        fields[k] = v;
      } catch {
        fields[k] = String(v);
      }
    }
    return { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}), fields };
  }
  return { name: "Error", message: String(e), fields: {} };
}
