/**
 * The co-localization result as `adclab coloc` prints it (apps/cli/src/commands/coloc.ts): the
 * same columns, the same 4 significant digits, "—" for an undefined metric, the same header and
 * Costes sentences, so that the page shows exactly the numbers of the command line.
 */
import { formatNumber } from "../format.ts";

export interface ColocChannel {
  index: number;
  name: string | null;
}

export interface ColocRow {
  slice: number | null;
  label: number | null;
  nPixels: number;
  thresholds: { method: string; ch1: number; ch2: number; warnings: string[]; slope?: number; intercept?: number };
  pearson: { all: number | null; belowThreshold: number | null; aboveThreshold: number | null };
  spearman: number | null;
  kendallTauB: number | null;
  manders: { m1: number | null; m2: number | null; tM1: number | null; tM2: number | null };
  overlapCoefficient: number | null;
  liIcq: number | null;
  costes: {
    iterations: number;
    blockSize: number;
    shuffledMean: number | null;
    shuffledSd: number | null;
    costesPValue: number | null;
    pValue: number | null;
  } | null;
}

export interface ColocJson {
  schema: "adclab.coloc/1";
  image: {
    file: string;
    file2: string | null;
    format: string;
    width: number;
    height: number;
    slices: number;
    sampleType: string;
  };
  channels: { ch1: ColocChannel; ch2: ColocChannel };
  rows: ColocRow[];
}

export const METRIC_COLUMNS: [string, (r: ColocRow) => number | null][] = [
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

/** What the metric tables show for a value. */
export function fmt(v: number | null): string {
  return v === null ? "—" : Number.isNaN(v) ? "NaN" : formatNumber(v, 4);
}

const channelName = (c: ColocChannel) => (c.name ? `${c.index} (${c.name})` : String(c.index));

export function headLine(r: ColocJson): string {
  const i = r.image;
  return `${i.file}${i.file2 ? ` + ${i.file2}` : ""}: ${i.width}×${i.height}${i.slices > 1 ? `×${i.slices}` : ""} ${i.sampleType}, ch1 ${channelName(r.channels.ch1)} vs ch2 ${channelName(r.channels.ch2)}`;
}

export function thresholdLine(r: ColocRow): string {
  return `pixels ${r.nPixels}, thresholds (${r.thresholds.method}) ch1 ${fmt(r.thresholds.ch1)}, ch2 ${fmt(r.thresholds.ch2)}`;
}

export function costesLine(r: ColocRow): string | null {
  const c = r.costes;
  if (!c) return null;
  return `Costes test (${c.iterations} shuffles, ${c.blockSize}-px blocks): shuffled r ${fmt(c.shuffledMean)} ± ${fmt(c.shuffledSd)}, Coloc 2 P ${fmt(c.costesPValue)} (≥ 0.95 = co-localized), randomization P ${fmt(c.pValue)}`;
}
