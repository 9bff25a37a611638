/**
 * SIGKILL while a job runs on worker threads: after a restart on the same embedded data folder the
 * experiment's files are intact, the job left no analysis at all (it stores only when complete,
 * in one transaction), and the job itself is gone (404), never reported as running or done.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { freeLoopbackPort } from "@adclab/db/testing";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const IMAGE = new URL("../../../../packages/core/src/coloc/__fixtures__/pair-u16-imagej.tif", import.meta.url);

function startServer(data: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", MAIN, "--api-only", "--port", String(port), "--data", data],
    { stdio: ["ignore", "pipe", "pipe"] },
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

describe("SIGKILL during a job", () => {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-job-crash-"));
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) await stop(c, "SIGKILL");
    rmSync(tmp, { recursive: true, force: true });
  });

  it("leaves no analysis and no job behind", async () => {
    const data = join(tmp, "data");
    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServer(data, port);
    children.push(first);
    const post = async (path: string, body: unknown) =>
      (await (
        await fetch(base + path, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json()) as { id: string };
    const upload = async (experiment: string, name: string, bytes: Uint8Array) =>
      (await (
        await fetch(`${base}/api/experiments/${experiment}/files?name=${name}`, { method: "POST", body: bytes })
      ).json()) as { id: string; sha256: string };
    const project = await post("/api/projects", { name: "crash" });
    const experiment = await post(`/api/projects/${project.id}/experiments`, { name: "batch" });
    const image = await upload(experiment.id, "cells.tif", new Uint8Array(readFileSync(IMAGE)));
    const rows = Array.from({ length: 12 }, (_, i) => `cells.tif,${i % 2 ? "T-DM1R" : "parental"},2`);
    const design = await upload(
      experiment.id,
      "design.csv",
      new TextEncoder().encode(["image,condition,time_h", ...rows].join("\n")),
    );
    const job = await post(`/api/experiments/${experiment.id}/jobs`, {
      kind: "coloc-batch",
      inputs: { design: design.id },
      options: { costesIterations: 3000, workers: 2 },
    });
    // killed once the workers are busy and some images are done, long before all twelve
    for (;;) {
      const j = (await (await fetch(`${base}/api/jobs/${job.id}`)).json()) as {
        status: string;
        progress: { done: number };
      };
      assert.equal(j.status, "running");
      if (j.progress.done >= 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await stop(first, "SIGKILL");

    const second = await startServer(data, port);
    children.push(second);
    const analyses = (await (await fetch(`${base}/api/experiments/${experiment.id}/analyses`)).json()) as unknown[];
    assert.deepEqual(analyses, [], "no record of the interrupted job");
    assert.equal((await fetch(`${base}/api/jobs/${job.id}`)).status, 404);
    const files = (await (await fetch(`${base}/api/experiments/${experiment.id}/files`)).json()) as {
      originalName: string;
      sha256: string;
    }[];
    assert.deepEqual(
      files.map((f) => [f.originalName, f.sha256]),
      [
        ["cells.tif", image.sha256],
        ["design.csv", design.sha256],
      ],
    );
    await stop(second, "SIGTERM");
  });
});
