/**
 * Standard curves from a dilution series: Cq = intercept + slope·log10(amount), fitted by least
 * squares per gene, as the R package pcr's `pcr_standard` (intercept, slope, R²) with what pcr
 * does not report: the standard errors and t intervals of the slope and intercept (R's
 * summary.lm/confint), the amplification factor 10^(−1/slope) and the efficiency
 * E = 10^(−1/slope) − 1 with the interval from the slope's (E is monotone in the slope)
 * (Rasmussen, in Rapid Cycle Real-Time PCR, Springer 2001; Pfaffl 2001). `efficiencyCheck` is
 * pcr's `pcr_efficiency`, Livak & Schmittgen's check that ΔCq does not change with the amount:
 * the slope of ΔCq against log10(amount), which should be near 0 (|slope| < 0.1).
 */
import { InputError } from "../errors/input-error.ts";
import { tCritical } from "../stats/distributions.ts";

export interface DilutionSeries {
  /** Input amount of each row (any unit: only ratios matter), > 0. */
  amount: Float64Array;
  genes: readonly string[];
  /** Per gene, the Cq (cycles) of each row; NaN where there is none. */
  cq: Readonly<Record<string, Float64Array>>;
}

export interface LineFit {
  gene: string;
  /** Points used (finite Cq). */
  n: number;
  intercept_cycles: number;
  /** Cycles per log10 of amount (about −3.32 at 100 % efficiency). */
  slope_cycles: number;
  rSquared: number;
  interceptSe_cycles: number;
  slopeSe_cycles: number;
  /** Residual degrees of freedom, n − 2. */
  df: number;
  /** Residual SD (cycles). */
  sigma_cycles: number;
  confidenceLevel: number;
  interceptCi: [number, number];
  slopeCi: [number, number];
  /** log10 of the smallest and largest amount fitted: the range the curve supports. */
  log10AmountRange: [number, number];
}

export interface StandardCurve extends LineFit {
  /** 10^(−1/slope): the fold per cycle (2 at 100 %). */
  amplificationFactor: number;
  /** E = 10^(−1/slope) − 1, as a fraction (1 = 100 %), with the interval from the slope's. */
  efficiency: number;
  efficiencyCi: [number, number];
  /** The line does not fall with the amount (slope ≥ 0, or its interval reaches 0): no efficiency. */
  flags: string[];
}

/** Least-squares line of y on log10(x) with its standard errors and t intervals. */
export function fitLine(gene: string, amount: Float64Array, y: Float64Array, confidenceLevel = 0.95): LineFit {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const a = amount[i] as number;
    if (!(a > 0))
      throw new InputError("a dilution amount must be a positive number", { row: i + 1, field: "amount", got: a });
    if (Number.isFinite(y[i] as number)) {
      xs.push(Math.log10(a));
      ys.push(y[i] as number);
    }
  }
  const n = xs.length;
  const distinct = new Set(xs).size;
  if (n < 3 || distinct < 2) {
    throw new InputError(`the dilution series of ${gene} has too few points for a line`, {
      field: gene,
      expected: "at least 3 Cq values at 2 or more amounts",
      got: `${n} values at ${distinct} amounts`,
    });
  }
  const mx = avg(xs);
  const my = avg(ys);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += ((ys[i] as number) - intercept - slope * (xs[i] as number)) ** 2;
  const df = n - 2;
  const s2 = df > 0 ? rss / df : Number.NaN;
  const slopeSe = Math.sqrt(s2 / sxx);
  const interceptSe = Math.sqrt(s2 * (1 / n + (mx * mx) / sxx));
  const q = df > 0 ? tCritical(confidenceLevel, df) : Number.NaN;
  return {
    gene,
    n,
    intercept_cycles: intercept,
    slope_cycles: slope,
    rSquared: (sxy * sxy) / (sxx * syy),
    interceptSe_cycles: interceptSe,
    slopeSe_cycles: slopeSe,
    df,
    sigma_cycles: Math.sqrt(s2),
    confidenceLevel,
    interceptCi: [intercept - q * interceptSe, intercept + q * interceptSe],
    slopeCi: [slope - q * slopeSe, slope + q * slopeSe],
    log10AmountRange: [Math.min(...xs), Math.max(...xs)],
  };
}

/** pcr_standard, per gene, with efficiencies. */
export function standardCurves(d: DilutionSeries, confidenceLevel = 0.95): StandardCurve[] {
  return d.genes.map((gene) => {
    const line = fitLine(gene, d.amount, d.cq[gene] as Float64Array, confidenceLevel);
    const eff = (slope: number) => 10 ** (-1 / slope) - 1;
    const flags: string[] = [];
    if (!(line.slope_cycles < 0)) flags.push("the Cq does not fall as the amount rises: no efficiency");
    else if (!(line.slopeCi[1] < 0))
      flags.push("the slope's interval reaches 0: the efficiency's upper end is unbounded");
    const [lo, hi] = line.slopeCi;
    return {
      ...line,
      amplificationFactor: 10 ** (-1 / line.slope_cycles),
      efficiency: line.slope_cycles < 0 ? eff(line.slope_cycles) : Number.NaN,
      // A steeper (more negative) slope means a lower efficiency.
      efficiencyCi: [lo < 0 ? eff(lo) : Number.NaN, hi < 0 ? eff(hi) : Number.POSITIVE_INFINITY],
      flags,
    };
  });
}

export interface EfficiencyCheck extends LineFit {
  /** Livak & Schmittgen's criterion |slope| < 0.1 met. */
  passes: boolean;
}

/** pcr_efficiency: ΔCq = Cq(gene) − Cq(reference) against log10(amount), for every gene but the reference. */
export function efficiencyCheck(d: DilutionSeries, referenceGene: string, confidenceLevel = 0.95): EfficiencyCheck[] {
  const ref = d.cq[referenceGene];
  if (!ref)
    throw new InputError(`no gene '${referenceGene}' in the dilution series`, {
      field: "referenceGene",
      expected: `one of ${d.genes.join(", ")}`,
      got: referenceGene,
    });
  return d.genes
    .filter((g) => g !== referenceGene)
    .map((gene) => {
      const x = d.cq[gene] as Float64Array;
      const dct = x.map((v, i) => v - (ref[i] as number));
      const line = fitLine(gene, d.amount, dct, confidenceLevel);
      return { ...line, passes: Math.abs(line.slope_cycles) < 0.1 };
    });
}

function avg(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}
