/**
 * openDb: the one way to get a database. Embedded PGlite (a folder on disk, or in memory) or a
 * PostgreSQL server by URL; the same migration history is applied to both before use.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";

export type DbConfig =
  /** Embedded: `dir` is the data folder (created if missing); no dir = in memory (tests). */
  { kind: "pglite"; dir?: string } | { kind: "postgres"; url: string };

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDb {
  kind: DbConfig["kind"];
  db: Database;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations", import.meta.url));

export async function openDb(config: DbConfig): Promise<OpenDb> {
  if (config.kind === "pglite") {
    if (config.dir) mkdirSync(config.dir, { recursive: true });
    const client = await PGlite.create(config.dir ?? "memory://");
    const db = drizzlePglite(client, { schema });
    try {
      await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
    } catch (e) {
      await client.close();
      throw e;
    }
    return { kind: "pglite", db: db as unknown as Database, close: () => client.close() };
  }
  // A small pool: the API is the only client, and PostgreSQL's own default is 100 connections.
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  pool.on("error", () => {
    // An idle client lost its connection (server restarted); the pool replaces it on next use.
  });
  const db = drizzlePg(pool, { schema });
  try {
    await migratePg(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (e) {
    await pool.end();
    throw e;
  }
  return { kind: "postgres", db: db as unknown as Database, close: () => pool.end() };
}
