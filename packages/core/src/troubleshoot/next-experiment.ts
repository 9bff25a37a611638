/**
 * Which assay to run next: the expected information gain (EIG) about the candidate explanation,
 *   EIG(A) = H(C | data) − E_{o ~ p(o_A | data)} H(C | data, o_A),
 * in bits, estimated by Monte Carlo: outcomes are drawn from the posterior predictive (a candidate
 * and strength cell drawn by posterior weight, its simulator prediction plus assay noise), and the
 * posterior is updated exactly for each draw. The draws are seeded, so the ranking is reproducible.
 * Ranked alone, per day of bench time and per unit of cost.
 */
import { ASSAYS, type Assay, COST_UNITS } from "../knowledge/assays.ts";
import { createRng } from "../random/rng.ts";
import type { InferenceModel, Posterior } from "./infer.ts";
import {
  GROSS_ERROR_PROBABILITY,
  logLikelihood,
  type ObservationDefinition,
  observationDefinition,
  SIGMA_MODEL_LOG10,
  SIGMA_MODEL_PH,
  sampleObservation as sampleFor,
} from "./observations.ts";
import type { ObservedValue } from "./parse-observations.ts";

export interface ExperimentRanking {
  assayId: string;
  name: string;
  /** Expected information gain about the candidate, bits. */
  expectedInformationGain_bits: number;
  /** Monte Carlo standard error of the estimate, bits. */
  standardError_bits: number;
  perDay_bits: number;
  perCostUnit_bits: number;
  duration_days: number;
  costClass: Assay["costClass"];
  protocolId: string;
}

export interface NextExperimentOptions {
  /** Monte Carlo draws per assay (default 400). */
  draws?: number;
  seed?: number;
}

function entropyBits(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) h -= p[i]! * Math.log2(p[i]!);
  return h;
}

/** Assays none of whose observations has been given. */
export function remainingAssays(observations: readonly ObservedValue[]): Assay[] {
  const done = new Set(observations.map((o) => o.id as string));
  return ASSAYS.filter((a) => !a.yields.some((y) => done.has(y)));
}

/**
 * Fast log-likelihood of one observation against a column of predictions: the same noise model as
 * observations.ts logLikelihood (checked against it in next-experiment.test.ts), with the
 * per-observation constants hoisted out of the loop over states.
 */
export function likelihoodKernel(
  def: ObservationDefinition,
): (observed: number, predicted: Float64Array, out: Float64Array) => void {
  if (def.kind === "binary") {
    return (observed, predicted, out) => {
      for (let s = 0; s < predicted.length; s++) out[s] = Math.exp(logLikelihood(def, observed, predicted[s]!));
    };
  }
  const shift = def.kind === "shift";
  const sigma = shift ? Math.hypot(def.sigmaAssay, SIGMA_MODEL_PH) : Math.hypot(def.sigmaAssay, SIGMA_MODEL_LOG10);
  const width = shift ? def.max - def.min : Math.log10(def.max) - Math.log10(def.min);
  const a = (1 - GROSS_ERROR_PROBABILITY) / (sigma * Math.sqrt(2 * Math.PI));
  const b = GROSS_ERROR_PROBABILITY / width;
  const k = -0.5 / (sigma * sigma);
  return (observed, predicted, out) => {
    const x = shift ? observed : Math.log10(observed);
    for (let s = 0; s < predicted.length; s++) {
      const d = x - predicted[s]!;
      out[s] = a * Math.exp(k * d * d) + b;
    }
  };
}

