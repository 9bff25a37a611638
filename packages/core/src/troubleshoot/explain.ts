/**
 * Plain-language evidence: for a candidate, what each observation says for or against it, as a
 * Bayes factor: how much better the candidate predicted that result than the candidates on average.
 */
import type { MechanismId } from "../knowledge/mechanisms.ts";
import { type InferenceModel, logSumExp } from "./infer.ts";
import { changeOf, type ObservationDefinition, observationDefinition } from "./observations.ts";
import type { ObservedValue } from "./parse-observations.ts";

/** Short names used in sentences. */
export const SHORT_NAMES: Record<MechanismId, string> = {
  "her2-loss": "HER2 loss",
  "her2-shedding": "HER2 shedding",
  "internalization-impaired": "impaired internalization",
  "recycling-enhanced": "enhanced recycling",
  "trafficking-impaired": "impaired lysosomal trafficking",
  "lysosome-ph": "raised lysosomal pH",
  "slc46a3-loss": "SLC46A3 loss",
  "mdr1-up": "MDR1 up",
  "abcc1-up": "ABCC1 up",
  "abcg2-up": "ABCG2 up",
  "tubulin-altered": "altered tubulin",
  "survival-signalling": "survival signalling",
};

export function candidateName(mechanisms: readonly MechanismId[]): string {
  return mechanisms.map((m) => SHORT_NAMES[m]).join(" + ");
}

export interface EvidenceItem {
  observation: string;
  label: string;
  observed: number;
  /** Range the candidate predicts over its strength grid. */
  predicted: [number, number];
  log10BayesFactor: number;
  verdict: "for" | "against" | "neutral";
  sentence: string;
}

/** Bayes factors below this (in log10) are reported as neutral: a factor of 2 either way. */
export const EVIDENCE_THRESHOLD_LOG10 = Math.log10(2);

function fmt(x: number): string {
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1).replace(/\.0$/, "");
  return x
    .toPrecision(2)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

export function formatValue(def: ObservationDefinition, x: number): string {
  if (def.kind === "binary") return x >= 0.5 ? "yes" : "no";
  if (def.kind === "shift") return `${x >= 0 ? "+" : ""}${x.toFixed(2)} pH`;
  return def.unit === "fold" ? `${fmt(x)}-fold` : `${fmt(x)}× parental`;
}

/** "unchanged", "raised", "lowered" beyond the assay's replicate noise (changeOf), or found / not found. */
export function describeObserved(def: ObservationDefinition, x: number): string {
  const change = changeOf(def, x);
  if (change === undefined) return x >= 0.5 ? "found" : "not found";
  return change === "up" ? "raised" : change === "down" ? "lowered" : "unchanged";
}

function formatRange(def: ObservationDefinition, lo: number, hi: number): string {
  if (def.kind === "binary") return lo === hi ? (lo > 1.5 ? "a mutation" : "no mutation") : "either";
  const a = formatValue(def, lo);
  const b = formatValue(def, hi);
  return a === b ? a : `${a.replace(/(-fold|× parental| pH)$/, "")}–${b}`;
}

interface EvidenceTable {
  logPrior: Float64Array;
  /** Per candidate: log p(o_S | c) with S = all but observation i (column i) or all (column n). */
  logEvidence: Float64Array[];
}

/** Shared by every candidate explained in one diagnosis (keyed on its likelihood array). */
const EVIDENCE_TABLES = new WeakMap<readonly Float64Array[][], EvidenceTable>();

function evidenceTable(model: InferenceModel, cellLL: readonly Float64Array[][], nObs: number): EvidenceTable {
  const cached = EVIDENCE_TABLES.get(cellLL);
  if (cached) return cached;
  const logEvidence = cellLL.map((rows) => {
    const out = new Float64Array(nObs + 1);
    const totals = rows.map((row) => row.reduce((a, x) => a + x, 0));
    const sums = new Float64Array(rows.length);
    for (let col = 0; col <= nObs; col++) {
      rows.forEach((row, k) => {
        sums[k] = col === nObs ? totals[k]! : totals[k]! - row[col]!;
      });
      out[col] = logSumExp(sums) - Math.log(rows.length);
    }
    return out;
  });
  const table = { logPrior: Float64Array.from(model.priors, (p) => Math.log(p)), logEvidence };
  EVIDENCE_TABLES.set(cellLL, table);
  return table;
}

