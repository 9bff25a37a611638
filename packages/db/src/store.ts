/**
 * The store: every read and write the apps make, over either backend. Each write that changes
 * more than one row, and every write with its audit entry, runs in one transaction, so a crash
 * leaves either all of it or none of it.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { sanitizeFileName } from "./file-name.ts";
import type { Database } from "./open.ts";
import {
  type AnalysisStatus,
  analyses,
  apiTokens,
  auditLog,
  experiments,
  type JobStatus,
  jobs,
  type ProjectRole,
  projectMembers,
  projects,
  rawFiles,
  users,
} from "./schema.ts";

/** Who is acting. Embedded mode acts as the local user (no account). */
export interface Actor {
  userId: string | null;
  username: string;
}
export const LOCAL_ACTOR: Actor = { userId: null, username: "local" };

export type User = typeof users.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Experiment = typeof experiments.$inferSelect;
export type RawFile = typeof rawFiles.$inferSelect;
export type RawFileInfo = Omit<RawFile, "content">;
export type Analysis = typeof analyses.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Job = typeof jobs.$inferSelect;
/** What a job's last write says of its progress. */
export interface JobProgress {
  done: number;
  total: number;
  message: string;
}
/** Queued or running: not ended yet. */
const UNFINISHED_JOB: JobStatus[] = ["queued", "running"];

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const rawFileInfoColumns = {
  id: rawFiles.id,
  experimentId: rawFiles.experimentId,
  originalName: rawFiles.originalName,
  mediaType: rawFiles.mediaType,
  sizeBytes: rawFiles.sizeBytes,
  sha256: rawFiles.sha256,
  createdAt: rawFiles.createdAt,
};

export class Store {
  constructor(readonly db: Database) {}

  private async audit(tx: Tx, actor: Actor, action: string, target: string | null, details: object = {}) {
    await tx.insert(auditLog).values({ userId: actor.userId, username: actor.username, action, target, details });
  }

