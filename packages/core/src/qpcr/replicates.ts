/**
 * From reactions to the tables the computations take. Technical replicates (the reactions of one
 * sample and gene) are averaged first, with their SD and range, and a sample whose replicates
 * spread more than `maxSpread_cycles` (default 0.5 cycles, a common MIQE-era acceptance limit,
 * e.g. Bustin et al., Clin Chem 55:611, 2009, and the qbase+ default) is flagged; the sample means
 * are then the biological replicates, so the two kinds of variation stay apart.
 */
import type { QpcrReaction, QpcrRun } from "../io/qpcr/types.ts";
import type { CqTable } from "./cq-table.ts";
import { mean, sd } from "./sample-statistics.ts";
import type { DilutionSeries } from "./standard-curve.ts";

export interface TechnicalReplicates {
  sample: string;
  group: string;
  gene: string;
  /** Reactions with a Cq used (measured, or set to the cycle limit). */
  n: number;
  /** Reactions excluded (no Cq, or above the cut-off with `exclude`). */
  excluded: number;
  mean_cycles: number;
  /** SD of the technical replicates (NaN for one). */
  sd_cycles: number;
  /** max − min of the technical replicates. */
  range_cycles: number;
  /** The range exceeds the stated spread. */
  spread: boolean;
  wells: string[];
  lines: number[];
}

export const DEFAULT_MAX_SPREAD_cycles = 0.5;

/** Technical replicates of the unknowns (role `unknown`), per sample and gene, in input order. */
export function technicalReplicates(run: QpcrRun, o: { maxSpread_cycles?: number } = {}): TechnicalReplicates[] {
  const maxSpread = o.maxSpread_cycles ?? DEFAULT_MAX_SPREAD_cycles;
  const by = new Map<string, QpcrReaction[]>();
  for (const r of run.reactions) {
    if (r.role !== "unknown") continue;
    const key = `${r.sample}\u0000${r.gene}`;
    const list = by.get(key);
    if (list) list.push(r);
    else by.set(key, [r]);
  }
  return [...by.values()].map((rs) => {
    const first = rs[0] as QpcrReaction;
    const used = rs.filter((r) => Number.isFinite(r.cq)).map((r) => r.cq);
    const range = used.length > 0 ? Math.max(...used) - Math.min(...used) : Number.NaN;
    return {
      sample: first.sample,
      group: first.group,
      gene: first.gene,
      n: used.length,
      excluded: rs.length - used.length,
      mean_cycles: mean(used),
      sd_cycles: sd(used),
      range_cycles: range,
      spread: range > maxSpread,
      wells: rs.flatMap((r) => (r.well ? [r.well] : [])),
      lines: rs.map((r) => r.line),
    };
  });
}

/** One row per sample (its group), one column per gene: the technical-replicate means. */
export function sampleTable(reps: readonly TechnicalReplicates[]): CqTable {
  const samples: string[] = [];
  const groupOf = new Map<string, string>();
  const genes: string[] = [];
  for (const r of reps) {
    if (!groupOf.has(r.sample)) {
      groupOf.set(r.sample, r.group);
      samples.push(r.sample);
    }
    if (!genes.includes(r.gene)) genes.push(r.gene);
  }
  const row = new Map(samples.map((s, i) => [s, i]));
  const cq: Record<string, Float64Array> = Object.fromEntries(
    genes.map((g) => [g, new Float64Array(samples.length).fill(Number.NaN)]),
  );
  for (const r of reps) (cq[r.gene] as Float64Array)[row.get(r.sample) as number] = r.mean_cycles;
  return { group: samples.map((s) => groupOf.get(s) as string), sample: samples, genes, cq };
}

/**
 * The standards as a dilution series: one row per standard reaction position, keyed by sample,
 * quantity and replicate (or order of appearance), so that genes measured on the same standard
 * share a row (which the ΔCq check needs).
 */
export function dilutionSeriesOf(run: QpcrRun): DilutionSeries | undefined {
  const standards = run.reactions.filter((r) => r.role === "standard" && r.quantity !== undefined);
  if (standards.length === 0) return undefined;
  const keys: string[] = [];
  const amountOf = new Map<string, number>();
  const occurrence = new Map<string, number>();
  const cells: { key: string; gene: string; cq: number }[] = [];
  for (const r of standards) {
    const base = `${r.sample}\u0000${r.quantity}\u0000${r.replicate ?? ""}`;
    const seen = occurrence.get(`${base}\u0000${r.gene}`) ?? 0;
    occurrence.set(`${base}\u0000${r.gene}`, seen + 1);
    const key = `${base}\u0000${seen}`;
    if (!amountOf.has(key)) {
      amountOf.set(key, r.quantity as number);
      keys.push(key);
    }
    cells.push({ key, gene: r.gene, cq: r.cq });
  }
  const genes = [...new Set(standards.map((r) => r.gene))];
  const index = new Map(keys.map((k, i) => [k, i]));
  const cq: Record<string, Float64Array> = Object.fromEntries(
    genes.map((g) => [g, new Float64Array(keys.length).fill(Number.NaN)]),
  );
  for (const c of cells) (cq[c.gene] as Float64Array)[index.get(c.key) as number] = c.cq;
  return { amount: Float64Array.from(keys.map((k) => amountOf.get(k) as number)), genes, cq };
}
