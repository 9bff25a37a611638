/**
 * The Dose–response page's CSV export of an `adclab fit --json` document: one row per curve, every
 * number at full precision. The tables the page shows (the cells `adclab fit` prints) come from
 * @adclab/analyses/tables, as the CLI's do.
 */
import { type FitJson, unitFromLabel } from "@adclab/analyses/tables";
import { type CsvValue, toCsv } from "@adclab/core";

/** One row per curve, every number at full precision, units in the column names. */
export function curvesCsv(r: FitJson): string {
  let header: string[];
  let rows: CsvValue[][];
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
    const k = unitFromLabel(r.concentrationUnit).perNanomolar;
    rows = r.curves.map((c) => [
      c.id,
      c.sample,
      c.compound,
      c.fit,
      c.GR50.qualifier,
      c.GR50_nM,
      c.GRmax,
      c.GRinf.value,
      c.GEC50.value === null ? null : c.GEC50.value / k,
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
    rows = r.curves.map((c) => [
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
  return toCsv(header, rows, { nonFinite: "text" });
}
