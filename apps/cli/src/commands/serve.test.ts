import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";
import { runWorkbench } from "./serve.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

describe("adclab serve", () => {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-serve-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("refuses a non-loopback host without server mode: one line, exit 2", async () => {
    const io = memoryIo();
    const code = await main(["serve", "--host", "0.0.0.0", "--data", join(tmp, "never")], io);
    assert.equal(code, 2);
    assert.equal(
      io.err(),
      "adclab: --host: refusing to listen on 0.0.0.0 without server mode (login, per-project access) (expected 127.0.0.1, or add --server-mode (or --database postgres://…) to require login)\n",
    );
    assert.deepEqual(readdirSync(tmp), [], "no data folder was created");
  });

  it("start --json without --demo-terminal is bad input", async () => {
    const io = memoryIo();
    assert.equal(await main(["start", "--json"], io), 2);
    assert.match(io.err(), /--json needs --demo-terminal/);
  });

  it("serves the API on the given port with a new data folder, and stops on SIGTERM", async () => {
    const io = memoryIo();
    const port = await freePort();
    const data = join(tmp, "data");
    const w = runWorkbench({ port: String(port), data, apiOnly: true }, io);
    try {
      while (!/workbench on/.test(io.out()) && w.child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(io.out(), new RegExp(`ADCLab workbench on http://127\\.0\\.0\\.1:${port} `));
      const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
      assert.deepEqual(health, { ok: true, database: "pglite" });
      assert.ok(readdirSync(data).length > 0, "the embedded database folder was created");
    } finally {
      w.child.kill("SIGTERM");
      await w.done;
    }
    assert.notEqual(w.child.exitCode, null);
  });
});
