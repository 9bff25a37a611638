/**
 * Long work as jobs: a batch runs on worker threads through @adclab/jobs' JobQueue (one pool per
 * job, in this process) while the caller polls its progress. Items are loaded from the database
 * only as workers become free, so a large batch never sits in memory at once. The result is
 * stored as an analysis — in one transaction with the job's "done", with its inputs (files and
 * SHA-256), options and ADCLab version — only when every item succeeded: a cancelled, failed,
 * interrupted or crashed job leaves no analysis at all.
 *
 * Every job is also a row in the database (Store: jobs): the request as submitted (file ids and
 * parameters), who submitted it, its progress and how it ended. Progress is written at most once
 * a second, and every HEARTBEAT_MS while an item takes long, so the row shows the job is alive.
 * This process answers from memory for the jobs it runs and from the row for every other, so a
 * job outlives a restart: one the stopping server was running says `interrupted`.
 */
import { availableParallelism } from "node:os";
import { ADCLAB_VERSION, isInputError } from "@adclab/core";
import type { Actor, Job, JobProgress, JobStatus, Store } from "@adclab/db";
import { createWorkerPool, type JobQueue } from "@adclab/jobs";
import { HttpError, notFound } from "../errors.ts";
import { batchKind, type PreparedBatch } from "./batch-kinds.ts";
import type { JobItem, JobItemResult } from "./worker.ts";

export type { JobStatus };

/** What a job that the server stopped (or lost) says, in `error.message`. */
export const INTERRUPTED_MESSAGE = "the server stopped while this job ran; nothing was stored; submit it again";
/** Progress is written at most this often per job, so a fast batch does not hammer the database. */
export const PROGRESS_WRITE_MS = 1000;
/** A running job's row is written at least this often, even while one item takes long. */
export const HEARTBEAT_MS = 10_000;
/**
 * A queued or running job whose row has not been written for this long (six heartbeats) has lost
 * its process — on a PostgreSQL server that several ADCLab servers share, this is how one server
 * tells another's crashed job from a running one.
 */
export const STALE_JOB_SECONDS = 60;

export interface JobView {
  id: string;
  kind: string;
  projectId: string;
  experimentId: string;
  /** Who submitted it ("local" in embedded mode). */
  submittedBy: string;
  /** The request as submitted: file ids and parameters. */
  inputs: unknown;
  options: Record<string, unknown>;
  status: JobStatus;
  progress: JobProgress;
  /** Worker threads alive now (0 once the job ended, or when another process runs it). */
  threads: number;
  /** The stored analysis, once done. */
  analysisId: string | null;
  error: { message: string; input: boolean } | null;
  createdAt: string;
  /** The last write of the process running it (progress or heartbeat). */
  updatedAt: string;
  finishedAt: string | null;
}

