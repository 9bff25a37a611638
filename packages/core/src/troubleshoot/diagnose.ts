/**
 * The troubleshooter in one call: observations in, ranked explanations with their evidence, the
 * probability that each mechanism is involved, and the next experiments out.
 */
import { findProtocol, type Protocol } from "../knowledge/protocols.ts";
import { candidateName, type EvidenceItem, explainCandidate, formatValue, SHORT_NAMES } from "./explain.ts";
import {
  candidateIndex,
  cellLogLikelihoods,
  inferenceModel,
  mechanismMarginals,
  posteriorFrom,
  type RankedCandidate,
  rankCandidates,
} from "./infer.ts";
import { type ExperimentRanking, type NextExperimentOptions, rankExperiments } from "./next-experiment.ts";
import { observationDefinition } from "./observations.ts";
import { checkContradictions, type ObservedValue } from "./parse-observations.ts";
import { compareWithTable, type TableRowComparison } from "./table-rows.ts";

export interface DiagnoseOptions extends NextExperimentOptions {
  /** Parental line whose likelihood table to use (default: the reference line). */
  cellLine?: string;
  /** How many candidates get their evidence spelled out (default 5). */
  explain?: number;
  /** Rank next experiments (default true). */
  nextExperiments?: boolean;
}

export interface DiagnosedCandidate extends RankedCandidate {
  name: string;
  evidence?: EvidenceItem[];
}

export interface Diagnosis {
  cellLine: string;
  modelFingerprint: string;
  observations: { id: string; label: string; value: number; display: string }[];
  candidates: DiagnosedCandidate[];
  mechanisms: { id: string; name: string; probability: number }[];
  nextExperiments: ExperimentRanking[];
  /** The protocol of the top-ranked next experiment. */
  nextProtocol?: Protocol;
  /** The source document's troubleshooting-table rows the observations show, against this ranking. */
  tableRows: TableRowComparison[];
}

export function diagnose(observations: readonly ObservedValue[], options: DiagnoseOptions = {}): Diagnosis {
  checkContradictions(observations);
  const model = inferenceModel(options.cellLine);
  const cellLL = cellLogLikelihoods(model, observations);
  const post = posteriorFrom(model, cellLL);
  const ranked = rankCandidates(model, post);
  const nExplain = options.explain ?? 5;
  const candidates = ranked.map((r, i) => ({
    ...r,
    name: candidateName(r.mechanisms),
    ...(i < nExplain ? { evidence: explainCandidate(model, cellLL, observations, candidateIndex(model, r.id)) } : {}),
  }));
  const nextExperiments = options.nextExperiments === false ? [] : rankExperiments(model, post, observations, options);
  const mechanisms = mechanismMarginals(model, post).map((m) => ({ ...m, name: SHORT_NAMES[m.id] }));
  const top = nextExperiments[0];
  const nextProtocol = top ? findProtocol(top.protocolId) : undefined;
  return {
    cellLine: model.table.cellLine,
    modelFingerprint: model.table.modelFingerprint,
    observations: observations.map((o) => {
      const def = observationDefinition(o.id);
      return { id: o.id, label: def.label, value: o.value, display: formatValue(def, o.value) };
    }),
    candidates,
    mechanisms,
    nextExperiments,
    ...(nextProtocol ? { nextProtocol } : {}),
    tableRows: compareWithTable(observations, mechanisms, nextExperiments),
  };
}
