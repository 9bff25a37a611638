import { openDb } from "@adclab/db";
import { findPostgresBin, POSTGRES_SKIP_REASON, startPostgresServer } from "@adclab/db/testing";
import { apiSuite } from "./testing/api-suite.ts";

// Skipped only when Debian's PostgreSQL binaries are absent; .ci/run installs them so CI never skips.
apiSuite(
  "PostgreSQL server",
  async () => {
    const server = await startPostgresServer();
    try {
      return { db: await openDb({ kind: "postgres", url: server.url }), stop: () => server.stop() };
    } catch (e) {
      await server.stop();
      throw e;
    }
  },
  findPostgresBin() ? undefined : POSTGRES_SKIP_REASON,
);
