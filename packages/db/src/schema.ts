/**
 * The database schema (drizzle). One migration history (../migrations, made by drizzle-kit from
 * this file) is applied unchanged to embedded PGlite (PostgreSQL 18) and to a lab's PostgreSQL
 * server (15 on Debian 12), so only PostgreSQL 15 features are used: uuid via gen_random_uuid(),
 * jsonb, bytea, identity columns.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Raw file bytes, stored verbatim. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  /** `scrypt$N$r$p$salt$hash` (base64), made by the server with node:crypto. */
  passwordHash: text("password_hash").notNull(),
  isAdmin: boolean("is_admin").notNull().default(false),
  createdAt: createdAt(),
});

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
    tokenSha256: text("token_sha256").notNull().unique(),
    label: text("label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const projects = pgTable("projects", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  /** Null in embedded mode (one local user, no accounts). */
  ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const PROJECT_ROLES = ["owner", "editor", "viewer"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<ProjectRole>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    check("project_members_role_check", sql`${t.role} in ('owner', 'editor', 'viewer')`),
  ],
);

export const experiments = pgTable(
  "experiments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("experiments_project_idx").on(t.projectId)],
);

export const rawFiles = pgTable(
  "raw_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    /** The uploaded name reduced to a safe base name (no directories, no control characters). */
    originalName: text("original_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("raw_files_experiment_idx").on(t.experimentId),
    check("raw_files_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("raw_files_size_check", sql`${t.sizeBytes} = octet_length(${t.content})`),
  ],
);

export const ANALYSIS_STATUSES = ["pending", "running", "done", "failed"] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export const analyses = pgTable(
  "analyses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    /** e.g. "dose-response", "coloc", "simulate". */
    kind: text("kind").notNull(),
    /** Which raw files (ids) and parameters went in. */
    inputs: jsonb("inputs").notNull(),
    options: jsonb("options").notNull(),
    adclabVersion: text("adclab_version").notNull(),
    status: text("status").$type<AnalysisStatus>().notNull().default("pending"),
    results: jsonb("results"),
    error: jsonb("error"),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("analyses_experiment_idx").on(t.experimentId),
    check("analyses_status_check", sql`${t.status} in ('pending', 'running', 'done', 'failed')`),
  ],
);

/**
 * A job's life. The in-process queue starts a job at once (running); queued is for a queue that
 * holds jobs before a worker takes them. interrupted: the server stopped (or died) while it ran.
 */
export const JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled", "interrupted"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Long work on worker threads (batches, sweeps), so that a job outlives the process that ran it.
 * Its result is an analysis (analysis_id), stored only when every item succeeded; the job row
 * itself records what was asked, how far it got and how it ended.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** e.g. "coloc-batch", "fit-batch", "simulate-sweep". */
    kind: text("kind").notNull(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    /** Who submitted it: null in embedded mode; the name is kept as text, as in the audit log. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    username: text("username").notNull(),
    /** The request as submitted: file ids and parameters, never file contents. */
    inputs: jsonb("inputs").notNull(),
    options: jsonb("options").notNull(),
    status: text("status").$type<JobStatus>().notNull(),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull(),
    progressMessage: text("progress_message").notNull().default(""),
    errorMessage: text("error_message"),
    /** The error is the user's input (a 400 had it come at once), not ADCLab's. */
    errorIsInput: boolean("error_is_input").notNull().default(false),
    analysisId: uuid("analysis_id").references(() => analyses.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /** Last write by the process running it (progress, or a heartbeat while an item takes long). */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_experiment_idx").on(t.experimentId),
    check("jobs_status_check", sql`${t.status} in ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')`),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Kept as plain text (not a foreign key) so the log outlives a deleted user. */
    userId: uuid("user_id"),
    username: text("username"),
    action: text("action").notNull(),
    target: text("target"),
    details: jsonb("details").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

export const schemaTables = {
  users,
  apiTokens,
  projects,
  projectMembers,
  experiments,
  rawFiles,
  analyses,
  jobs,
  auditLog,
};
