/**
 * What `adclab coloc` prints for one image and the web's Co-localization page shows: the header
 * line, thresholds, the metric table (one region) or the per-row table (cells, slices) and the
 * Costes sentence, built once. 4 significant digits; "—" for a metric that is not defined (null);
 * "NaN" for one computed as NaN (only the live result has those: JSON turns them into null).
 */
import type { ColocImageResult, ColocRow, colocJson } from "../coloc/analyze.ts";
import { type DisplayTable, formatNumber, type Json } from "./format.ts";

/** The `adclab coloc --json` document (schema adclab.coloc/1). */
export type ColocJson = Json<ReturnType<typeof colocJson>>;
export type ColocRowJson = Json<ColocRow>;
type ColocImageJson = Json<Pick<ColocImageResult, "image" | "channels">>;

/** Everything `adclab coloc` prints for one image, as lines and tables of display strings. */
export interface ColocDisplay {
  /** "file[ + file2]: W×H[×Z] type, ch1 … vs ch2 …". */
  head: string;
  /** One region (whole image or mask): thresholds line, metric table, Costes sentence, warnings. */
  region: { thresholds: string; metrics: DisplayTable; costes: string | null; warnings: string[] } | null;
  /** Several regions (cells of a label image, slices of a stack): one row each, every metric. */
  rows: DisplayTable | null;
}

export function colocDisplay(r: ColocImageJson & { rows: readonly ColocRowJson[] }): ColocDisplay {
  const head = colocHeadLine(r);
  const one = r.rows.length === 1 ? r.rows[0] : undefined;
  if (!one) return { head, region: null, rows: colocRowsTable(r.rows) };
  return {
    head,
    region: {
      thresholds: colocThresholdLine(one),
      metrics: colocMetricTable(one),
      costes: colocCostesLine(one),
      warnings: one.thresholds.warnings,
    },
    rows: null,
  };
}

/** The metric columns, in the CLI's order; the first 11 are the one-region metric table. */
const COLOC_METRIC_COLUMNS: readonly (readonly [string, (r: ColocRowJson) => number | null])[] = [
  ["pearson", (r) => r.pearson.all],
  ["pearson<T", (r) => r.pearson.belowThreshold],
  ["pearson>T", (r) => r.pearson.aboveThreshold],
  ["spearman", (r) => r.spearman],
  ["kendall", (r) => r.kendallTauB],
  ["M1", (r) => r.manders.m1],
  ["M2", (r) => r.manders.m2],
  ["tM1", (r) => r.manders.tM1],
  ["tM2", (r) => r.manders.tM2],
  ["MOC", (r) => r.overlapCoefficient],
  ["ICQ", (r) => r.liIcq],
  ["T1", (r) => r.thresholds.ch1],
  ["T2", (r) => r.thresholds.ch2],
  ["costesP", (r) => r.costes?.costesPValue ?? null],
  ["randP", (r) => r.costes?.pValue ?? null],
];

/** A metric as the tables show it. */
function colocValue(v: number | null): string {
  return v === null ? "—" : Number.isNaN(v) ? "NaN" : formatNumber(v, 4);
}

const channelName = (c: { index: number | null; name: string | null }) =>
  c.name ? `${c.index} (${c.name})` : String(c.index);

function colocHeadLine(r: ColocImageJson): string {
  const i = r.image;
  return `${i.file}${i.file2 ? ` + ${i.file2}` : ""}: ${i.width}×${i.height}${(i.slices ?? 1) > 1 ? `×${i.slices}` : ""} ${i.sampleType}, ch1 ${channelName(r.channels.ch1)} vs ch2 ${channelName(r.channels.ch2)}`;
}

function colocThresholdLine(r: ColocRowJson): string {
  return `pixels ${r.nPixels}, thresholds (${r.thresholds.method}) ch1 ${colocValue(r.thresholds.ch1)}, ch2 ${colocValue(r.thresholds.ch2)}`;
}

/** The Costes significance test in one sentence; null when it was not run. */
function colocCostesLine(r: ColocRowJson): string | null {
  const c = r.costes;
  if (!c) return null;
  return `Costes test (${c.iterations} shuffles, ${c.blockSize}-px blocks): shuffled r ${colocValue(c.shuffledMean)} ± ${colocValue(c.shuffledSd)}, Coloc 2 P ${colocValue(c.costesPValue)} (≥ 0.95 = co-localized), randomization P ${colocValue(c.pValue)}`;
}

/** One region: metric → value. */
function colocMetricTable(r: ColocRowJson): DisplayTable {
  return {
    title: "Metrics",
    headers: ["metric", "value"],
    rows: COLOC_METRIC_COLUMNS.slice(0, 11).map(([k, f]) => [k, colocValue(f(r))]),
  };
}

/** Several regions (cells of a label image, slices of a stack): one row each, every metric. */
function colocRowsTable(rows: readonly ColocRowJson[]): DisplayTable {
  const integer = (v: number | null) => (v === null ? "" : formatNumber(v));
  return {
    title: "Rows",
    headers: ["slice", "cell", "pixels", ...COLOC_METRIC_COLUMNS.map(([k]) => k)],
    rows: rows.map((r) => [
      integer(r.slice),
      integer(r.label),
      integer(r.nPixels),
      ...COLOC_METRIC_COLUMNS.map(([, f]) => colocValue(f(r))),
    ]),
  };
}
