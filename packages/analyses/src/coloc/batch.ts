/**
 * A batch of images (`adclab coloc --batch`, the API's co-localization jobs): the design table
 * (image → condition, chase time), and — once every image is analysed — the three tables:
 * coloc-images.csv (one row per image or slice; with label images the median over cells),
 * coloc-cells.csv (one row per cell) and coloc-comparison.csv (each condition against the
 * reference at each chase time, cells as units when there are label images, else images).
 * The caller finds the files and runs the images (on worker threads); nothing here touches a disk.
 */
import {
  type CellValue,
  type ConditionComparison,
  compareConditions,
  InputError,
  parseDelimited,
  toCsv,
} from "@adclab/core";
import type { ColocImageResult, ColocRow } from "./analyze.ts";

export const COLOC_METRICS: Record<string, (r: ColocRow) => number | null> = {
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

/** The metric compared between conditions, by name (case-insensitive). */
export function colocMetric(name: string, field = "--metric"): (r: ColocRow) => number | null {
  const metric = COLOC_METRICS[name.toLowerCase()];
  if (!metric)
    throw new InputError(`unknown metric '${name}'`, { field, expected: Object.keys(COLOC_METRICS).join(", ") });
  return metric;
}

/** One row of the design table; the files are whatever the caller's resolver returned (paths, ids). */
export interface ColocDesignRow<F> {
  /** The row's line number in the design file. */
  row: number;
  image: F;
  image2?: F;
  mask?: F;
  labels?: F;
  condition: string;
  time_h: number;
}

export interface DesignSource<F> {
  /** The design file's name for messages. */
  file: string;
  /** Where the names are looked up, for "file 'x' not found in …". */
  where: string;
  /** The file a name in the table refers to, or undefined when there is none. */
  resolve(name: string): F | undefined;
}

/** Reads the design table (CSV or TSV: image, condition, time_h; optional image2, mask, labels). */
export function parseColocDesign<F>(text: string, src: DesignSource<F>): ColocDesignRow<F>[] {
  const path = src.file;
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
  const out: ColocDesignRow<F>[] = [];
  for (const r of rows.slice(1)) {
    const get = (i: number) => (i >= 0 ? (r.cells[i] ?? "").trim() : "");
    const file = (i: number, column: string) => {
      const v = get(i);
      if (!v) return undefined;
      const f = src.resolve(v);
      if (f === undefined)
        throw new InputError(`file '${v}' not found in ${src.where}`, { file: path, row: r.line, column });
      return f;
    };
    const image = file(ci.image, "image");
    if (image === undefined) throw new InputError("empty image name", { file: path, row: r.line, column: "image" });
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
    if (mask !== undefined && labels !== undefined)
      throw new InputError("give a mask or labels, not both", { file: path, row: r.line, column: "labels" });
    const image2 = file(ci.image2, "image2");
    out.push({
      row: r.line,
      image,
      ...(image2 === undefined ? {} : { image2 }),
      ...(mask === undefined ? {} : { mask }),
      ...(labels === undefined ? {} : { labels }),
      condition,
      time_h,
    });
  }
  if (out.length === 0) throw new InputError("the design table lists no images", { file: path });
  return out;
}

export interface ColocBatchImage {
  /** The image's name as the tables show it (relative to the batch folder). */
  name: string;
  condition: string;
  time_h: number;
  /** Whether the row had a label image (per-cell rows). */
  labels: boolean;
  result: Pick<ColocImageResult, "rows">;
}

export interface ColocBatchSummary {
  images: number;
  cells: number;
  metric: string;
  units: "cells" | "images";
  comparison: ConditionComparison[];
  /** File name → CSV text: coloc-images.csv, coloc-cells.csv (with label images), coloc-comparison.csv. */
  tables: Record<string, string>;
}

export function summarizeColocBatch(
  images: readonly ColocBatchImage[],
  o: { reference: string; metric: string; metricField?: string },
): ColocBatchSummary {
  const metric = colocMetric(o.metric, o.metricField);
  const imageRows: (string | number | null)[][] = [];
  const cellRows: (string | number | null)[][] = [];
  const cellValues: CellValue[] = [];
  const imageValues: CellValue[] = [];
  const anyLabels = images.some((d) => d.labels);
  for (const d of images) {
    const rows = d.result.rows;
    const base = [d.name, d.condition, d.time_h];
    if (d.labels) {
      for (const row of rows) {
        cellRows.push([...base, row.slice, row.label, ...metricCells(row)]);
        cellValues.push({ condition: d.condition, time_h: d.time_h, value: metric(row) ?? Number.NaN });
      }
      imageRows.push([...base, null, rows.length, rows.reduce((s, x) => s + x.nPixels, 0), ...medianCells(rows)]);
    } else {
      for (const row of rows) {
        imageRows.push([...base, row.slice, null, row.nPixels, ...metricCells(row).slice(1)]);
        imageValues.push({ condition: d.condition, time_h: d.time_h, value: metric(row) ?? Number.NaN });
      }
    }
  }
  const units = anyLabels ? "cells" : "images";
  const comparison = compareConditions(anyLabels ? cellValues : imageValues, o.reference);
  const metricHeaders = Object.keys(COLOC_METRICS);
  const tail = ["threshold_ch1", "threshold_ch2", "costes_p_coloc2", "costes_p_randomization"];
  const tables: Record<string, string> = {
    "coloc-images.csv": toCsv(
      [
        "image",
        "condition",
        "time_h",
        "slice",
        "n_cells",
        "n_pixels",
        ...metricHeaders.map((m) => `${m}${anyLabels ? "_median_cells" : ""}`),
        ...tail,
      ],
      imageRows,
    ),
  };
  if (cellRows.length) {
    tables["coloc-cells.csv"] = toCsv(
      ["image", "condition", "time_h", "slice", "cell", "n_pixels", ...metricHeaders, ...tail],
      cellRows,
    );
  }
  tables["coloc-comparison.csv"] = toCsv(
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
  );
  return { images: images.length, cells: cellRows.length, metric: o.metric, units, comparison, tables };
}

/** The per-cell (or per-region) table of one image as CSV: the columns of coloc-cells.csv without the design. */
export function colocRowsCsv(rows: readonly ColocRow[]): string {
  return toCsv(
    [
      "slice",
      "cell",
      "n_pixels",
      ...Object.keys(COLOC_METRICS),
      "threshold_ch1",
      "threshold_ch2",
      "costes_p_coloc2",
      "costes_p_randomization",
    ],
    rows.map((r) => [r.slice, r.label, ...metricCells(r)]),
  );
}

function metricCells(r: ColocRow): (number | null)[] {
  return [
    r.nPixels,
    ...Object.values(COLOC_METRICS).map((f) => f(r)),
    r.thresholds.ch1,
    r.thresholds.ch2,
    r.costes?.costesPValue ?? null,
    r.costes?.pValue ?? null,
  ];
}

function medianCells(rows: readonly ColocRow[]): (number | null)[] {
  const med = (vals: number[]) => {
    const s = vals.filter(Number.isFinite).sort((a, b) => a - b);
    if (!s.length) return null;
    const h = s.length >> 1;
    return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
  };
  return [...Object.values(COLOC_METRICS).map((f) => med(rows.map((r) => f(r) ?? Number.NaN))), null, null, null, null];
}
