/**
 * The tables of `adclab fit` (text) and of the web's Dose–response page (HTML), built once from the
 * result: numbers formatted, units in the headers, qualifiers (">", "<") and CIs as text. A value
 * that is NaN in the live result is null in the JSON; both show as "NaN", as the CLI always has.
 */
import type { GrResult, Ic50Result } from "../dose-response/analysis.ts";
import type { RatioRow } from "../dose-response/ic50.ts";
import { unitFromLabel } from "../dose-response/units.ts";
import { type DisplayTable, formatNumber, type Json } from "./format.ts";

export type Ic50Json = Json<Ic50Result>;
export type GrJson = Json<GrResult>;
/** The `adclab fit --json` document (docs/cli/fit.md), or the live result it is printed from. */
export type FitJson = Ic50Json | GrJson;

const num = (v: number | null | undefined) => (v === null || v === undefined ? "NaN" : formatNumber(v));
/** "lo–hi"; an open upper limit (null) is ∞. */
const range = ([lo, hi]: readonly (number | null | undefined)[]) =>
  `${num(lo)}–${hi === null || hi === undefined ? "∞" : formatNumber(hi)}`;
const bound = (r: { qualifier: string; value: number | null }) =>
  `${r.qualifier === "=" ? "" : r.qualifier}${num(r.value)}`;
const fieller = (r: Json<RatioRow>) => (r.ci95 ? range(r.ci95.fieller) : "—");