  // ── users and tokens ────────────────────────────────────────────────────────────────────
  async createUser(actor: Actor, u: { username: string; passwordHash: string; isAdmin?: boolean }): Promise<User> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ username: u.username, passwordHash: u.passwordHash, isAdmin: u.isAdmin ?? false })
        .returning();
      await this.audit(tx, actor, "user.create", row!.id, { username: u.username });
      return row!;
    });
  }

  async countUsers(): Promise<number> {
    const [r] = await this.db.select({ n: sql<number>`count(*)::int` }).from(users);
    return r?.n ?? 0;
  }

  async getUserByUsername(username: string): Promise<User | undefined> {
    return (await this.db.select().from(users).where(eq(users.username, username)))[0];
  }

  async getUserById(id: string): Promise<User | undefined> {
    return (await this.db.select().from(users).where(eq(users.id, id)))[0];
  }

  /** Deletes the user; their tokens and memberships go with them (foreign keys cascade). */
  async deleteUser(actor: Actor, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = await tx.delete(users).where(eq(users.id, id)).returning({ id: users.id });
      if (gone.length) await this.audit(tx, actor, "user.delete", id);
      return gone.length > 0;
    });
  }

  async createApiToken(actor: Actor, userId: string, tokenSha256: string, label: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.insert(apiTokens).values({ userId, tokenSha256, label }).returning({ id: apiTokens.id });
      await this.audit(tx, actor, "token.create", row!.id, { userId, label });
    });
  }

  /** Revokes one token (log out); the user and their other tokens stay. */
  async deleteApiToken(actor: Actor, tokenSha256: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = await tx
        .delete(apiTokens)
        .where(eq(apiTokens.tokenSha256, tokenSha256))
        .returning({ id: apiTokens.id });
      if (gone.length) await this.audit(tx, actor, "token.delete", gone[0]!.id);
      return gone.length > 0;
    });
  }

  async getUserByTokenSha256(tokenSha256: string): Promise<User | undefined> {
    const rows = await this.db
      .select({ user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenSha256, tokenSha256));
    return rows[0]?.user;
  }

  // ── projects ────────────────────────────────────────────────────────────────────────────
  async createProject(actor: Actor, p: { name: string; description?: string }): Promise<Project> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(projects)
        .values({ name: p.name, description: p.description ?? "", ownerId: actor.userId })
        .returning();
      if (actor.userId)
        await tx.insert(projectMembers).values({ projectId: row!.id, userId: actor.userId, role: "owner" });
      await this.audit(tx, actor, "project.create", row!.id, { name: p.name });
      return row!;
    });
  }

  /** All projects (userId null: embedded mode) or those the user is a member of. */
  async listProjects(userId: string | null): Promise<Project[]> {
    if (userId === null) return this.db.select().from(projects).orderBy(asc(projects.createdAt), asc(projects.id));
    const rows = await this.db
      .select({ p: projects })
      .from(projects)
      .innerJoin(projectMembers, eq(projectMembers.projectId, projects.id))
      .where(eq(projectMembers.userId, userId))
      .orderBy(asc(projects.createdAt), asc(projects.id));
    return rows.map((r) => r.p);
  }

  async getProject(id: string): Promise<Project | undefined> {
    return (await this.db.select().from(projects).where(eq(projects.id, id)))[0];
  }

  async projectRole(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    const rows = await this.db
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
    return rows[0]?.role;
  }

  async setMember(actor: Actor, projectId: string, userId: string, role: ProjectRole): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .insert(projectMembers)
        .values({ projectId, userId, role })
        .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role } });
      await this.audit(tx, actor, "project.member", projectId, { userId, role });
    });
  }

  async updateProject(
    actor: Actor,
    id: string,
    patch: { name?: string; description?: string },
  ): Promise<Project | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.update(projects).set(patch).where(eq(projects.id, id)).returning();
      if (row) await this.audit(tx, actor, "project.update", id, patch);
      return row;
    });
  }

  async deleteProject(actor: Actor, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = await tx.delete(projects).where(eq(projects.id, id)).returning({ id: projects.id });
      if (gone.length) await this.audit(tx, actor, "project.delete", id);
      return gone.length > 0;
    });
  }

  // ── experiments ─────────────────────────────────────────────────────────────────────────
  async createExperiment(
    actor: Actor,
    e: { projectId: string; name: string; description?: string },
  ): Promise<Experiment> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(experiments)
        .values({ projectId: e.projectId, name: e.name, description: e.description ?? "" })
        .returning();
      await this.audit(tx, actor, "experiment.create", row!.id, { projectId: e.projectId, name: e.name });
      return row!;
    });
  }

  async listExperiments(projectId: string): Promise<Experiment[]> {
    return this.db
      .select()
      .from(experiments)
      .where(eq(experiments.projectId, projectId))
      .orderBy(asc(experiments.createdAt), asc(experiments.id));
  }

  async getExperiment(id: string): Promise<Experiment | undefined> {
    return (await this.db.select().from(experiments).where(eq(experiments.id, id)))[0];
  }

  async updateExperiment(
    actor: Actor,
    id: string,
    patch: { name?: string; description?: string },
  ): Promise<Experiment | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.update(experiments).set(patch).where(eq(experiments.id, id)).returning();
      if (row) await this.audit(tx, actor, "experiment.update", id, patch);
      return row;
    });
  }

  async deleteExperiment(actor: Actor, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = await tx.delete(experiments).where(eq(experiments.id, id)).returning({ id: experiments.id });
      if (gone.length) await this.audit(tx, actor, "experiment.delete", id);
      return gone.length > 0;
    });
  }

  // ── raw files ───────────────────────────────────────────────────────────────────────────
  /** Stores the bytes verbatim with their SHA-256; the name is checked by sanitizeFileName. */
  async saveRawFile(
    actor: Actor,
    f: { experimentId: string; originalName: string; mediaType: string; content: Uint8Array },
  ): Promise<RawFileInfo> {
    const originalName = sanitizeFileName(f.originalName);
    const sha256 = sha256Hex(f.content);
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(rawFiles)
        .values({
          experimentId: f.experimentId,
          originalName,
          mediaType: f.mediaType,
          sizeBytes: f.content.byteLength,
          sha256,
          content: f.content,
        })
        .returning(rawFileInfoColumns);
      await this.audit(tx, actor, "file.upload", row!.id, { experimentId: f.experimentId, sha256, name: originalName });
      return row!;
    });
  }

  async listRawFiles(experimentId: string): Promise<RawFileInfo[]> {
    return this.db
      .select(rawFileInfoColumns)
      .from(rawFiles)
      .where(eq(rawFiles.experimentId, experimentId))
      .orderBy(asc(rawFiles.createdAt), asc(rawFiles.id));
  }

  async getRawFile(id: string): Promise<RawFile | undefined> {
    return (await this.db.select().from(rawFiles).where(eq(rawFiles.id, id)))[0];
  }

  // ── analyses ────────────────────────────────────────────────────────────────────────────
  async createAnalysis(
    actor: Actor,
    a: { experimentId: string; kind: string; inputs: unknown; options: unknown; adclabVersion: string },
  ): Promise<Analysis> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(analyses)
        .values({ ...a, status: "running" })
        .returning();
      await this.audit(tx, actor, "analysis.start", row!.id, { experimentId: a.experimentId, kind: a.kind });
      return row!;
    });
  }

  /** Records the outcome once: a finished analysis is never overwritten. */
  async finishAnalysis(
    actor: Actor,
    id: string,
    outcome: { status: Extract<AnalysisStatus, "done" | "failed">; results?: unknown; error?: unknown },
  ): Promise<Analysis | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(analyses)
        .set({
          status: outcome.status,
          results: outcome.results ?? null,
          error: outcome.error ?? null,
          finishedAt: new Date(),
        })
        .where(and(eq(analyses.id, id), or(eq(analyses.status, "running"), eq(analyses.status, "pending"))))
        .returning();
      if (row) await this.audit(tx, actor, `analysis.${outcome.status}`, id);
      return row;
    });
  }

  async listAnalyses(experimentId: string): Promise<Analysis[]> {
    return this.db
      .select()
      .from(analyses)
      .where(eq(analyses.experimentId, experimentId))
      .orderBy(asc(analyses.createdAt), asc(analyses.id));
  }

  async getAnalysis(id: string): Promise<Analysis | undefined> {
    return (await this.db.select().from(analyses).where(eq(analyses.id, id)))[0];
  }

  /** Analyses left 'running' by a process that died: marked failed at startup, results never invented. */
  async failAbandonedAnalyses(actor: Actor): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .update(analyses)
        .set({ status: "failed", error: { message: "interrupted: the server stopped before it finished" } })
        .where(inArray(analyses.status, ["running", "pending"]))
        .returning({ id: analyses.id });
      for (const r of rows) await this.audit(tx, actor, "analysis.interrupted", r.id);
      return rows.length;
    });
  }

  // ── jobs ────────────────────────────────────────────────────────────────────────────────
  // A job row is the running process' own bookkeeping (progress, heartbeat, outcome), so it has
  // no audit entries; what a job stores (its analysis) is audited as every analysis is.

  /** A job that starts now (running) in the experiment's project, submitted by the actor. */
  async createJob(
    actor: Actor,
    j: { experimentId: string; kind: string; inputs: unknown; options: unknown; progress: JobProgress },
  ): Promise<Job> {
    return this.db.transaction(async (tx) => {
      const [e] = await tx
        .select({ projectId: experiments.projectId })
        .from(experiments)
        .where(eq(experiments.id, j.experimentId));
      if (!e) throw new Error(`no experiment ${j.experimentId}`);
      const [row] = await tx
        .insert(jobs)
        .values({
          kind: j.kind,
          projectId: e.projectId,
          experimentId: j.experimentId,
          userId: actor.userId,
          username: actor.username,
          inputs: j.inputs,
          options: j.options,
          status: "running",
          progressDone: j.progress.done,
          progressTotal: j.progress.total,
          progressMessage: j.progress.message,
        })
        .returning();
      return row!;
    });
  }

  async getJob(id: string): Promise<Job | undefined> {
    return (await this.db.select().from(jobs).where(eq(jobs.id, id)))[0];
  }

  async listJobs(experimentId: string): Promise<Job[]> {
    return this.db
      .select()
      .from(jobs)
      .where(eq(jobs.experimentId, experimentId))
      .orderBy(asc(jobs.createdAt), asc(jobs.id));
  }

  /** Progress of a running job (also its heartbeat: updated_at); false once the job has ended. */
  async updateJobProgress(id: string, p: JobProgress): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({ progressDone: p.done, progressTotal: p.total, progressMessage: p.message, updatedAt: sql`now()` })
      .where(and(eq(jobs.id, id), eq(jobs.status, "running")))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /**
   * Ends a queued or running job without a result (failed, cancelled, interrupted), once: a job
   * that has already ended is not touched (undefined).
   */
  async endJob(
    id: string,
    outcome: {
      status: Extract<JobStatus, "failed" | "cancelled" | "interrupted">;
      progress: JobProgress;
      error?: { message: string; input: boolean };
    },
  ): Promise<Job | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({
        status: outcome.status,
        progressDone: outcome.progress.done,
        progressTotal: outcome.progress.total,
        progressMessage: outcome.progress.message,
        errorMessage: outcome.error?.message ?? null,
        errorIsInput: outcome.error?.input ?? false,
        updatedAt: sql`now()`,
        finishedAt: sql`now()`,
      })
      .where(and(eq(jobs.id, id), inArray(jobs.status, UNFINISHED_JOB)))
      .returning();
    return row;
  }

  /**
   * A running job's result, stored as a finished analysis, and the job marked done with it, in
   * one transaction. The job row is claimed first (which locks it): if the job is no longer
   * running (cancelled, or marked interrupted), nothing is stored and the answer is undefined.
   */
  async finishJobWithAnalysis(
    actor: Actor,
    id: string,
    a: { kind: string; inputs: unknown; options: unknown; adclabVersion: string; results: unknown },
    progress: JobProgress,
  ): Promise<{ job: Job; analysis: Analysis } | undefined> {
    return this.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(jobs)
        .set({ status: "done", updatedAt: sql`now()`, finishedAt: sql`now()` })
        .where(and(eq(jobs.id, id), eq(jobs.status, "running")))
        .returning({ experimentId: jobs.experimentId });
      if (!claimed) return undefined;
      const [analysis] = await tx
        .insert(analyses)
        .values({ ...a, experimentId: claimed.experimentId, status: "done", finishedAt: new Date() })
        .returning();
      await this.audit(tx, actor, "analysis.done", analysis!.id, { experimentId: claimed.experimentId, kind: a.kind });
      const [job] = await tx
        .update(jobs)
        .set({
          analysisId: analysis!.id,
          progressDone: progress.done,
          progressTotal: progress.total,
          progressMessage: progress.message,
        })
        .where(eq(jobs.id, id))
        .returning();
      return { job: job!, analysis: analysis! };
    });
  }

  /**
   * Marks interrupted the queued or running jobs whose process has not written for more than
   * `staleSeconds` (0: every one; only right for a database this process alone uses), optionally
   * only the job `id`. Returns the ids marked.
   */
  async interruptJobs(o: { staleSeconds: number; message: string; id?: string }): Promise<string[]> {
    const rows = await this.db
      .update(jobs)
      .set({
        status: "interrupted",
        errorMessage: o.message,
        errorIsInput: false,
        progressMessage: sql`'interrupted after ' || ${jobs.progressDone} || ' of ' || ${jobs.progressTotal}`,
        finishedAt: sql`now()`,
      })
      .where(
        and(
          inArray(jobs.status, UNFINISHED_JOB),
          sql`${jobs.updatedAt} <= now() - make_interval(secs => ${o.staleSeconds})`,
          o.id === undefined ? undefined : eq(jobs.id, o.id),
        ),
      )
      .returning({ id: jobs.id });
    return rows.map((r) => r.id);
  }

  // ── audit log ───────────────────────────────────────────────────────────────────────────
  async listAudit(opts: { limit?: number; userId?: string | null } = {}): Promise<AuditEntry[]> {
    const q = this.db.select().from(auditLog);
    const filtered =
      opts.userId === undefined
        ? q
        : q.where(opts.userId === null ? isNull(auditLog.userId) : eq(auditLog.userId, opts.userId));
    return filtered.orderBy(desc(auditLog.id)).limit(opts.limit ?? 100);
  }
}
