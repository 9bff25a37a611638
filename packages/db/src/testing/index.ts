/** Test helpers for the apps' test suites (`@adclab/db/testing`): never imported by production code. */

export { openThrowawayPostgresDb } from "./open-postgres-db.ts";
export {
  findPostgresBin,
  freeLoopbackPort,
  POSTGRES_SKIP_REASON,
  type PostgresServer,
  startPostgresServer,
} from "./postgres-server.ts";
