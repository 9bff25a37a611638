/**
 * SIGKILL during an upload: the server process is killed while a request body is half sent.
 * After a restart on the same embedded data folder, every file saved before is intact (same
 * bytes, same SHA-256) and the interrupted upload left no record at all.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { freeLoopbackPort } from "@adclab/db/testing";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

function startServer(data: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", MAIN, "--api-only", "--port", String(port), "--data", data],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes("workbench on")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}

describe("SIGKILL during an upload", () => {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-crash-"));
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) await stop(c, "SIGKILL");
    rmSync(tmp, { recursive: true, force: true });
  });

  it("loses nothing saved and leaves no half-written file", async () => {
    const data = join(tmp, "data");
    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServer(data, port);
    children.push(first);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(base + path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { id: string };
    };
    const project = await post("/api/projects", { name: "crash" });
    const experiment = await post(`/api/projects/${project.id}/experiments`, { name: "e" });
    const saved = new Uint8Array(200_000).map((_, i) => (i * 13) % 251);
    const savedSha = createHash("sha256").update(saved).digest("hex");
    const up = await fetch(`${base}/api/experiments/${experiment.id}/files?name=saved.bin`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: saved,
    });
    assert.equal(up.status, 201);

    // Half of a 2 MB upload, then the server is killed while it waits for the rest.
    const req = request(`${base}/api/experiments/${experiment.id}/files?name=interrupted.bin`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", "content-length": String(2_000_000) },
    });
    req.on("error", () => {}); // the connection dies with the server
    req.write(new Uint8Array(1_000_000).fill(7));
    await new Promise((r) => setTimeout(r, 500));
    await stop(first, "SIGKILL");
    req.destroy();

    const second = await startServer(data, port);
    children.push(second);
    const files = (await (await fetch(`${base}/api/experiments/${experiment.id}/files`)).json()) as {
      id: string;
      originalName: string;
      sha256: string;
    }[];
    assert.deepEqual(
      files.map((f) => f.originalName),
      ["saved.bin"],
    );
    assert.equal(files[0]?.sha256, savedSha);
    const back = new Uint8Array(await (await fetch(`${base}/api/files/${files[0]?.id}/content`)).arrayBuffer());
    assert.equal(createHash("sha256").update(back).digest("hex"), savedSha);
    await stop(second, "SIGTERM");
  });
});
