import {
  findPostgresBin,
  openThrowawayPostgresDb,
  POSTGRES_SKIP_REASON,
  startPostgresServer,
} from "@adclab/db/testing";
import { apiSuite } from "./testing/api-suite.ts";
import { jobsRestartTests } from "./testing/jobs-restart-suite.ts";

// Skipped only when Debian's PostgreSQL binaries are absent; .ci/run installs them so CI never skips.
const skip = findPostgresBin() ? undefined : POSTGRES_SKIP_REASON;
apiSuite("PostgreSQL server", openThrowawayPostgresDb, skip);
jobsRestartTests(
  "a PostgreSQL server",
  async () => {
    const pg = await startPostgresServer();
    return { options: { databaseUrl: pg.url }, stop: () => pg.stop() };
  },
  skip,
);
