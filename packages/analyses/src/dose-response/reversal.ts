/**
 * Inhibitor reversal: IC50(drug alone)/IC50(drug + inhibitor) in one line, and its ratio to the
 * same reversal in the parental line (core's compareReversal). A curve "with inhibitor" is one of
 * the same sample (and time) whose compound is the drug's name joined to the inhibitor's with "+"
 * ("T-DM1 + verapamil", "T-DM1+verapamil 10 µM"): the file format has no inhibitor column, and
 * this is how the documents' tables name such conditions.
 */
import { compareReversal, InputError, logIc50Of } from "@adclab/core";
import { type CurveFit, ic50RatioRow, type ReversalRow, ratioQualifier, reportedIc50 } from "./ic50.ts";
import type { ReversalRequest } from "./options.ts";

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** The drug of a "drug + inhibitor" compound name, or undefined when the inhibitor is not in it. */
export function drugWithoutInhibitor(compound: string, inhibitor: string): string | undefined {
  const parts = compound.split("+").map((p) => p.trim());
  if (parts.length < 2) return undefined;
  const i = norm(inhibitor);
  const at = parts.findIndex((p) => norm(p) === i || norm(p).startsWith(`${i} `));
  if (at < 0) return undefined;
  return parts.filter((_p, j) => j !== at).join(" + ");
}

interface Pair {
  drug: string;
  alone: CurveFit;
  withInhibitor: CurveFit;
}

function pairsOf(curves: CurveFit[], sample: string, inhibitor: string, spec: string): Pair[] {
  const mine = curves.filter((c) => c.sample === sample);
  if (mine.length === 0) {
    throw new InputError(`no curves for sample '${sample}'`, {
      field: "--reversal",
      expected: `one of ${[...new Set(curves.map((c) => `'${c.sample}'`))].join(", ")}`,
      got: spec,
    });
  }
  const pairs: Pair[] = [];
  for (const w of mine) {
    const drug = drugWithoutInhibitor(w.compound, inhibitor);
    if (drug === undefined) continue;
    const alone = mine.find((c) => norm(c.compound) === norm(drug) && c.time_h === w.time_h);
    if (alone) pairs.push({ drug: alone.compound, alone, withInhibitor: w });
  }
  if (pairs.length === 0) {
    throw new InputError(`sample '${sample}' has no pair of curves 'DRUG' and 'DRUG + ${inhibitor}'`, {
      field: "--reversal",
      expected: `compounds named like 'T-DM1' and 'T-DM1 + ${inhibitor}'; '${sample}' has ${mine.map((c) => `'${c.compound}'`).join(", ")}`,
      got: spec,
    });
  }
  return pairs;
}

function spec(r: ReversalRequest): string {
  return [r.sample, r.inhibitor, ...(r.parental ? [r.parental] : [])].join(":");
}

export function reversalRows(curves: CurveFit[], requests: readonly ReversalRequest[]): ReversalRow[] {
  const rows: ReversalRow[] = [];
  for (const req of requests) {
    const s = spec(req);
    const parentalPairs = req.parental ? pairsOf(curves, req.parental, req.inhibitor, s) : undefined;
    for (const p of pairsOf(curves, req.sample, req.inhibitor, s)) {
      const reversal = ic50RatioRow(p.alone.fit, p.withInhibitor.fit);
      const row: ReversalRow = {
        sample: req.sample,
        inhibitor: req.inhibitor,
        compound: p.drug,
        alone: p.alone.id,
        withInhibitor: p.withInhibitor.id,
        reversal,
      };
      if (parentalPairs) {
        const q = parentalPairs.find((x) => norm(x.drug) === norm(p.drug) && x.alone.time_h === p.alone.time_h);
        if (!q) {
          throw new InputError(
            `parental line '${req.parental}' has no '${p.drug}' and '${p.withInhibitor.compound}' pair`,
            {
              field: "--reversal",
              got: s,
            },
          );
        }
        const parental = ic50RatioRow(q.alone.fit, q.withInhibitor.fit);
        row.parental = {
          sample: req.parental!,
          alone: q.alone.id,
          withInhibitor: q.withInhibitor.id,
          reversal: parental,
        };
        row.ratioToParental = ratioToParental(p, q);
      }
      rows.push(row);
    }
  }
  return rows;
}

function ratioToParental(r: Pair, p: Pair): NonNullable<ReversalRow["ratioToParental"]> {
  const fits = [r.alone.fit, r.withInhibitor.fit, p.alone.fit, p.withInhibitor.fit];
  const resistant = ratioQualifier(r.alone.fit.ic50.qualifier, r.withInhibitor.fit.ic50.qualifier);
  const parental = ratioQualifier(p.alone.fit.ic50.qualifier, p.withInhibitor.fit.ic50.qualifier);
  const qualifier = resistant === "?" || parental === "?" ? "?" : ratioQualifier(resistant, parental);
  const value =
    reportedIc50(r.alone.fit) /
    reportedIc50(r.withInhibitor.fit) /
    (reportedIc50(p.alone.fit) / reportedIc50(p.withInhibitor.fit));
  if (qualifier !== "=" || !fits.every((f) => f.converged))
    return { value, qualifier, seLog10: null, se: null, df: null, ci95: null, ci95Delta: null };
  const [a, b, c, d] = fits.map(logIc50Of) as [
    ReturnType<typeof logIc50Of>,
    ReturnType<typeof logIc50Of>,
    ReturnType<typeof logIc50Of>,
    ReturnType<typeof logIc50Of>,
  ];
  const cmp = compareReversal(a, b, c, d).ratioOfReversals;
  return {
    value: cmp.value,
    qualifier,
    seLog10: cmp.seLog10,
    se: cmp.se,
    df: cmp.df,
    ci95: [cmp.lower, cmp.upper],
    ci95Delta: [cmp.delta.lower, cmp.delta.upper],
  };
}
