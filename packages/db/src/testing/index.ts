/** Test helpers for the apps' test suites (`@adclab/db/testing`): never imported by production code. */
export {
  findPostgresBin,
  freeLoopbackPort,
  POSTGRES_SKIP_REASON,
  type PostgresServer,
  startPostgresServer,
} from "./postgres-server.ts";
