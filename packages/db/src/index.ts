/** @adclab/db — public barrel: open a database, then read and write through the Store. */
export { sanitizeFileName } from "./file-name.ts";
export { type Database, type DbConfig, MIGRATIONS_DIR, type OpenDb, openDb } from "./open.ts";
export {
  ANALYSIS_STATUSES,
  type AnalysisStatus,
  JOB_STATUSES,
  type JobStatus,
  PROJECT_ROLES,
  type ProjectRole,
} from "./schema.ts";
export {
  type Actor,
  type Analysis,
  type AuditEntry,
  type Experiment,
  type Job,
  type JobProgress,
  LOCAL_ACTOR,
  type Project,
  type RawFile,
  type RawFileInfo,
  Store,
  sha256Hex,
  type User,
} from "./store.ts";