export function rankExperiments(
  model: InferenceModel,
  post: Posterior,
  observations: readonly ObservedValue[],
  options: NextExperimentOptions = {},
): ExperimentRanking[] {
  const draws = options.draws ?? 400;
  const nC = model.candidates.length;
  // Flatten (candidate, cell) states with their joint posterior weights. States below 1e-12 of the
  // largest weight are left out: together they carry < 1e-8 of the mass (at most 1,200 states), far
  // below the Monte Carlo error, and after a few observations they are most of the states.
  let maxWeight = 0;
  for (let c = 0; c < nC; c++) {
    const w = post.cellWeights[c]!;
    for (let k = 0; k < w.length; k++) maxWeight = Math.max(maxWeight, post.posterior[c]! * w[k]!);
  }
  const stateCand: number[] = [];
  const stateCell: number[] = [];
  const stateWeight: number[] = [];
  for (let c = 0; c < nC; c++) {
    const w = post.cellWeights[c]!;
    for (let k = 0; k < w.length; k++) {
      const weight = post.posterior[c]! * w[k]!;
      if (weight < 1e-12 * maxWeight) continue;
      stateCand.push(c);
      stateCell.push(k);
      stateWeight.push(weight);
    }
  }
  const cumulative = new Float64Array(stateWeight.length);
  let acc = 0;
  stateWeight.forEach((w, s) => {
    acc += w;
    cumulative[s] = acc;
  });
  const prior = post.posterior;
  const h0 = entropyBits(prior);
  const nS = stateWeight.length;
  const candPost = new Float64Array(nC);
  const like = new Float64Array(nS);
  const term = new Float64Array(nS);
  const out: ExperimentRanking[] = [];

  for (const assay of remainingAssays(observations)) {
    const defs = assay.yields.map((id) => observationDefinition(id));
    // Prediction columns over states, on the scale the kernel compares (log10 for fold/ratio).
    const columns = defs.map((def) =>
      Float64Array.from(stateCand, (c, s) => {
        const p = model.candidates[c]!.cells[stateCell[s]!]!.predicted[def.predictedBy];
        return def.kind === "fold" ? Math.log10(Math.max(p, 1e-300)) : p;
      }),
    );
    const rawColumns = defs.map((def) =>
      Float64Array.from(stateCand, (c, s) => model.candidates[c]!.cells[stateCell[s]!]!.predicted[def.predictedBy]),
    );
    const kernels = defs.map((def) => likelihoodKernel(def));
    const rng = createRng(options.seed ?? 20260520);
    let sum = 0;
    let sumSq = 0;
    for (let d = 0; d < draws; d++) {
      // Stratified draw of a state by posterior weight.
      const u = ((d + rng.uniform()) / draws) * acc;
      let lo = 0;
      let hi = nS - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      like.fill(1);
      defs.forEach((def, j) => {
        const outcome = sampleFor(def, rawColumns[j]![lo]!, rng.normal(), rng.uniform());
        kernels[j]!(outcome, def.kind === "binary" ? rawColumns[j]! : columns[j]!, term);
        for (let s = 0; s < nS; s++) like[s] = like[s]! * term[s]!;
      });
      // Posterior over candidates given this outcome: p(c | o) ∝ Σ_k p(c, k | data) p(o | c, k).
      candPost.fill(0);
      let norm = 0;
      for (let s = 0; s < nS; s++) {
        const v = stateWeight[s]! * like[s]!;
        candPost[stateCand[s]!] = candPost[stateCand[s]!]! + v;
        norm += v;
      }
      for (let c = 0; c < nC; c++) candPost[c] = candPost[c]! / norm;
      const gain = h0 - entropyBits(candPost);
      sum += gain;
      sumSq += gain * gain;
    }
    const mean = sum / draws;
    const variance = Math.max(sumSq / draws - mean * mean, 0);
    out.push({
      assayId: assay.id,
      name: assay.name,
      expectedInformationGain_bits: mean,
      standardError_bits: Math.sqrt(variance / draws),
      perDay_bits: mean / assay.duration_days,
      perCostUnit_bits: mean / COST_UNITS[assay.costClass],
      duration_days: assay.duration_days,
      costClass: assay.costClass,
      protocolId: assay.protocolId,
    });
  }
  return out.sort((a, b) => b.expectedInformationGain_bits - a.expectedInformationGain_bits);
}