/** One row per curve: IC50 (with its CIs) and the fitted parameters, or the GR metrics. */
export function curveTable(r: FitJson): DisplayTable {
  const unit = unitFromLabel(r.concentrationUnit);
  if (r.model === "gr") {
    return {
      title: "Curves",
      headers: [
        "curve",
        "fit",
        `GR50 (${unit.label})`,
        "GRmax",
        "GRinf",
        `GEC50 (${unit.label})`,
        "h_GR",
        "GR_AOC",
        "r2",
        "n",
      ],
      rows: r.curves.map((c) => {
        const v = c.GR50.value;
        // JSON has no infinities: a GR50 the curve never reaches is the string "Infinity" / "-Infinity".
        const gr50 = v === "Infinity" ? "∞" : v === "-Infinity" ? "−∞" : num(v);
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
  return {
    title: "Curves",
    headers: [
      "curve",
      `IC50 (${unit.label})`,
      "95% CI",
      "95% CI (profile)",
      "hill",
      "top",
      "bottom",
      "R²",
      "n",
      "flags",
    ],
    rows: r.curves.map((c) => [
      c.id,
      c.ic50_nM === null || Number.isNaN(c.ic50_nM) ? "not converged" : bound(c.ic50),
      c.ic50.ci95 ? range(c.ic50.ci95) : "—",
      c.ic50_profileCi95_nM
        ? range(c.ic50_profileCi95_nM.map((v) => (v === null ? null : v * unit.perNanomolar)))
        : "—",
      num(c.hill.value),
      num(c.top.value),
      num(c.bottom.value),
      num(c.r2),
      num(c.n),
      c.flags.join(" "),
    ]),
  };
}

/** Fold resistance IC50(test)/IC50(reference) with its two CIs and the shared-LogIC50 F test. */
export function comparisonTable(r: FitJson): DisplayTable {
  return {
    title: "Comparisons (fold = IC50(test) / IC50(reference))",
    headers: ["reference", "test", "fold", "95% CI (Fieller)", "95% CI (delta)", "F-test p (shared LogIC50)"],
    rows: r.comparisons.map((c) => [
      c.reference,
      c.test,
      bound(c.fold),
      fieller(c.fold),
      c.fold.ci95 ? range(c.fold.ci95.delta) : "—",
      c.sharedLogIC50FTest ? num(c.sharedLogIC50FTest.pValue) : "—",
    ]),
  };
}

/** Inhibitor reversal in each sample, the parental line's, and their ratio. */
export function reversalTable(r: FitJson): DisplayTable {
  return {
    title: "Inhibitor reversal (IC50(drug alone) / IC50(drug + inhibitor))",
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
    rows: r.reversals.map((x) => [
      x.sample,
      x.inhibitor,
      x.compound,
      bound(x.reversal),
      fieller(x.reversal),
      x.parental?.sample ?? "—",
      x.parental ? bound(x.parental.reversal) : "—",
      x.parental ? fieller(x.parental.reversal) : "—",
      x.ratioToParental ? bound(x.ratioToParental) : "—",
      x.ratioToParental?.ci95 ? range(x.ratioToParental.ci95) : "—",
    ]),
    note: "reversal = IC50(drug alone) / IC50(drug + inhibitor)",
  };
}

/** --ec / --absolute-ec / --auc: the quantities read off each curve; null when none was asked for. */
export function derivedTable(r: Ic50Json): DisplayTable | null {
  if (!r.curves.some((c) => c.effectiveConcentrations || c.auc !== undefined)) return null;
  const rows = r.curves.flatMap((c) => [
    ...(c.effectiveConcentrations ?? []).map((e) => [
      c.id,
      e.kind === "relative" ? `${e.label} (${e.unit})` : `${e.label} (${e.unit}, response = ${e.at})`,
      e.value === null ? (e.note ?? "—") : bound({ qualifier: e.qualifier, value: e.value }),
      e.ci95 ? range(e.ci95) : "—",
    ]),
    ...(c.auc !== undefined
      ? [
          [c.id, `AUC (${c.auc?.unit ?? "log10 conc"})`, c.auc ? num(c.auc.value) : "not converged", "—"],
          [c.id, `Emax (${c.responseUnit} at the top dose)`, c.emax ? num(c.emax.value) : "not converged", "—"],
        ]
      : []),
  ]);
  const withAuc = r.curves.some((c) => c.auc !== undefined);
  return {
    title: "Derived quantities",
    headers: ["curve", "quantity", "value", "95% CI"],
    rows,
    ...(withAuc
      ? { note: "AUC: area under the fitted curve over log10 concentration across the tested non-zero doses" }
      : {}),
  };
}

/** --compare-models: 3PL vs 4PL and 4PL vs 5PL per curve; null without it. */
export function modelComparisonTable(r: Ic50Json): DisplayTable | null {
  if (!r.modelComparisons) return null;
  return {
    title: "Model comparison",
    headers: [
      "curve",
      "simpler",
      "complex",
      "F",
      "df",
      "p",
      "ΔAICc",
      "P(complex)",
      "preferred (F test)",
      "preferred (AICc)",
    ],
    rows: r.modelComparisons.map((m) => [
      m.curve,
      m.simpler,
      m.complex,
      m.fTest ? num(m.fTest.f) : "—",
      m.fTest ? `${m.fTest.df1}, ${m.fTest.df2}` : "—",
      m.fTest ? num(m.fTest.pValue) : "—",
      m.aicc ? num(m.aicc.difference) : "—",
      m.aicc ? num(m.aicc.probabilityComplex) : "—",
      m.preferredByFTest ? (m.preferredByFTest === "complex" ? m.complex : m.simpler) : (m.note ?? "—"),
      m.aicc ? (m.aicc.preferred === "complex" ? m.complex : m.simpler) : "—",
    ]),
    note: "ΔAICc = AICc(simpler) − AICc(complex): above 0 favours the complex model; the F test prefers it when p < 0.05",
  };
}

/** --robust: the wells ROUT left out, per curve (a heading line, then one line per curve); null without it. */
export function outlierLines(r: Ic50Json): string[] | null {
  if (!r.curves.some((c) => c.rout)) return null;
  const unit = unitFromLabel(r.concentrationUnit);
  const q = r.curves.find((c) => c.rout)?.rout?.q_percent;
  return [
    `outliers left out of the fit (ROUT, Q = ${q} %):`,
    ...r.curves.map((c) => {
      const wells = (c.outliers ?? []).map(
        (w) =>
          `${num(w.concentration_nM === null ? null : w.concentration_nM * unit.perNanomolar)} ${unit.label} (${num(w.response)})`,
      );
      return `  ${c.id}: ${wells.length ? wells.join(", ") : "none"}`;
    }),
  ];
}

/** What was held, bounded or shared, so a constrained fit is never read as a free one ("" when nothing was). */
export function constraintLine(r: FitJson): string {
  const c = r.model === "gr" ? undefined : r.constraints;
  if (!c) return "";
  return [
    ...(c.fix.length ? [`fixed: ${c.fix.join(", ")}`] : []),
    ...(c.bounds.length ? [`bounds: ${c.bounds.join(", ")}`] : []),
    ...(c.share.length ? [`shared by the curves of each compound (one global fit): ${c.share.join(", ")}`] : []),
  ].join("; ");
}
