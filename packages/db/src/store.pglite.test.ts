import { openDb } from "./open.ts";
import { storeSuite } from "./testing/store-suite.ts";

storeSuite("embedded PGlite", async () => ({ db: await openDb({ kind: "pglite" }) }));