export function jobView(row: Job): JobView {
  return {
    id: row.id,
    kind: row.kind,
    projectId: row.projectId,
    experimentId: row.experimentId,
    submittedBy: row.username,
    inputs: row.inputs,
    options: row.options as Record<string, unknown>,
    status: row.status,
    progress: { done: row.progressDone, total: row.progressTotal, message: row.progressMessage },
    threads: 0,
    analysisId: row.analysisId,
    error: row.errorMessage === null ? null : { message: row.errorMessage, input: row.errorIsInput },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

const unfinished = (s: JobStatus) => s === "queued" || s === "running";

/** "the job …" for a job that cannot be cancelled. */
function endedState(s: JobStatus): string {
  switch (s) {
    case "cancelled":
      return "was already cancelled";
    case "failed":
      return "has already failed";
    case "interrupted":
      return "was interrupted (the server stopped while it ran)";
    default:
      return "has already finished";
  }
}

/** A job this process runs. */
interface LiveJob {
  view: JobView;
  actor: Actor;
  pool: JobQueue<JobItem, JobItemResult> | null;
  /** Set when the result is being stored: too late to cancel. */
  finishing: boolean;
  /** Progress changed since its last write. */
  dirty: boolean;
  lastWrite: number;
  timer: ReturnType<typeof setInterval>;
  /** The job's database writes, one after another: progress never overtakes the outcome. */
  writes: Promise<unknown>;
  /** Settles once the job has ended, its outcome is written and it has left memory. */
  ran: Promise<void>;
  /** Resolves when the job is ended from outside its run (cancel, interrupt), so the run stops waiting. */
  stopped: Promise<void>;
  stop: () => void;
}

export interface JobManagerOptions {
  /** Upper bound of worker threads per job (default: all cores). */
  maxWorkers?: number;
  /** Default PROGRESS_WRITE_MS. */
  progressWriteMs?: number;
  /** Default HEARTBEAT_MS. */
  heartbeatMs?: number;
  /**
   * Test hook: submit only this many items of each batch, then hold the job running, and call
   * `onHeld` once that progress is written, so a test can act on a job mid-way (kill the server)
   * by waiting on a condition instead of hoping the machine is slow enough.
   */
  holdAfterItems?: number;
  onHeld?: (jobId: string, done: number) => void;
}

const WORKER = new URL("./worker.ts", import.meta.url);
const PRELOAD = new URL("./register-tsx.mjs", import.meta.url);

export class JobManager {
  private readonly live = new Map<string, LiveJob>();
  private closing = false;
  constructor(
    private readonly store: Store,
    private readonly o: JobManagerOptions = {},
  ) {}

  /** Checks the request (an InputError = 400, no job), then records and starts the job and returns at once. */
  async submit(actor: Actor, experimentId: string, kind: string, inputs: unknown, options: Record<string, unknown>) {
    if (this.closing)
      throw new HttpError(503, "unavailable", "the server is stopping; submit the job once it runs again");
    const prepared = await batchKind(kind).prepare(this.store, experimentId, inputs, options);
    const row = await this.store.createJob(actor, {
      experimentId,
      kind,
      inputs,
      options,
      progress: { done: 0, total: prepared.total, message: "starting worker threads" },
    });
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const job: LiveJob = {
      stopped,
      stop,
      view: jobView(row),
      actor,
      pool: null,
      finishing: false,
      dirty: false,
      lastWrite: Date.now(),
      timer: setInterval(() => this.tick(job), this.o.progressWriteMs ?? PROGRESS_WRITE_MS),
      writes: Promise.resolve(),
      ran: Promise.resolve(),
    };
    job.timer.unref();
    this.live.set(row.id, job);
    job.ran = this.run(job, kind, prepared);
    return this.view(job);
  }

  /** The job as this process runs it, else as its row says (a lost one marked interrupted first). */
  async get(id: string): Promise<JobView | undefined> {
    const job = this.live.get(id);
    if (job) return this.view(job);
    let row = await this.store.getJob(id);
    if (row && unfinished(row.status)) {
      const marked = await this.store.interruptJobs({
        staleSeconds: STALE_JOB_SECONDS,
        message: INTERRUPTED_MESSAGE,
        id,
      });
      if (marked.length) row = await this.store.getJob(id);
    }
    return row && jobView(row);
  }

  /** The experiment's jobs, oldest first. */
  async list(experimentId: string): Promise<JobView[]> {
    let rows = await this.store.listJobs(experimentId);
    if (rows.some((r) => unfinished(r.status) && !this.live.has(r.id))) {
      const marked = await this.store.interruptJobs({ staleSeconds: STALE_JOB_SECONDS, message: INTERRUPTED_MESSAGE });
      if (marked.length) rows = await this.store.listJobs(experimentId);
    }
    return rows.map((r) => {
      const job = this.live.get(r.id);
      return job ? this.view(job) : jobView(r);
    });
  }

  /** Stops the workers now; nothing of the job is stored but its row, which says cancelled. */
  async cancel(id: string): Promise<JobView> {
    const job = this.live.get(id);
    if (!job) {
      const other = await this.get(id);
      if (!other) throw notFound("job");
      if (unfinished(other.status))
        throw new HttpError(409, "conflict", "the job runs in another ADCLab server process; cancel it there");
      throw new HttpError(409, "conflict", `the job ${endedState(other.status)}`);
    }
    if (job.view.status !== "running" || job.finishing) {
      throw new HttpError(409, "conflict", `the job ${endedState(job.finishing ? "done" : job.view.status)}`);
    }
    const ended = this.end(
      job,
      "cancelled",
      null,
      `cancelled after ${job.view.progress.done} of ${job.view.progress.total}`,
    );
    await job.pool?.cancel();
    await ended;
    return this.view(job);
  }

  /**
   * The server is stopping: every job still running is marked interrupted (its last progress
   * kept) and its threads stop; a job already storing its result is let finish.
   */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.live.values()].map(async (job) => {
        if (job.view.status === "running" && !job.finishing) {
          const { done, total } = job.view.progress;
          void this.end(
            job,
            "interrupted",
            { message: INTERRUPTED_MESSAGE, input: false },
            `interrupted after ${done} of ${total}`,
          );
          await job.pool?.cancel();
        }
        await job.ran;
      }),
    );
  }

  private view(job: LiveJob): JobView {
    return { ...job.view, progress: { ...job.view.progress }, threads: job.pool?.threads ?? 0 };
  }

  /** Runs the job's writes in order; a failed write does not stop the ones after it. */
  private serial<T>(job: LiveJob, write: () => Promise<T>): Promise<T> {
    const next = job.writes.then(write);
    job.writes = next.catch(() => undefined);
    return next;
  }

  /** Every progressWriteMs: the progress if it changed, else a heartbeat every heartbeatMs. */
  private tick(job: LiveJob) {
    if (job.view.status !== "running" || job.finishing) return;
    if (!job.dirty && Date.now() - job.lastWrite < (this.o.heartbeatMs ?? HEARTBEAT_MS)) return;
    job.dirty = false;
    job.lastWrite = Date.now();
    const progress = { ...job.view.progress };
    this.serial(job, async () => {
      const running = await this.store.updateJobProgress(job.view.id, progress);
      job.view.updatedAt = new Date().toISOString();
      const hold = this.o.holdAfterItems;
      if (hold !== undefined && progress.done >= Math.min(hold, progress.total))
        this.o.onHeld?.(job.view.id, progress.done);
      // Ended by someone else: another server took this process for lost and marked it interrupted.
      if (!running && job.view.status === "running" && !job.finishing) await this.adopt(job);
    }).catch((e) => console.error(`job ${job.view.id}: progress not saved: ${(e as Error).message}`));
  }

  /** Takes the job's state from its row (it ended elsewhere) and stops its threads. */
  private async adopt(job: LiveJob) {
    const row = await this.store.getJob(job.view.id);
    if (row) job.view = jobView(row);
    clearInterval(job.timer);
    job.stop();
    await job.pool?.cancel();
  }

  /** Ends the job in memory at once; its row follows (the returned write). */
  private end(job: LiveJob, status: "failed" | "cancelled" | "interrupted", error: JobView["error"], message: string) {
    clearInterval(job.timer);
    job.stop();
    job.view.status = status;
    job.view.error = error;
    job.view.progress.message = message;
    job.view.finishedAt = new Date().toISOString();
    const progress = { ...job.view.progress };
    return this.serial(job, async () => {
      const row = await this.store.endJob(job.view.id, { status, progress, ...(error ? { error } : {}) });
      if (row) {
        job.view.updatedAt = row.updatedAt.toISOString();
        job.view.finishedAt = row.finishedAt?.toISOString() ?? job.view.finishedAt;
      }
    }).catch((e) => console.error(`job ${job.view.id}: its end (${status}) was not saved: ${(e as Error).message}`));
  }

  private async run(job: LiveJob, kind: string, p: PreparedBatch) {
    const size = Math.max(
      1,
      Math.min(p.total, p.workers ?? availableParallelism(), this.o.maxWorkers ?? Number.POSITIVE_INFINITY),
    );
    const pool = createWorkerPool<JobItem, JobItemResult>({ module: WORKER, preload: PRELOAD, size });
    job.pool = pool;
    const live = () => job.view.status === "running";
    try {
      const results = await Promise.race([this.runItems(job, pool, p, size, live), job.stopped]);
      if (!results || !live()) return;
      job.finishing = true;
      clearInterval(job.timer);
      await pool.close(); // every item is done: the threads stop before the result is stored
      job.view.progress.message = "storing the result";
      const result = p.finish(results);
      const progress = { done: p.total, total: p.total, message: `done: ${p.total} of ${p.total}` };
      const stored = await this.serial(job, () =>
        this.store.finishJobWithAnalysis(
          job.actor,
          job.view.id,
          { kind, inputs: p.inputs, options: p.options, adclabVersion: ADCLAB_VERSION, results: result },
          progress,
        ),
      );
      if (stored) job.view = jobView(stored.job);
      else await this.adopt(job); // no longer running in the database: nothing was stored
    } catch (e) {
      await pool.cancel();
      if (live()) {
        const message = e instanceof Error ? e.message : String(e);
        if (!isInputError(e)) console.error(e);
        void this.end(job, "failed", { message, input: isInputError(e) }, "failed");
      }
    } finally {
      clearInterval(job.timer);
      await job.writes;
      this.live.delete(job.view.id);
    }
  }

  /** Feeds items to the pool as workers free up; the first failure stops the batch. */
  private runItems(
    job: LiveJob,
    pool: JobQueue<JobItem, JobItemResult>,
    p: PreparedBatch,
    size: number,
    live: () => boolean,
  ): Promise<JobItemResult[]> {
    const results: JobItemResult[] = new Array(p.total);
    let next = 0;
    let inFlight = 0;
    return new Promise((resolve, reject) => {
      const pump = async () => {
        const submit = Math.min(p.total, this.o.holdAfterItems ?? p.total);
        while (live() && inFlight < size * 2 && next < submit) {
          const k = next++;
          inFlight++;
          const item = await p.load(k);
          pool.submit(item).then(
            (r) => {
              results[k] = r;
              inFlight--;
              if (!live()) return; // cancelled or interrupted: its progress stays as it ended
              job.view.progress.done++;
              job.view.progress.message = `${job.view.progress.done} of ${p.total} done (last: ${p.label(k)})`;
              job.dirty = true;
              if (job.view.progress.done === p.total) resolve(results);
              else pump().catch(reject);
            },
            (e) => reject(p.itemError(e, k)),
          );
        }
      };
      pump().catch(reject);
    });
  }
}
