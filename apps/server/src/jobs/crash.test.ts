/**
 * SIGKILL while a job runs on worker threads: after a restart on the same embedded data folder the
 * experiment's files are intact, the job left no analysis at all (it stores only when complete,
 * in one transaction), and the job — which the killed process could not mark — is marked
 * interrupted when the server starts, with its last saved progress; never reported as running or done.
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { freeLoopbackPort } from "@adclab/db/testing";
import { startServerProcess, stopServerProcess } from "../testing/server-process.ts";
import { INTERRUPTED_MESSAGE } from "./job-manager.ts";

const IMAGE = new URL("../../../../packages/core/src/coloc/__fixtures__/pair-u16-imagej.tif", import.meta.url);

describe("SIGKILL during a job", () => {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-job-crash-"));
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) await stopServerProcess(c, "SIGKILL");
    rmSync(tmp, { recursive: true, force: true });
  });

  it("leaves no analysis behind, and the job says interrupted after the restart", async () => {
    const data = join(tmp, "data");
    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServerProcess(data, port);
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
    // killed once the workers are busy and some images are done (and saved), long before all twelve
    for (;;) {
      const j = (await (await fetch(`${base}/api/jobs/${job.id}`)).json()) as {
        status: string;
        progress: { done: number };
      };
      assert.equal(j.status, "running");
      if (j.progress.done >= 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 1500)); // progress is saved within a second
    await stopServerProcess(first, "SIGKILL");

    const second = await startServerProcess(data, port);
    children.push(second);
    const analyses = (await (await fetch(`${base}/api/experiments/${experiment.id}/analyses`)).json()) as unknown[];
    assert.deepEqual(analyses, [], "no record of the interrupted job");
    const after = await fetch(`${base}/api/jobs/${job.id}`);
    assert.equal(after.status, 200);
    const j = (await after.json()) as {
      status: string;
      error: unknown;
      progress: { done: number; total: number; message: string };
      analysisId: string | null;
    };
    assert.equal(j.status, "interrupted");
    assert.deepEqual(j.error, { message: INTERRUPTED_MESSAGE, input: false });
    assert.ok(j.progress.done >= 1 && j.progress.done < 12, `last saved progress: ${j.progress.done}`);
    assert.equal(j.progress.message, `interrupted after ${j.progress.done} of 12`);
    assert.equal(j.analysisId, null);
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
    await stopServerProcess(second, "SIGTERM");
  });
});