/**
 * Evidence for and against candidate `c` (index into model.candidates), strongest first. The weight
 * of observation i is its likelihood ratio against the alternatives, given the other observations:
 *   log10 p(o_i | o_-i, c) − log10 p(o_i | o_-i, not c),
 * where "not c" is every other candidate, weighted by its prior times how well it explains the rest
 * of the data, p(o_-i | c'). So a result is "for" c when c predicted it better than the
 * explanations that compete with c do, and "against" when they predicted it better — whatever c's
 * own posterior. (Comparing with the mixture of ALL candidates, c included, calls everything
 * neutral for a leading candidate, which then dominates the mixture.) Conditioning on the rest
 * judges a result against the strengths the other data already imply: a free-DM1 IC50 of 1 is no
 * evidence against weak MDR1 overexpression, but it is against the strong overexpression a
 * 30-fold T-DM1 resistance would need. The predicted range shown is over the strength cells that
 * carry at least 5% of the candidate's weight given the other observations, or given all of them
 * (where it explains this result, if it can), so that the range shown is the one the ratio weighs.
 */
export function explainCandidate(
  model: InferenceModel,
  cellLL: readonly Float64Array[][],
  observations: readonly ObservedValue[],
  c: number,
): EvidenceItem[] {
  const cand = model.candidates[c]!;
  const name = candidateName(cand.candidate.mechanisms);
  const { logPrior, logEvidence } = evidenceTable(model, cellLL, observations.length);
  const nCand = model.candidates.length;
  // log Σ_{c'≠c} prior(c')·p(o_S | c'): the alternatives' evidence for S = all (column n), or all but i.
  const others = (col: number) => {
    const xs = new Float64Array(nCand - 1);
    let k = 0;
    for (let ci = 0; ci < nCand; ci++) if (ci !== c) xs[k++] = logEvidence[ci]![col]! + logPrior[ci]!;
    return logSumExp(xs);
  };
  const nObs = observations.length;
  const othersAll = others(nObs);
  const allSums = cellLL[c]!.map((row) => row.reduce((acc, x) => acc + x, 0));
  const zAll = logSumExp(allSums);
  const items = observations.map((o, i) => {
    const def = observationDefinition(o.id);
    const mine = logEvidence[c]![nObs]! - logEvidence[c]![i]!;
    const theirs = othersAll - others(i);
    const log10BayesFactor = (mine - theirs) / Math.LN10;
    const restSums = cellLL[c]!.map((row) => row.reduce((acc, x, j) => (j === i ? acc : acc + x), 0));
    const z = logSumExp(restSums);
    // What the candidate predicted from the other results, and the strengths at which it explains
    // this one (the cells that carry its likelihood of o_i): both enter the likelihood ratio.
    const preds = cand.cells
      .filter((_, k) => Math.exp(restSums[k]! - z) >= 0.05 || Math.exp(allSums[k]! - zAll) >= 0.05)
      .map((cell) => cell.predicted[def.predictedBy]);
    const lo = Math.min(...preds);
    const hi = Math.max(...preds);
    const verdict: EvidenceItem["verdict"] =
      log10BayesFactor > EVIDENCE_THRESHOLD_LOG10
        ? "for"
        : log10BayesFactor < -EVIDENCE_THRESHOLD_LOG10
          ? "against"
          : "neutral";
    const says =
      verdict === "for"
        ? `argues for ${name}`
        : verdict === "against"
          ? `argues against ${name}`
          : `does not discriminate ${name} from its alternatives`;
    const sentence = `${def.label} ${describeObserved(def, o.value)} (${formatValue(def, o.value)}; ${name} predicts ${formatRange(def, lo, hi)}): ${says}`;
    return {
      observation: o.id,
      label: def.label,
      observed: o.value,
      predicted: [lo, hi] as [number, number],
      log10BayesFactor,
      verdict,
      sentence,
    };
  });
  return items.sort((a, b) => Math.abs(b.log10BayesFactor) - Math.abs(a.log10BayesFactor));
}
