/**
 * SIGKILL during an upload and during an analysis: the server process is killed while a request
 * body is half sent and a long analysis is computing. After a restart on the same embedded data
 * folder, every file and analysis saved before is intact (same bytes and SHA-256, same results),
 * the interrupted upload left no record, and the interrupted analysis is marked failed: never
 * left "running", never given results.
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { freeLoopbackPort } from "@adclab/db/testing";
import { startServerProcess, stopServerProcess } from "./testing/server-process.ts";

describe("SIGKILL during an upload and an analysis", () => {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-crash-"));
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) await stopServerProcess(c, "SIGKILL");
    rmSync(tmp, { recursive: true, force: true });
  });

  it("loses nothing saved and leaves no half-written file", async () => {
    const data = join(tmp, "data");
    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServerProcess(data, port);
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
    const convert = { kind: "convert", inputs: { quantity: "10ug/mL", to: "nM", compound: "T-DM1" } };
    const done = (await post(`/api/experiments/${experiment.id}/analyses`, convert)) as {
      id: string;
      results?: unknown;
    };

    // Half of a 2 MB upload, then the server is killed while it waits for the rest.
    const req = request(`${base}/api/experiments/${experiment.id}/files?name=interrupted.bin`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", "content-length": String(2_000_000) },
    });
    req.on("error", () => {}); // the connection dies with the server
    req.write(new Uint8Array(1_000_000).fill(7));
    // A troubleshooter run with 50,000 Monte Carlo draws per assay: far longer than the wait below.
    const long = fetch(`${base}/api/experiments/${experiment.id}/analyses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "diagnose",
        inputs: { observations: [{ id: "tdm1_ic50_fold", value: 100 }] },
        options: { draws: 50_000 },
      }),
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 3000));
    await stopServerProcess(first, "SIGKILL");
    req.destroy();
    await long;

    const second = await startServerProcess(data, port);
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
    const analyses = (await (await fetch(`${base}/api/experiments/${experiment.id}/analyses`)).json()) as {
      id: string;
      kind: string;
      status: string;
      results: unknown;
      error: { message?: string } | null;
    }[];
    assert.deepEqual(analyses[0], { ...analyses[0], id: done.id, status: "done", results: done.results });
    assert.equal(analyses.length, 2, "the long analysis had started (its record exists) when the server was killed");
    for (const a of analyses.slice(1)) {
      assert.equal(a.kind, "diagnose");
      assert.equal(a.status, "failed", "an interrupted analysis is never left running");
      assert.equal(a.results, null);
      assert.match(a.error?.message ?? "", /interrupted/);
    }
    await stopServerProcess(second, "SIGTERM");
  });
});
