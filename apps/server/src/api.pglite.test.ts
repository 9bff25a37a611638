import { openDb } from "@adclab/db";
import { apiSuite } from "./testing/api-suite.ts";

apiSuite("embedded PGlite", async () => ({ db: await openDb({ kind: "pglite" }) }));
