/**
 * The `adclab fit --json` document as the Dose–response page shows it: the same cells as the
 * tables `adclab fit` prints (apps/cli/src/commands/fit.ts, fitText), and the CSV export.
 */
import { formatNumber } from "../format.ts";

type Interval = [number, number | null];
interface Estimate {
  value: number | null;
  se: number | null;
}
export interface RatioRow {
  value: number;
  qualifier: string;
  se: number | null;
  df: number | null;
  ci95: { delta: Interval; fieller: Interval; log: Interval } | null;
}
export interface Ic50Curve {
  id: string;
  sample: string;
  compound: string;
  ic50: { value: number | null; qualifier: string; ci95: [number, number] | null; unit: string };
  ic50_nM: number | null;
  ic50_ci95_nM: [number, number] | null;
  ic50_profileCi95_nM: Interval | null;
  logIC50: Estimate;
  hill: Estimate;
  top: Estimate;
  bottom: Estimate;
  r2: number | null;
  n: number;
  converged: boolean;
  flags: string[];
}
export interface GrCurve {
  id: string;
  sample: string;
  compound: string;
  fit: string;
  GR50: { value: number | string; qualifier: string; unit: string };
  GR50_nM: number | string;
  GRmax: number;
  GRinf: Estimate;
  GEC50: { value: number; se: number | null; unit: string };
  h_GR: Estimate;
  GR_AOC: number;
  r2: number;
  pValue: number;
  n: number;
  flags: string[];
}
export interface Comparison {
  reference: string;
  test: string;
  fold: RatioRow;
  sharedLogIC50FTest: { f: number; df1: number; df2: number; pValue: number } | null;
}
export interface Reversal {
  sample: string;
  inhibitor: string;
  compound: string;
  reversal: RatioRow;
  parental?: { sample: string; reversal: RatioRow };
  ratioToParental?: { value: number; qualifier: string; ci95: [number, number] | null };
}
export interface FitJson {
  file: string;
  model: string;
  normalization?: string;
  responseUnit?: string;
  concentrationUnit: string;
  curves: (Ic50Curve | GrCurve)[];
  comparisons: Comparison[];
  reversals: Reversal[];
  /** With fix/bounds/share: the flags as given. */
  constraints?: { fix: string[]; bounds: string[]; share: string[] };
  warnings: string[];
}

/** The line `adclab fit` prints under its tables for a constrained fit (empty when there is none). */
export function constraintLine(r: FitJson): string {
  const c = r.constraints;
  if (!c) return "";
  return [
    ...(c.fix.length ? [`fixed: ${c.fix.join(", ")}`] : []),
    ...(c.bounds.length ? [`bounds: ${c.bounds.join(", ")}`] : []),
    ...(c.share.length ? [`shared by the curves of each compound (one global fit): ${c.share.join(", ")}`] : []),
  ].join("; ");
}

const NM_PER: Record<string, number> = { M: 1e9, mM: 1e6, µM: 1e3, nM: 1, pM: 1e-3, fM: 1e-6 };
const perNanomolar = (unit: string) => 1 / (NM_PER[unit] ?? 1);

/** A number as `adclab` prints it in a table (JSON turns NaN into null; the CLI prints NaN). */
const num = (v: number | null | undefined) => (v === null || v === undefined ? "NaN" : formatNumber(v));
const range = ([lo, hi]: readonly (number | null)[]) =>
  `${num(lo)}–${hi === null || hi === undefined ? "∞" : formatNumber(hi)}`;
const bound = (r: { qualifier: string; value: number }) => `${r.qualifier === "=" ? "" : r.qualifier}${num(r.value)}`;

export interface Table {
  headers: string[];
  rows: string[][];
}

export function curveTable(r: FitJson): Table {
  const unit = r.concentrationUnit;
  if (r.model === "gr") {
    return {
      headers: ["curve", "fit", `GR50 (${unit})`, "GRmax", "GRinf", `GEC50 (${unit})`, "h_GR", "GR_AOC", "r2", "n"],
      rows: (r.curves as GrCurve[]).map((c) => {
        const v = c.GR50.value;
        const gr50 = typeof v === "number" ? formatNumber(v) : v === "Infinity" ? "∞" : "−∞";
        return [
          c.id,
          c.fit,
          `${c.GR50.qualifier === "=" ? "" : c.GR50.qualifier}${gr50}`,
          num(c.GRmax),
          num(c.GRinf.value),
          num(c.GEC50.value),
          num(c.h_GR.value),
          num(c.GR_AOC),
          num(c.r2),
          num(c.n),
        ];
      }),
    };
  }
  const k = perNanomolar(unit);
  return {
    headers: ["curve", `IC50 (${unit})`, "95% CI", "95% CI (profile)", "hill", "top", "bottom", "R²", "n", "flags"],
    rows: (r.curves as Ic50Curve[]).map((c) => [
      c.id,
      c.ic50_nM === null ? "not converged" : bound({ qualifier: c.ic50.qualifier, value: c.ic50.value ?? Number.NaN }),
      c.ic50.ci95 ? range(c.ic50.ci95) : "—",
      c.ic50_profileCi95_nM ? range(c.ic50_profileCi95_nM.map((v) => (v === null ? null : v * k))) : "—",
      num(c.hill.value),
      num(c.top.value),
      num(c.bottom.value),
      num(c.r2),
      num(c.n),
      c.flags.join(" "),
    ]),
  };
}

