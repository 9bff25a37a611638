import { findPostgresBin, openThrowawayPostgresDb, POSTGRES_SKIP_REASON } from "@adclab/db/testing";
import { apiSuite } from "./testing/api-suite.ts";

// Skipped only when Debian's PostgreSQL binaries are absent; .ci/run installs them so CI never skips.
apiSuite("PostgreSQL server", openThrowawayPostgresDb, findPostgresBin() ? undefined : POSTGRES_SKIP_REASON);
