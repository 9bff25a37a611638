import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { MIGRATIONS_DIR, openDb } from "./open.ts";
import { LOCAL_ACTOR, Store } from "./store.ts";

describe("openDb with an embedded data folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "adclab-db-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the folder, applies migrations once, and keeps data across a restart", async () => {
    const data = join(dir, "data");
    const first = await openDb({ kind: "pglite", dir: data });
    let id: string;
    try {
      id = (await new Store(first.db).createProject(LOCAL_ACTOR, { name: "persisted" })).id;
    } finally {
      await first.close();
    }
    const second = await openDb({ kind: "pglite", dir: data });
    try {
      assert.equal((await new Store(second.db).getProject(id))?.name, "persisted");
      const applied = await second.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"));
      assert.ok(journal.entries.length >= 2);
      assert.equal(
        (applied as { rows: { n: number }[] }).rows[0]?.n,
        journal.entries.length,
        "each migration is recorded once, not re-applied",
      );
    } finally {
      await second.close();
    }
  });
});