export function comparisonTable(r: FitJson): Table {
  return {
    headers: ["reference", "test", "fold", "95% CI (Fieller)", "95% CI (delta)", "F-test p (shared LogIC50)"],
    rows: r.comparisons.map((c) => [
      c.reference,
      c.test,
      bound(c.fold),
      c.fold.ci95 ? range(c.fold.ci95.fieller) : "—",
      c.fold.ci95 ? range(c.fold.ci95.delta) : "—",
      c.sharedLogIC50FTest ? formatNumber(c.sharedLogIC50FTest.pValue) : "—",
    ]),
  };
}

export function reversalTable(r: FitJson): Table {
  const ci = (x: RatioRow) => (x.ci95 ? range(x.ci95.fieller) : "—");
  return {
    headers: [
      "sample",
      "inhibitor",
      "drug",
      "reversal",
      "95% CI (Fieller)",
      "parental",
      "parental reversal",
      "95% CI (Fieller)",
      "ratio to parental",
      "95% CI (log)",
    ],
    rows: (r.reversals ?? []).map((x) => [
      x.sample,
      x.inhibitor,
      x.compound,
      bound(x.reversal),
      ci(x.reversal),
      x.parental?.sample ?? "—",
      x.parental ? bound(x.parental.reversal) : "—",
      x.parental ? ci(x.parental.reversal) : "—",
      x.ratioToParental ? bound(x.ratioToParental) : "—",
      x.ratioToParental?.ci95 ? range(x.ratioToParental.ci95) : "—",
    ]),
  };
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per curve, every number at full precision, units in the column names. */
export function curvesCsv(r: FitJson): string {
  let header: string[];
  let rows: unknown[][];
  if (r.model === "gr") {
    header = [
      "curve",
      "sample",
      "compound",
      "fit",
      "GR50_qualifier",
      "GR50_nM",
      "GRmax",
      "GRinf",
      "GEC50_nM",
      "h_GR",
      "GR_AOC",
      "r2",
      "p_value",
      "n",
      "flags",
    ];
    const k = perNanomolar(r.concentrationUnit);
    rows = (r.curves as GrCurve[]).map((c) => [
      c.id,
      c.sample,
      c.compound,
      c.fit,
      c.GR50.qualifier,
      c.GR50_nM,
      c.GRmax,
      c.GRinf.value,
      c.GEC50.value / k,
      c.h_GR.value,
      c.GR_AOC,
      c.r2,
      c.pValue,
      c.n,
      c.flags.join(" "),
    ]);
  } else {
    header = [
      "curve",
      "sample",
      "compound",
      "ic50_qualifier",
      "ic50_nM",
      "ic50_ci95_lo_nM",
      "ic50_ci95_hi_nM",
      "ic50_profile_ci95_lo_nM",
      "ic50_profile_ci95_hi_nM",
      "log10_ic50_nM",
      "log10_ic50_se",
      "hill",
      "hill_se",
      "top",
      "top_se",
      "bottom",
      "bottom_se",
      `response_unit`,
      "r2",
      "n",
      "converged",
      "flags",
    ];
    rows = (r.curves as Ic50Curve[]).map((c) => [
      c.id,
      c.sample,
      c.compound,
      c.ic50.qualifier,
      c.ic50_nM,
      c.ic50_ci95_nM?.[0],
      c.ic50_ci95_nM?.[1],
      c.ic50_profileCi95_nM?.[0],
      c.ic50_profileCi95_nM?.[1],
      c.logIC50.value,
      c.logIC50.se,
      c.hill.value,
      c.hill.se,
      c.top.value,
      c.top.se,
      c.bottom.value,
      c.bottom.se,
      r.responseUnit,
      c.r2,
      c.n,
      c.converged,
      c.flags.join(" "),
    ]);
  }
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}
