/**
 * `adclab coloc --batch FOLDER --design design.csv`: the design table's files found in the folder,
 * every image analysed on worker threads (all cores by default), then the three tables of
 * @adclab/analyses' summarizeColocBatch written together, atomically. Any bad row stops the batch
 * with its row number and nothing is written.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import {
  type ColocAnalysisOptions,
  type ColocImageResult,
  colocMetric,
  parseColocDesign,
  summarizeColocBatch,
} from "@adclab/analyses";
import { InputError } from "@adclab/core";
import { createWorkerPool, JobError } from "@adclab/jobs";
import { writeFilesAtomically } from "@adclab/report/node";
import type { CliContext } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";
import type { ColocWorkerInput } from "./worker.ts";

export interface BatchOptions {
  folder: string;
  design: string;
  out: string;
  reference: string;
  metric: string;
  workers?: number;
  json: boolean;
  common: ColocAnalysisOptions;
}

export function readDesign(path: string, folder: string) {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError("cannot read the design table", { file: path, field: "--design" });
  }
  return parseColocDesign(text, {
    file: path,
    where: folder,
    resolve: (name) => {
      const p = join(folder, name);
      return existsSync(p) && statSync(p).isFile() ? p : undefined;
    },
  });
}

export async function runBatch(ctx: CliContext, o: BatchOptions): Promise<void> {
  colocMetric(o.metric); // an unknown metric fails before any work
  if (!existsSync(o.folder) || !statSync(o.folder).isDirectory())
    throw new InputError("not a folder", { file: o.folder, field: "--batch" });
  if (!existsSync(o.out) || !statSync(o.out).isDirectory())
    throw new InputError("the output folder does not exist", { file: o.out, field: "--out" });
  const design = readDesign(o.design, o.folder);
  const size = Math.min(design.length, o.workers ?? availableParallelism());
  const pool = createWorkerPool<ColocWorkerInput, ColocImageResult>({
    module: new URL("./worker.ts", import.meta.url),
    preload: new URL("./register-tsx.mjs", import.meta.url),
    size,
  });
  const progress = ctx.progress({ label: `coloc (${size} worker${size === 1 ? "" : "s"})`, total: design.length });
  const results: ColocImageResult[] = [];
  try {
    const jobs = design.map((d, k) =>
      pool
        .submit({ image: d.image, image2: d.image2, mask: d.mask, labels: d.labels, options: o.common })
        .then((r) => {
          results[k] = r;
          progress.tick(1);
        })
        .catch((e) => {
          throw rowError(e, o.design, d.row);
        }),
    );
    await Promise.all(jobs);
  } catch (e) {
    await pool.cancel();
    throw e;
  } finally {
    progress.stop();
  }
  await pool.close();

  const summary = summarizeColocBatch(
    design.map((d, k) => ({
      name: rel(d.image, o.folder),
      condition: d.condition,
      time_h: d.time_h,
      labels: d.labels !== undefined,
      result: results[k] as ColocImageResult,
    })),
    { reference: o.reference, metric: o.metric },
  );
  const files = Object.entries(summary.tables).map(([name, data]) => ({
    path: resolve(o.out, name),
    data,
    field: "--out",
    what: name,
  }));
  writeFilesAtomically(files);
  const { comparison, units, cells } = summary;
  ctx.print(
    {
      schema: "adclab.coloc-batch/1",
      images: design.length,
      cells,
      workers: size,
      metric: o.metric,
      units,
      files: files.map((f) => f.path),
      comparison,
    },
    () =>
      [
        `analysed ${design.length} image${design.length === 1 ? "" : "s"}${cells ? ` (${cells} cells)` : ""} on ${size} worker thread${size === 1 ? "" : "s"}`,
        `${o.metric}: ${units} of each condition vs '${o.reference}'`,
        formatTable(
          [
            "time_h",
            "condition",
            "n",
            `n ${o.reference}`,
            "median",
            `median ${o.reference}`,
            "MW P",
            "Welch P",
            "diff [95% CI]",
          ],
          comparison.map((c) => [
            c.time_h,
            c.condition,
            c.nCondition,
            c.nReference,
            c.medianCondition,
            c.medianReference,
            c.mannWhitneyP,
            c.welchP ?? "—",
            c.ciLow === null
              ? formatNumber(c.meanDifference)
              : `${formatNumber(c.meanDifference)} [${formatNumber(c.ciLow)}, ${formatNumber(c.ciHigh as number)}]`,
          ]),
        ),
        `wrote ${files.map((f) => f.path).join(", ")}`,
      ].join("\n"),
    o.json,
  );
}

function rel(p: string, folder: string): string {
  const f = resolve(folder);
  const a = resolve(p);
  return a.startsWith(`${f}/`) ? a.slice(f.length + 1) : p;
}

/** A worker's error, named by its design-table row; an InputError stays an InputError (exit 2). */
function rowError(e: unknown, design: string, row: number): Error {
  if (e instanceof JobError) {
    if (e.original.name === "InputError") return new InputError(e.original.message, { file: design, row });
    if (e.original.name === "JobCancelled") return e;
    return new Error(`${design}, row ${row}: ${e.original.message}`);
  }
  return e instanceof Error ? e : new Error(String(e));
}
