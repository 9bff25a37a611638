/**
 * ADCLab's relative quantity: the fold of each target gene in each group against the calibrator
 * group, normalised by one or more reference genes, with a 95 % confidence interval.
 *
 * On the log2 scale every method is one formula. With amplification factors E_g (2 at 100 %
 * efficiency) and c_g = log2 E_g, a sample's efficiency-weighted ΔCq is
 *
 *     ΔCq = c_t·Cq_t − (1/k)·Σ_r c_r·Cq_r        (k reference genes)
 *
 * which is Livak & Schmittgen's ΔCq when every E = 2; the mean over the references is the log of
 * the geometric mean of their relative quantities (qbase's model, Hellemans et al., Genome Biol
 * 8:R19, 2007; Vandesompele et al. 2002); with one reference and measured E it is Pfaffl's ratio
 * (Nucleic Acids Res 29:e45, 2001). ΔΔCq = ΔCq(group) − ΔCq(calibrator), fold = 2^−ΔΔCq.
 *
 * Uncertainty, from the biological replicates (rows are samples whose technical replicates are
 * already averaged, so technical and biological variation are kept apart):
 *
 * - `paired` (each sample has every gene, the usual design): the per-sample ΔCq's SE in each group,
 *   SE(ΔΔCq) = √(SE_group² + SE_calibrator²) with Welch's degrees of freedom, t interval: R's
 *   t.test(ΔCq_group, ΔCq_calibrator) exactly;
 * - `independent` (genes from separate, unmatched samples, pcr's separate tubes): each gene's
 *   group mean contributes c²·s²/n, summed over genes and both groups, with Welch–Satterthwaite
 *   degrees of freedom.
 *
 * The calibrator's own row has ΔΔCq = 0 and the interval of its mean about itself (df n − 1). The
 * fold's interval is 2^−(interval of ΔΔCq). The efficiencies are taken as known; their own
 * uncertainty is not propagated.
 */
import { InputError } from "../errors/input-error.ts";
import { tCritical } from "../stats/distributions.ts";
import { type CqTable, cqOf, groupsOf, requireGroup } from "./cq-table.ts";
import { mean, variance } from "./sample-statistics.ts";

export type ReplicateDesign = "paired" | "independent";

export interface RelativeQuantityOptions {
  /** Genes to quantify; every gene that is not a reference when left out. */
  targets?: readonly string[];
  /** Reference genes (one or more), combined by the geometric mean of their quantities. */
  references: readonly string[];
  /** The calibrator group (e.g. the parental line). */
  calibrator: string;
  /** Amplification factor per gene (2 = 100 % efficiency); 2 for a gene not listed. */
  amplification?: Readonly<Record<string, number>>;
  design?: ReplicateDesign;
  confidenceLevel?: number;
}

export interface RelativeQuantityRow {
  gene: string;
  group: string;
  /** Biological replicates (samples) used. */
  n: number;
  /** Efficiency-weighted ΔCq against the references (cycles at 100 % efficiency). */
  deltaCq_cycles: number;
  /** The SD of ΔCq across samples (paired), or √Σ c²·s² over the genes (independent, pcr's error). */
  sd_cycles: number;
  deltaDeltaCq_cycles: number;
  /** Standard error of ΔΔCq (cycles); NaN when a group has one sample. */
  se_cycles: number;
  df: number;
  confidenceLevel: number;
  /** Interval of ΔΔCq (cycles); null when it cannot be computed (one sample). */
  deltaDeltaCqCi_cycles: [number, number] | null;
  fold: number;
  /** 2^−(ΔΔCq interval): the fold's interval, lower first. */
  foldCi: [number, number] | null;
  flags: string[];
}

