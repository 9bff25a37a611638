/**
 * Bayesian ranking of candidate explanations (single mechanisms and pairs) from observations.
 *
 * For candidate c with strength cells k (candidates.ts) and observations o_1..o_n:
 *   p(o | c) = mean_k Π_i p(o_i | prediction_{c,k,i})         (strength marginalized, log-uniform grid)
 *   p(c | o) ∝ prior(c) · p(o | c)
 * The predictions come from the simulator's likelihood table (likelihood-table.ts); the noise
 * model is observations.ts. Nothing here solves an ODE, so a diagnosis takes milliseconds.
 */
import type { MechanismId } from "../knowledge/mechanisms.ts";
import type { ObservationId } from "../knowledge/observation-ids.ts";
import type { Candidate } from "./candidates.ts";
import {
  type CandidatePredictions,
  candidatePredictions,
  type LikelihoodTable,
  likelihoodTable,
} from "./likelihood-table.ts";
import { logLikelihood, observationDefinition } from "./observations.ts";
import type { ObservedValue } from "./parse-observations.ts";
import type { MechanismStrengths } from "./predict.ts";
import { candidatePriors } from "./priors.ts";

/** The compiled model a diagnosis runs on: candidates, their predictions and priors. */
export interface InferenceModel {
  table: LikelihoodTable;
  candidates: CandidatePredictions[];
  priors: Float64Array;
}

const MODELS = new Map<string, InferenceModel>();

export function inferenceModel(cellLine?: string): InferenceModel {
  const table = likelihoodTable(cellLine);
  let m = MODELS.get(table.cellLine);
  if (!m) {
    const candidates = candidatePredictions(table);
    m = { table, candidates, priors: candidatePriors(candidates.map((c) => c.candidate)) };
    MODELS.set(table.cellLine, m);
  }
  return m;
}

export function logSumExp(xs: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > max) max = xs[i]!;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp(xs[i]! - max);
  return max + Math.log(s);
}

/** log p(o_i | cell) for every observation, candidate and cell: [candidate][cell][observation]. */
export function cellLogLikelihoods(model: InferenceModel, observations: readonly ObservedValue[]): Float64Array[][] {
  const defs = observations.map((o) => observationDefinition(o.id));
  return model.candidates.map((c) =>
    c.cells.map((cell) =>
      Float64Array.from(observations, (o, i) => logLikelihood(defs[i]!, o.value, cell.predicted[defs[i]!.predictedBy])),
    ),
  );
}

export interface Posterior {
  /** Per candidate: log p(o | c) (strength marginalized). */
  logEvidence: Float64Array;
  posterior: Float64Array;
  /** Per candidate: posterior weight of each strength cell given c. */
  cellWeights: Float64Array[];
}

export function posteriorFrom(model: InferenceModel, cellLL: readonly Float64Array[][]): Posterior {
  const n = model.candidates.length;
  const logEvidence = new Float64Array(n);
  const cellWeights: Float64Array[] = [];
  for (let c = 0; c < n; c++) {
    const sums = Float64Array.from(cellLL[c]!, (row) => row.reduce((a, b) => a + b, 0));
    const lse = logSumExp(sums);
    logEvidence[c] = lse - Math.log(sums.length);
    cellWeights.push(Float64Array.from(sums, (s) => Math.exp(s - lse)));
  }
  const logPost = Float64Array.from(logEvidence, (le, c) => le + Math.log(model.priors[c]!));
  const z = logSumExp(logPost);
  return { logEvidence, posterior: Float64Array.from(logPost, (lp) => Math.exp(lp - z)), cellWeights };
}

export interface RankedCandidate {
  rank: number;
  id: string;
  mechanisms: readonly MechanismId[];
  prior: number;
  posterior: number;
  /** log10 of p(o | c): how well the candidate explains the data, with strength averaged out. */
  log10Evidence: number;
  /** The best-fitting strength cell (fold changes). */
  likelyStrengths: MechanismStrengths;
}

export function rankCandidates(model: InferenceModel, post: Posterior): RankedCandidate[] {
  const order = model.candidates.map((_, i) => i).sort((a, b) => post.posterior[b]! - post.posterior[a]!);
  return order.map((c, r) => {
    const cand = model.candidates[c]!;
    const w = post.cellWeights[c]!;
    let best = 0;
    for (let k = 1; k < w.length; k++) if (w[k]! > w[best]!) best = k;
    return {
      rank: r + 1,
      id: cand.candidate.id,
      mechanisms: cand.candidate.mechanisms,
      prior: model.priors[c]!,
      posterior: post.posterior[c]!,
      log10Evidence: post.logEvidence[c]! / Math.LN10,
      likelyStrengths: cand.cells[best]!.strengths,
    };
  });
}

/** Posterior probability that each mechanism is involved (alone or in a pair). */
export function mechanismMarginals(model: InferenceModel, post: Posterior): { id: MechanismId; probability: number }[] {
  const acc = new Map<MechanismId, number>();
  model.candidates.forEach((c, i) => {
    for (const m of c.candidate.mechanisms) acc.set(m, (acc.get(m) ?? 0) + post.posterior[i]!);
  });
  return [...acc.entries()]
    .map(([id, probability]) => ({ id, probability }))
    .sort((a, b) => b.probability - a.probability);
}

export function candidateIndex(model: InferenceModel, id: string): number {
  return model.candidates.findIndex((c) => c.candidate.id === id);
}

export type { Candidate, ObservationId };
