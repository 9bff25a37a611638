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
    // The first server holds each job after 3 of its 12 images (a test hook of the job manager)
    // and says so once that progress is saved: the kill then comes mid-job on any machine.
    process.env.ADCLAB_TEST_HOLD_JOB_ITEMS = "3";
    const first = await startServerProcess(data, port).finally(() => {
      delete process.env.ADCLAB_TEST_HOLD_JOB_ITEMS;
    });
    children.push(first);
    const held = new Promise<string>((resolve) => {
      let out = "";
      first.stdout!.on("data", (d: Buffer) => {
        out += d;
        const m = /test hook: job \S+ held after \d+ items, progress saved/.exec(out);
        if (m) resolve(m[0]);
      });
    });
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
    // Should the hold not take, the job would end on its own: that is a failure, not a hang.
    const ended = (async () => {
      for (;;) {
        const j = (await (await fetch(`${base}/api/jobs/${job.id}`)).json()) as { status: string };
        if (j.status !== "running" && j.status !== "queued") return `the job ended (${j.status}) without being held`;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    assert.match(await Promise.race([held, ended]), new RegExp(`job ${job.id} held after 3 items`));
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
    assert.equal(j.progress.done, 3, "the last saved progress");
    assert.equal(j.progress.message, "interrupted after 3 of 12");
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
