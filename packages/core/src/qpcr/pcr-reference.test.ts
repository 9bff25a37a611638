/**
 * ADCLab's qPCR computations against the R package pcr 1.2.2 (built from its public source) on its
 * own example data (Livak & Schmittgen 2001; Yuan et al. 2006) and four synthetic sets, and the
 * relative quantities pcr does not compute against an independent base-R computation; all made by
 * scripts/fixtures/qpcr/pcr-reference.R. Tolerance: |ADCLab − R| ≤ 1e-9·|R| + 1e-12 for every
 * number (the fixture's `tolerances`).
 */
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { deltaCq, deltaDeltaCq, type TubeMode } from "./comparative-cq.ts";
import type { CqTable } from "./cq-table.ts";
import { testDeltaCq } from "./delta-cq-tests.ts";
import { relativeQuantity } from "./relative-quantity.ts";
import { relativeStandardCurve } from "./relative-standard-curve.ts";
import { efficiencyCheck, standardCurves } from "./standard-curve.ts";

// biome-ignore lint/suspicious/noExplicitAny: the fixture is R's JSON, read field by field below
type Json = any;
const fixture: Json = JSON.parse(readFileSync(new URL("./__fixtures__/pcr-reference.json", import.meta.url), "utf8"));
const REL = fixture.tolerances.relative as number;
const ABS = fixture.tolerances.absolute as number;
const close = (a: number, e: number, what: string) => assertClose(a, e, REL, ABS, what);
const list = <T>(v: T | T[] | null | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

function tableOf(set: Json): CqTable {
  const genes = Object.keys(set.cq);
  return {
    group: list<string>(set.group),
    genes,
    cq: Object.fromEntries(genes.map((g) => [g, Float64Array.from(list<number>(set.cq[g]))])),
  };
}
const modeOf = (m: string): TubeMode => (m === "same_tube" ? "same-tube" : "separate-tube");
const find = <T extends { gene: string; group: string }>(rows: T[], gene: string, group: string): T => {
  const r = rows.find((x) => x.gene === gene && x.group === group);
  if (!r) throw new Error(`no row for ${gene} in ${group}`);
  return r;
};

for (const set of fixture.relative as Json[]) {
  const t = tableOf(set);
  const mode = modeOf(set.mode);
  const base = { referenceGene: set.reference_gene as string, referenceGroup: set.reference_group as string, mode };

  test(`${set.name}: ΔCq, ΔΔCq, fold, error and interval equal pcr_ddct (${set.mode})`, () => {
    const rows = deltaDeltaCq(t, base);
    for (const r of set.ddct as Json[]) {
      const a = find(rows, r.gene, r.group);
      const at = `${r.gene}/${r.group}`;
      close(a.deltaCq_cycles, r.normalized, `${at} normalized`);
      close(a.deltaDeltaCq_cycles, r.calibrated, `${at} calibrated`);
      close(a.relativeExpression, r.relative_expression, `${at} relative_expression`);
      close(a.error_cycles, r.error, `${at} error`);
      close(a.lower, r.lower, `${at} lower`);
      close(a.upper, r.upper, `${at} upper`);
    }
    if (rows.length !== set.ddct.length) throw new Error(`${rows.length} rows, pcr has ${set.ddct.length}`);
  });

  test(`${set.name}: the ΔCq of each gene against the calibrator equals pcr_dct`, () => {
    const rows = deltaCq(t, base);
    for (const r of set.dct as Json[]) {
      const a = find(rows, r.gene, r.group);
      const at = `${r.gene}/${r.group}`;
      close(a.deltaCq_cycles, r.calibrated, `${at} calibrated`);
      close(a.foldChange, r.fold_change, `${at} fold_change`);
      close(a.error_cycles, r.error, `${at} error`);
      close(a.lower, r.lower, `${at} lower`);
      close(a.upper, r.upper, `${at} upper`);
    }
  });

  if (set.curve) {
    test(`${set.name}: the relative standard-curve method equals pcr_curve`, () => {
      const curves = Object.fromEntries(
        Object.keys(set.standard_curve.intercept).map((g) => [
          g,
          { intercept_cycles: set.standard_curve.intercept[g], slope_cycles: set.standard_curve.slope[g] },
        ]),
      );
      const rows = relativeStandardCurve(t, { ...base, curves });
      for (const r of set.curve as Json[]) {
        const a = find(rows, r.gene, r.group);
        const at = `${r.gene}/${r.group}`;
        close(a.normalized, r.normalized, `${at} normalized`);
        close(a.calibrated, r.calibrated, `${at} calibrated`);
        close(a.error, r.error, `${at} error`);
        close(a.lower, r.lower, `${at} lower`);
        close(a.upper, r.upper, `${at} upper`);
      }
    });
  }

  if (set.tests.t) {
    test(`${set.name}: the Welch t test of ΔCq equals pcr_test(test = "t.test")`, () => {
      const rows = testDeltaCq(t, { ...base, test: "t" });
      for (const r of list<Json>(set.tests.t)) {
        const a = rows.find((x) => x.gene === r.gene);
        if (!a) throw new Error(`no t test of ${r.gene}`);
        close(a.estimate_cycles, r.estimate, `${r.gene} estimate`);
        close(a.statistic, r.statistic, `${r.gene} t`);
        close(a.df as number, r.df, `${r.gene} df`);
        close(a.pValue, r.p_value, `${r.gene} p`);
        close(a.ci_cycles[0], r.lower, `${r.gene} lower`);
        close(a.ci_cycles[1], r.upper, `${r.gene} upper`);
      }
    });
  }

  const wilcoxCases: [string, Json[]][] = [["tol.root 1e-12", list<Json>(set.tests.wilcox)]];
  if (set.tests_default_tol) wilcoxCases.push(["R's default tol.root 1e-4", list<Json>(set.tests_default_tol.wilcox)]);
  for (const [label, expected] of wilcoxCases) {
    if (expected.length === 0) continue;
    test(`${set.name}: the Wilcoxon test of ΔCq equals pcr_test(test = "wilcox.test"), ${label}`, () => {
      for (const r of expected) {
        const rows = testDeltaCq(t, { ...base, test: "wilcoxon", rootTolerance: r.tol_root });
        const a = rows.find((x) => x.gene === r.gene);
        if (!a) throw new Error(`no Wilcoxon test of ${r.gene}`);
        const exact = (r.method as string).includes("exact");
        if (exact !== a.method.includes("exact")) throw new Error(`${r.gene}: R used ${r.method}, ADCLab ${a.method}`);
        close(a.statistic, r.statistic, `${r.gene} W`);
        close(a.pValue, r.p_value, `${r.gene} p`);
        close(a.estimate_cycles, r.estimate, `${r.gene} estimate`);
        close(a.ci_cycles[0], r.lower, `${r.gene} lower`);
        close(a.ci_cycles[1], r.upper, `${r.gene} upper`);
        close(a.confidenceLevel, r.conf_level, `${r.gene} conf.level`);
      }
    });
  }

  test(`${set.name}: the linear model of ΔCq equals pcr_test(test = "lm")`, () => {
    const rows = testDeltaCq(t, { ...base, test: "lm" });
    for (const r of list<Json>(set.tests.lm)) {
      const a = rows.find((x) => x.gene === r.gene && x.group === r.term);
      if (!a) throw new Error(`no lm term ${r.term} of ${r.gene}`);
      const at = `${r.gene}/${r.term}`;
      close(a.estimate_cycles, r.estimate, `${at} estimate`);
      close(a.standardError_cycles as number, r.std_error, `${at} SE`);
      close(a.statistic, r.statistic, `${at} t`);
      close(a.df as number, r.df, `${at} df`);
      close(a.pValue, r.p_value, `${at} p`);
      close(a.ci_cycles[0], r.lower, `${at} lower`);
      close(a.ci_cycles[1], r.upper, `${at} upper`);
    }
  });

  const ind = set.independent;
  for (const design of ["paired", "independent"] as const) {
    test(`${set.name}: the fold and its 95 % interval (${design}, ${list(ind.references).length} reference gene(s)) equal the base-R computation`, () => {
      const rows = relativeQuantity(t, {
        targets: list<string>(ind.targets),
        references: list<string>(ind.references),
        calibrator: set.reference_group,
        amplification: ind.amplification ?? undefined,
        design,
      });
      for (const r of list<Json>(ind.rows)) {
        const a = find(rows, r.gene, r.group);
        const e = design === "paired" ? r : { ...r.independent, n: a.n };
        const at = `${r.gene}/${r.group}`;
        close(a.deltaCq_cycles, e.delta_cq, `${at} ΔCq`);
        close(a.deltaDeltaCq_cycles, e.delta_delta_cq, `${at} ΔΔCq`);
        close(a.se_cycles, e.se, `${at} SE`);
        close(a.df, e.df, `${at} df`);
        const ci = a.deltaDeltaCqCi_cycles as [number, number];
        close(ci[0], e.ci_low, `${at} CI low`);
        close(ci[1], e.ci_high, `${at} CI high`);
        if (design === "paired") {
          close(a.sd_cycles, r.sd, `${at} SD`);
          close(a.fold, r.fold, `${at} fold`);
          const f = a.foldCi as [number, number];
          close(f[0], r.fold_low, `${at} fold low`);
          close(f[1], r.fold_high, `${at} fold high`);
        }
      }
    });
  }
}

for (const set of fixture.dilution as Json[]) {
  const d = {
    amount: Float64Array.from(set.amount as number[]),
    genes: Object.keys(set.cq),
    cq: Object.fromEntries(Object.keys(set.cq).map((g) => [g, Float64Array.from(set.cq[g] as number[])])),
  };
  const lineChecks = (
    a: ReturnType<typeof standardCurves>[number] | ReturnType<typeof efficiencyCheck>[number],
    r: Json,
  ) => {
    close(a.intercept_cycles, r.intercept, `${r.gene} intercept`);
    close(a.slope_cycles, r.slope, `${r.gene} slope`);
    close(a.rSquared, r.r_squared, `${r.gene} R²`);
    close(a.interceptSe_cycles, r.intercept_se, `${r.gene} intercept SE`);
    close(a.slopeSe_cycles, r.slope_se, `${r.gene} slope SE`);
    close(a.df, r.df, `${r.gene} df`);
    close(a.sigma_cycles, r.sigma, `${r.gene} sigma`);
    close(a.interceptCi[0], r.intercept_low, `${r.gene} intercept low`);
    close(a.interceptCi[1], r.intercept_high, `${r.gene} intercept high`);
    close(a.slopeCi[0], r.slope_low, `${r.gene} slope low`);
    close(a.slopeCi[1], r.slope_high, `${r.gene} slope high`);
  };
  test(`${set.name}: standard curves equal pcr_standard, their intervals R's lm/confint`, () => {
    const curves = standardCurves(d);
    for (const r of set.standard as Json[]) {
      const a = curves.find((c) => c.gene === r.gene);
      if (!a) throw new Error(`no curve for ${r.gene}`);
      lineChecks(a, r);
      // E = 10^(−1/slope) − 1 of R's slope and of its interval's ends.
      close(a.efficiency, 10 ** (-1 / r.slope) - 1, `${r.gene} E`);
      close(a.efficiencyCi[0], 10 ** (-1 / r.slope_low) - 1, `${r.gene} E low`);
      close(a.efficiencyCi[1], 10 ** (-1 / r.slope_high) - 1, `${r.gene} E high`);
    }
  });
  test(`${set.name}: the ΔCq-against-amount check equals pcr_efficiency`, () => {
    const checks = efficiencyCheck(d, set.reference_gene);
    for (const r of set.efficiency as Json[]) {
      const a = checks.find((c) => c.gene === r.gene);
      if (!a) throw new Error(`no check for ${r.gene}`);
      lineChecks(a, r);
    }
  });
}
