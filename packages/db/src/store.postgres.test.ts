import { openThrowawayPostgresDb } from "./testing/open-postgres-db.ts";
import { findPostgresBin, POSTGRES_SKIP_REASON } from "./testing/postgres-server.ts";
import { storeSuite } from "./testing/store-suite.ts";

// Skipped only when Debian's PostgreSQL binaries are absent; .ci/run installs them so CI never skips.
storeSuite("PostgreSQL server", openThrowawayPostgresDb, findPostgresBin() ? undefined : POSTGRES_SKIP_REASON);
