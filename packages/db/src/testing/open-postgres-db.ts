/** A fresh database on a throwaway PostgreSQL server, for the suites that run on both backends. */
import { type OpenDb, openDb } from "../open.ts";
import { startPostgresServer } from "./postgres-server.ts";

export async function openThrowawayPostgresDb(): Promise<{ db: OpenDb; stop: () => Promise<void> }> {
  const server = await startPostgresServer();
  try {
    return { db: await openDb({ kind: "postgres", url: server.url }), stop: () => server.stop() };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