export function relativeQuantity(t: CqTable, o: RelativeQuantityOptions): RelativeQuantityRow[] {
  if (o.references.length === 0)
    throw new InputError("no reference gene given", { field: "references", expected: "one or more reference genes" });
  for (const r of o.references) cqOf(t, r, "references");
  requireGroup(t, o.calibrator, "calibrator");
  const targets = o.targets ?? t.genes.filter((g) => !o.references.includes(g));
  for (const g of targets) cqOf(t, g, "targets");
  const level = o.confidenceLevel ?? 0.95;
  const weight = (gene: string) => {
    const e = o.amplification?.[gene] ?? 2;
    if (!(e > 1 && e <= 3))
      throw new InputError(`the amplification factor of ${gene} is out of range`, {
        field: `amplification.${gene}`,
        expected: "a factor in (1, 3] (2 = 100 % efficiency)",
        got: e,
      });
    return Math.log2(e);
  };
  const groups = groupsOf(t);
  const rows: RelativeQuantityRow[] = [];
  for (const gene of targets) {
    const parts = [
      { gene, w: weight(gene) },
      ...o.references.map((r) => ({ gene: r, w: -weight(r) / o.references.length })),
    ];
    const stats = new Map(
      groups.map((g) => [
        g,
        o.design === "independent" ? independentStats(t, parts, g) : pairedStats(t, parts, g, gene),
      ]),
    );
    const cal = stats.get(o.calibrator) as GroupStats;
    for (const group of groups) {
      const s = stats.get(group) as GroupStats;
      const components = group === o.calibrator ? s.components : [...s.components, ...cal.components];
      const ddcq = s.deltaCq - cal.deltaCq;
      const v = components.reduce((a, c) => a + c.v, 0);
      const df = v ** 2 / components.reduce((a, c) => a + (c.v * c.v) / (c.n - 1), 0);
      const se = Math.sqrt(v);
      const flags: string[] = [];
      let ci: [number, number] | null = null;
      if (Number.isFinite(se) && Number.isFinite(df)) {
        const q = tCritical(level, df);
        ci = [ddcq - q * se, ddcq + q * se];
      } else flags.push("a group has one sample: no interval");
      rows.push({
        gene,
        group,
        n: s.n,
        deltaCq_cycles: s.deltaCq,
        sd_cycles: s.sd,
        deltaDeltaCq_cycles: ddcq,
        se_cycles: se,
        df,
        confidenceLevel: level,
        deltaDeltaCqCi_cycles: ci,
        fold: 2 ** -ddcq,
        foldCi: ci ? [2 ** -ci[1], 2 ** -ci[0]] : null,
        flags,
      });
    }
  }
  return rows;
}

interface GroupStats {
  n: number;
  deltaCq: number;
  sd: number;
  /** Variance components of ΔCq's mean with their sample sizes (for Welch–Satterthwaite). */
  components: { v: number; n: number }[];
}

function pairedStats(
  t: CqTable,
  parts: readonly { gene: string; w: number }[],
  group: string,
  target: string,
): GroupStats {
  const cols = parts.map((p) => t.cq[p.gene] as Float64Array);
  const y: number[] = [];
  for (let i = 0; i < t.group.length; i++) {
    if (t.group[i] !== group) continue;
    let s = 0;
    let complete = true;
    cols.forEach((c, k) => {
      const v = c[i] as number;
      if (!Number.isFinite(v)) complete = false;
      s += (parts[k] as { w: number }).w * v;
    });
    if (complete) y.push(s);
  }
  if (y.length === 0) {
    throw new InputError(`no sample of group '${group}' has ${target} and every reference gene`, {
      field: "group",
      expected: "each sample measured for the target and the reference genes (or the independent design)",
      got: group,
    });
  }
  const v = variance(y);
  return { n: y.length, deltaCq: mean(y), sd: Math.sqrt(v), components: [{ v: v / y.length, n: y.length }] };
}

function independentStats(t: CqTable, parts: readonly { gene: string; w: number }[], group: string): GroupStats {
  let deltaCq = 0;
  let sd2 = 0;
  let n = Number.POSITIVE_INFINITY;
  const components: { v: number; n: number }[] = [];
  for (const p of parts) {
    const col = t.cq[p.gene] as Float64Array;
    const vals: number[] = [];
    for (let i = 0; i < col.length; i++)
      if (t.group[i] === group && Number.isFinite(col[i] as number)) vals.push(col[i] as number);
    if (vals.length === 0) {
      throw new InputError(`group '${group}' has no Cq for ${p.gene}`, {
        field: "group",
        expected: `Cq values of ${p.gene} in every group`,
        got: group,
      });
    }
    const v = variance(vals);
    deltaCq += p.w * mean(vals);
    sd2 += p.w * p.w * v;
    components.push({ v: (p.w * p.w * v) / vals.length, n: vals.length });
    n = Math.min(n, vals.length);
  }
  return { n, deltaCq, sd: Math.sqrt(sd2), components };
}
