/**
 * Fold-resistance CIs checked by hand from the fitted covariances. The curves are the parental
 * and resistant T-DM1-like datasets of __fixtures__/dose-response-nls.json. The hand computation
 * below uses only each fit's LogIC50 and its variance (fit.cov[2][2], log10 units), and the
 * textbook forms:
 *   e = 10^L, Var(e) = (ln10·e)²·Var(L)                         (delta method)
 *   r = e_R/e_P, Var(r) = r²·(Var(e_R)/e_R² + Var(e_P)/e_P²)      (independent fits)
 *   Fieller (Finney 1978, Statistical Method in Biological Assay, eq. 2.41 form):
 *     g = t²·V_P/e_P²,  limits = [r ± (t/e_P)·√(V_R·(1 − g) + r²·V_P)] / (1 − g)     (C = 0)
 * with t = qt(0.975, df_R + df_P). The implementation solves Fieller's quadratic instead.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { tCritical } from "../stats/distributions.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { fitDoseResponse } from "./dose-response.ts";
import { fitGlobal } from "./global-fit.ts";
import { compareReversal, fiellerInterval, ic50Ratio, ic50RatioFromGlobal, logIc50Of } from "./ratio.ts";

const fixture = JSON.parse(readFileSync(new URL("./__fixtures__/dose-response-nls.json", import.meta.url), "utf8")) as {
  datasets: { name: string; x: number[]; y: number[] }[];
};
const byName = (prefix: string) => {
  const d = fixture.datasets.find((s) => s.name.startsWith(prefix))!;
  return { concentration_nM: d.x, response: d.y };
};
const parentalData = byName("T-DM1-like parental");
const resistantData = byName("T-DM1-like resistant");
const parental = fitDoseResponse(parentalData, { model: "prism4" });
const resistant = fitDoseResponse(resistantData, { model: "prism4" });

test("fold resistance: delta, Fieller and log CIs equal the hand computation from the covariances", () => {
  const r = ic50Ratio(logIc50Of(resistant), logIc50Of(parental));
  const eR = 10 ** resistant.params.logIC50;
  const eP = 10 ** parental.params.logIC50;
  const vR = (Math.LN10 * eR) ** 2 * resistant.cov![2]![2]!;
  const vP = (Math.LN10 * eP) ** 2 * parental.cov![2]![2]!;
  const ratio = eR / eP;
  const seRatio = ratio * Math.sqrt(vR / eR ** 2 + vP / eP ** 2);
  const t = tCritical(0.95, resistant.df + parental.df);
  assertClose(r.ratio, ratio, 1e-12);
  assertClose(r.se, seRatio, 1e-10);
  assertClose(r.delta.lower, ratio - t * seRatio, 1e-10);
  assertClose(r.delta.upper, ratio + t * seRatio, 1e-10);
  const g = (t * t * vP) / eP ** 2;
  const half = (t / eP) * Math.sqrt(vR * (1 - g) + ratio * ratio * vP);
  assertClose(r.fieller.lower, (ratio - half) / (1 - g), 1e-9);
  assertClose(r.fieller.upper, (ratio + half) / (1 - g), 1e-9);
  const seLog = Math.sqrt(resistant.cov![2]![2]! + parental.cov![2]![2]!);
  assertClose(r.log.lower, ratio / 10 ** (t * seLog), 1e-10);
  assertClose(r.log.upper, ratio * 10 ** (t * seLog), 1e-10);
  assert.ok(r.ratio > 30, "the resistant line is resistant");
});

test("Fieller with covariance matches the general textbook form, and is unbounded when g ≥ 1", () => {
  const [a, b, va, vb, c, t] = [12, 3, 4, 0.5, 0.3, 2.1];
  const r = a / b;
  const g = (t * t * vb) / (b * b);
  const centre = r - (g * c) / vb;
  const half = (t / b) * Math.sqrt(va - 2 * r * c + r * r * vb - g * (va - (c * c) / vb));
  const fi = fiellerInterval(a, b, va, vb, c, t);
  assertClose(fi.lower, (centre - half) / (1 - g), 1e-12);
  assertClose(fi.upper, (centre + half) / (1 - g), 1e-12);
  assert.equal(fiellerInterval(12, 1, 4, 0.5, 0, 2.1).bounded, false);
});

test("from one global fit the ratio uses the fitted covariance between the two LogIC50s", () => {
  const global = fitGlobal([resistantData, parentalData]);
  const r = ic50RatioFromGlobal(global, 0, 1);
  const n = global.parameterLabels.length;
  const i = global.parameterLabels.indexOf("logIC50[0]");
  const j = global.parameterLabels.indexOf("logIC50[1]");
  const cov = global.lm.covariance!;
  const seLog = Math.sqrt(cov[i * n + i]! + cov[j * n + j]! - 2 * cov[i * n + j]!);
  const t = tCritical(0.95, global.df);
  assert.equal(r.df, global.df);
  assertClose(r.log.upper, r.ratio * 10 ** (t * seLog), 1e-10);
  // Separate parameters: the point estimate equals the one from separate fits.
  assertClose(r.ratio, 10 ** (resistant.params.logIC50 - parental.params.logIC50), 1e-5);
});

test("inhibitor reversal and its ratio to the parental line's reversal", () => {
  const est = (L: number, se: number) => ({ logIC50: L, seLog10: se, df: 20 });
  const cmp = compareReversal(est(2, 0.05), est(1, 0.06), est(0, 0.04), est(-0.2, 0.05));
  assertClose(cmp.resistant.ratio, 10, 1e-12);
  assertClose(cmp.parental.ratio, 10 ** 0.2, 1e-12);
  assertClose(cmp.ratioOfReversals.value, 10 / 10 ** 0.2, 1e-12);
  const se = Math.sqrt(0.05 ** 2 + 0.06 ** 2 + 0.04 ** 2 + 0.05 ** 2);
  const t = tCritical(0.95, 80);
  assertClose(cmp.ratioOfReversals.lower, cmp.ratioOfReversals.value / 10 ** (t * se), 1e-12);
});

test("reversal from four fitted curves: each line's delta and Fieller CIs and the ratio of reversals, by hand from the covariances", () => {
  // Stand-ins with well-separated IC50s: the resistant line alone and with an inhibitor that
  // restores sensitivity, the parental line alone and with the inhibitor (fixture datasets).
  const rAlone = resistant;
  const rInh = fitDoseResponse(byName("zero-dose wells (LL.4)"), { model: "prism4" });
  const pAlone = parental;
  const pInh = fitDoseResponse(byName("noisy replicates (SD 10)"), { model: "prism4" });
  const fits = [rAlone, rInh, pAlone, pInh];
  for (const f of fits) assert.equal(f.ic50.qualifier, "=");
  const cmp = compareReversal(logIc50Of(rAlone), logIc50Of(rInh), logIc50Of(pAlone), logIc50Of(pInh));

  // Each line's reversal: e = 10^L, V = (ln10·e)²·Var(L) from the fit's covariance, independent fits.
  const e = fits.map((f) => 10 ** f.params.logIC50);
  const vLog = fits.map((f) => f.cov![2]![2]!);
  const v = e.map((ei, i) => (Math.LN10 * ei) ** 2 * vLog[i]!);
  const lines = [
    { got: cmp.resistant, a: 0, b: 1 },
    { got: cmp.parental, a: 2, b: 3 },
  ];
  for (const { got, a, b } of lines) {
    const ratio = e[a]! / e[b]!;
    const se = ratio * Math.sqrt(v[a]! / e[a]! ** 2 + v[b]! / e[b]! ** 2);
    const t = tCritical(0.95, fits[a]!.df + fits[b]!.df);
    assertClose(got.ratio, ratio, 1e-12);
    assertClose(got.delta.lower, ratio - t * se, 1e-10);
    assertClose(got.delta.upper, ratio + t * se, 1e-10);
    const g = (t * t * v[b]!) / e[b]! ** 2;
    const half = (t / e[b]!) * Math.sqrt(v[a]! * (1 - g) + ratio * ratio * v[b]!);
    assertClose(got.fieller.lower, (ratio - half) / (1 - g), 1e-9);
    assertClose(got.fieller.upper, (ratio + half) / (1 - g), 1e-9);
  }

  // Ratio of reversals R = (e₁/e₂)/(e₃/e₄); log10 R has variance Σ Var(Lᵢ) (four independent fits),
  // t on the pooled df; delta method on the natural scale: SE(R) = R·ln10·SE(log10 R).
  const R = e[0]! / e[1]! / (e[2]! / e[3]!);
  const seLog = Math.sqrt(vLog.reduce((s, x) => s + x, 0));
  const t4 = tCritical(
    0.95,
    fits.reduce((s, f) => s + f.df, 0),
  );
  const rr = cmp.ratioOfReversals;
  assertClose(rr.value, R, 1e-10);
  assertClose(rr.seLog10, seLog, 1e-10);
  assertClose(rr.lower, R / 10 ** (t4 * seLog), 1e-10);
  assertClose(rr.upper, R * 10 ** (t4 * seLog), 1e-10);
  assertClose(rr.se, R * Math.LN10 * seLog, 1e-10);
  assertClose(rr.delta.lower, R - t4 * R * Math.LN10 * seLog, 1e-10);
  assertClose(rr.delta.upper, R + t4 * R * Math.LN10 * seLog, 1e-10);
  assert.equal(
    rr.df,
    fits.reduce((s, f) => s + f.df, 0),
  );
  assert.ok(cmp.resistant.ratio > cmp.parental.ratio, "the stand-in inhibitor reverses more in the resistant line");
});
