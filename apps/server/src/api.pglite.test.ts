import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "@adclab/db";
import { apiSuite } from "./testing/api-suite.ts";
import { jobsRestartTests } from "./testing/jobs-restart-suite.ts";

apiSuite("embedded PGlite", async () => ({ db: await openDb({ kind: "pglite" }) }));
jobsRestartTests("an embedded data folder", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-jobs-restart-"));
  return { options: { dataDir: join(tmp, "data") }, stop: async () => rmSync(tmp, { recursive: true, force: true }) };
});
