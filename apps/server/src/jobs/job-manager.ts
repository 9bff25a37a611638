/**
 * Long work as jobs: a batch runs on worker threads through @adclab/jobs' JobQueue (one pool per
 * job, in this process) while the caller polls its progress. Items are loaded from the database
 * only as workers become free, so a large batch never sits in memory at once. The result is
 * stored as an analysis — in one transaction, with its inputs (files and SHA-256), options and
 * ADCLab version — only when every item succeeded: a cancelled, failed or crashed job leaves no
 * record at all. Jobs themselves live in memory; a restart forgets them (nothing was written).
 */
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { ADCLAB_VERSION, isInputError } from "@adclab/core";
import type { Actor, Store } from "@adclab/db";
import { createWorkerPool, type JobQueue } from "@adclab/jobs";
import { HttpError } from "../errors.ts";
import { batchKind, type PreparedBatch } from "./batch-kinds.ts";
import type { JobItem, JobItemResult } from "./worker.ts";

export type JobStatus = "running" | "done" | "failed" | "cancelled";

export interface JobView {
  id: string;
  kind: string;
  experimentId: string;
  status: JobStatus;
  progress: { done: number; total: number; message: string };
  /** Worker threads alive now (0 once the job ended). */
  threads: number;
  /** The stored analysis, once done. */
  analysisId: string | null;
  error: { message: string; input: boolean } | null;
  createdAt: string;
  finishedAt: string | null;
}

interface Job {
  view: JobView;
  pool: JobQueue<JobItem, JobItemResult> | null;
  /** Set when the result is being stored: too late to cancel. */
  finishing: boolean;
}

export interface JobManagerOptions {
  /** Upper bound of worker threads per job (default: all cores). */
  maxWorkers?: number;
}

const WORKER = new URL("./worker.ts", import.meta.url);
const PRELOAD = new URL("./register-tsx.mjs", import.meta.url);

export class JobManager {
  private readonly jobs = new Map<string, Job>();
  constructor(
    private readonly store: Store,
    private readonly o: JobManagerOptions = {},
  ) {}

  /** Checks the request (an InputError = 400, no job), then starts the job and returns at once. */
  async submit(actor: Actor, experimentId: string, kind: string, inputs: unknown, options: Record<string, unknown>) {
    const prepared = await batchKind(kind).prepare(this.store, experimentId, inputs, options);
    const job: Job = {
      view: {
        id: randomUUID(),
        kind,
        experimentId,
        status: "running",
        progress: { done: 0, total: prepared.total, message: "starting worker threads" },
        threads: 0,
        analysisId: null,
        error: null,
        createdAt: new Date().toISOString(),
        finishedAt: null,
      },
      pool: null,
      finishing: false,
    };
    this.jobs.set(job.view.id, job);
    void this.run(job, actor, kind, prepared);
    return this.view(job);
  }

  get(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    return job && this.view(job);
  }

  /** Stops the workers now; nothing of the job is stored. */
  async cancel(id: string): Promise<JobView> {
    const job = this.jobs.get(id);
    if (!job) throw new HttpError(404, "not-found", "job not found");
    if (job.view.status !== "running" || job.finishing) {
      const state =
        job.view.status === "cancelled"
          ? "was already cancelled"
          : job.view.status === "failed"
            ? "has already failed"
            : "has already finished";
      throw new HttpError(409, "conflict", `the job ${state}`);
    }
    this.end(job, "cancelled", null);
    job.view.progress.message = `cancelled after ${job.view.progress.done} of ${job.view.progress.total}`;
    await job.pool?.cancel();
    return this.view(job);
  }

  private view(job: Job): JobView {
    return { ...job.view, progress: { ...job.view.progress }, threads: job.pool?.threads ?? 0 };
  }

  private end(job: Job, status: JobStatus, error: JobView["error"]) {
    job.view.status = status;
    job.view.error = error;
    job.view.finishedAt = new Date().toISOString();
  }

  private async run(job: Job, actor: Actor, kind: string, p: PreparedBatch) {
    const size = Math.max(
      1,
      Math.min(p.total, p.workers ?? availableParallelism(), this.o.maxWorkers ?? Number.POSITIVE_INFINITY),
    );
    const pool = createWorkerPool<JobItem, JobItemResult>({ module: WORKER, preload: PRELOAD, size });
    job.pool = pool;
    const live = () => job.view.status === "running";
    try {
      const results = await this.runItems(job, pool, p, size, live);
      if (!live()) return;
      job.finishing = true;
      job.view.progress.message = "storing the result";
      const result = p.finish(results);
      const analysis = await this.store.recordFinishedAnalysis(actor, {
        experimentId: job.view.experimentId,
        kind,
        inputs: p.inputs,
        options: p.options,
        adclabVersion: ADCLAB_VERSION,
        results: result,
      });
      await pool.close();
      job.view.analysisId = analysis.id;
      job.view.progress.message = `done: ${p.total} of ${p.total}`;
      this.end(job, "done", null);
    } catch (e) {
      await pool.cancel();
      if (live()) {
        const message = e instanceof Error ? e.message : String(e);
        if (!isInputError(e)) console.error(e);
        job.view.progress.message = "failed";
        this.end(job, "failed", { message, input: isInputError(e) });
      }
    }
  }

  /** Feeds items to the pool as workers free up; the first failure stops the batch. */
  private runItems(
    job: Job,
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
        while (live() && inFlight < size * 2 && next < p.total) {
          const k = next++;
          inFlight++;
          const item = await p.load(k);
          pool.submit(item).then(
            (r) => {
              results[k] = r;
              inFlight--;
              job.view.progress.done++;
              job.view.progress.message = `${job.view.progress.done} of ${p.total} done (last: ${p.label(k)})`;
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
