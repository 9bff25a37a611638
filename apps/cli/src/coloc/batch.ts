/**
 * `adclab coloc --batch FOLDER --design design.csv`: every image of the design table analysed on
 * worker threads (all cores by default), then three tables written together, atomically:
 * coloc-images.csv (one row per image, or per slice), coloc-cells.csv (one row per cell of a label
 * image) and coloc-comparison.csv (each condition against the reference at each chase time,
 * with cells as units when there are label images, else images). Any bad row stops the batch
 * with its row number and nothing is written.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { type CellValue, compareConditions, InputError, parseDelimited } from "@adclab/core";
import { createWorkerPool, JobError } from "@adclab/jobs";
import type { CommonColocOptions } from "../commands/coloc.ts";
import type { CliContext } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";
import type { ColocFileOptions, ColocFileResult, ColocRow } from "./analyze-files.ts";
import { writeFilesAtomically } from "./atomic-write.ts";
import { toCsv } from "./csv.ts";

export interface BatchOptions {
  folder: string;
  design: string;
  out: string;
  reference: string;
  metric: string;
  workers?: number;
  json: boolean;
  common: CommonColocOptions;
}

export const METRICS: Record<string, (r: ColocRow) => number | null> = {
  pearson: (r) => r.pearson.all,
  pearson_below: (r) => r.pearson.belowThreshold,
  pearson_above: (r) => r.pearson.aboveThreshold,
  spearman: (r) => r.spearman,
  kendall: (r) => r.kendallTauB,
  m1: (r) => r.manders.m1,
  m2: (r) => r.manders.m2,
  tm1: (r) => r.manders.tM1,
  tm2: (r) => r.manders.tM2,
  moc: (r) => r.overlapCoefficient,
  icq: (r) => r.liIcq,
};

interface DesignRow {
  row: number;
  image: string;
  image2?: string;
  mask?: string;
  labels?: string;
  condition: string;
  time_h: number;
}

export function readDesign(path: string, folder: string): DesignRow[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError("cannot read the design table", { file: path, field: "--design" });
  }
  const { rows } = parseDelimited(text, { file: path });
  const header = rows[0];
  if (!header)
    throw new InputError("the design table is empty", { file: path, expected: "a header: image,condition,time_h" });
  const cols = header.cells.map((c) => c.trim().toLowerCase());
  const col = (name: string, required: boolean) => {
    const i = cols.indexOf(name);
    if (i < 0 && required) {
      throw new InputError(`no column '${name}'`, {
        file: path,
        row: header.line,
        expected: "columns image, condition, time_h (optional image2, mask, labels)",
      });
    }
    return i;
  };
  const ci = {
    image: col("image", true),
    condition: col("condition", true),
    time: col("time_h", true),
    image2: col("image2", false),
    mask: col("mask", false),
    labels: col("labels", false),
  };
  const out: DesignRow[] = [];
  for (const r of rows.slice(1)) {
    const get = (i: number) => (i >= 0 ? (r.cells[i] ?? "").trim() : "");
    const file = (i: number, column: string) => {
      const v = get(i);
      if (!v) return undefined;
      const p = join(folder, v);
      if (!existsSync(p) || !statSync(p).isFile()) {
        throw new InputError(`file '${v}' not found in ${folder}`, { file: path, row: r.line, column });
      }
      return p;
    };
    const image = file(ci.image, "image");
    if (!image) throw new InputError("empty image name", { file: path, row: r.line, column: "image" });
    const condition = get(ci.condition);
    if (!condition) throw new InputError("empty condition", { file: path, row: r.line, column: "condition" });
    const time_h = Number(get(ci.time));
    if (get(ci.time) === "" || !Number.isFinite(time_h) || time_h < 0) {
      throw new InputError("not a chase time in hours", {
        file: path,
        row: r.line,
        column: "time_h",
        expected: "a number ≥ 0",
        got: get(ci.time),
      });
    }
    const mask = file(ci.mask, "mask");
    const labels = file(ci.labels, "labels");
    if (mask && labels)
      throw new InputError("give a mask or labels, not both", { file: path, row: r.line, column: "labels" });
    out.push({ row: r.line, image, image2: file(ci.image2, "image2"), mask, labels, condition, time_h });
  }
  if (out.length === 0) throw new InputError("the design table lists no images", { file: path });
  return out;
}

export async function runBatch(ctx: CliContext, o: BatchOptions): Promise<void> {
  const metric = METRICS[o.metric.toLowerCase()];
  if (!metric)
    throw new InputError(`unknown metric '${o.metric}'`, {
      field: "--metric",
      expected: Object.keys(METRICS).join(", "),
    });
  if (!existsSync(o.folder) || !statSync(o.folder).isDirectory())
    throw new InputError("not a folder", { file: o.folder, field: "--batch" });
  if (!existsSync(o.out) || !statSync(o.out).isDirectory())
    throw new InputError("the output folder does not exist", { file: o.out, field: "--out" });
  const design = readDesign(o.design, o.folder);
  const size = Math.min(design.length, o.workers ?? availableParallelism());
  const pool = createWorkerPool<ColocFileOptions, ColocFileResult>({
    module: new URL("./worker.ts", import.meta.url),
    preload: new URL("./register-tsx.mjs", import.meta.url),
    size,
  });
  const progress = ctx.progress({ label: `coloc (${size} worker${size === 1 ? "" : "s"})`, total: design.length });
  const results: ColocFileResult[] = [];
  try {
    const jobs = design.map((d, k) =>
      pool
        .submit({ image: d.image, image2: d.image2, mask: d.mask, labels: d.labels, ...o.common })
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

  const imageRows: (string | number | null)[][] = [];
  const cellRows: (string | number | null)[][] = [];
  const cellValues: CellValue[] = [];
  const imageValues: CellValue[] = [];
  const anyLabels = design.some((d) => d.labels);
  design.forEach((d, k) => {
    const r = results[k] as ColocFileResult;
    const base = [rel(d.image, o.folder), d.condition, d.time_h];
    if (d.labels) {
      for (const row of r.rows) {
        cellRows.push([...base, row.slice, row.label, ...metricCells(row)]);
        cellValues.push({ condition: d.condition, time_h: d.time_h, value: metric(row) ?? Number.NaN });
      }
      imageRows.push([...base, null, r.rows.length, r.rows.reduce((s, x) => s + x.nPixels, 0), ...medianCells(r.rows)]);
    } else {
      for (const row of r.rows) {
        imageRows.push([...base, row.slice, null, row.nPixels, ...metricCells(row).slice(1)]);
        imageValues.push({ condition: d.condition, time_h: d.time_h, value: metric(row) ?? Number.NaN });
      }
    }
  });
  const units = anyLabels ? "cells" : "images";
  const comparison = compareConditions(anyLabels ? cellValues : imageValues, o.reference);
  const metricHeaders = Object.keys(METRICS);
  const files = [
    {
      path: resolve(o.out, "coloc-images.csv"),
      data: toCsv(
        [
          "image",
          "condition",
          "time_h",
          "slice",
          "n_cells",
          "n_pixels",
          ...metricHeaders.map((m) => `${m}${anyLabels ? "_median_cells" : ""}`),
          "threshold_ch1",
          "threshold_ch2",
          "costes_p_coloc2",
          "costes_p_randomization",
        ],
        imageRows,
      ),
    },
    ...(cellRows.length
      ? [
          {
            path: resolve(o.out, "coloc-cells.csv"),
            data: toCsv(
              [
                "image",
                "condition",
                "time_h",
                "slice",
                "cell",
                "n_pixels",
                ...metricHeaders,
                "threshold_ch1",
                "threshold_ch2",
                "costes_p_coloc2",
                "costes_p_randomization",
              ],
              cellRows,
            ),
          },
        ]
      : []),
    {
      path: resolve(o.out, "coloc-comparison.csv"),
      data: toCsv(
        [
          "metric",
          "units",
          "time_h",
          "reference",
          "condition",
          "n_reference",
          "n_condition",
          "median_reference",
          "median_condition",
          "mean_reference",
          "mean_condition",
          "mean_difference",
          "ci95_low",
          "ci95_high",
          "mann_whitney_u",
          "mann_whitney_p",
          "rank_biserial",
          "welch_t",
          "welch_df",
          "welch_p",
          "hedges_g",
        ],
        comparison.map((c) => [
          o.metric,
          units,
          c.time_h,
          c.reference,
          c.condition,
          c.nReference,
          c.nCondition,
          c.medianReference,
          c.medianCondition,
          c.meanReference,
          c.meanCondition,
          c.meanDifference,
          c.ciLow,
          c.ciHigh,
          c.mannWhitneyU,
          c.mannWhitneyP,
          c.rankBiserial,
          c.welchT,
          c.welchDf,
          c.welchP,
          c.hedgesG,
        ]),
      ),
    },
  ];
  writeFilesAtomically(files);
  ctx.print(
    {
      schema: "adclab.coloc-batch/1",
      images: design.length,
      cells: cellRows.length,
      workers: size,
      metric: o.metric,
      units,
      files: files.map((f) => f.path),
      comparison,
    },
    () =>
      [
        `analysed ${design.length} image${design.length === 1 ? "" : "s"}${cellRows.length ? ` (${cellRows.length} cells)` : ""} on ${size} worker thread${size === 1 ? "" : "s"}`,
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

function metricCells(r: ColocRow): (number | null)[] {
  return [
    r.nPixels,
    ...Object.values(METRICS).map((f) => f(r)),
    r.thresholds.ch1,
    r.thresholds.ch2,
    r.costes?.costesPValue ?? null,
    r.costes?.pValue ?? null,
  ];
}

function medianCells(rows: ColocRow[]): (number | null)[] {
  const med = (vals: number[]) => {
    const s = vals.filter(Number.isFinite).sort((a, b) => a - b);
    if (!s.length) return null;
    const h = s.length >> 1;
    return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
  };
  return [...Object.values(METRICS).map((f) => med(rows.map((r) => f(r) ?? Number.NaN))), null, null, null, null];
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
