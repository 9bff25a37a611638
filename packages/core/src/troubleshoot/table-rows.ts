/**
 * The source document's troubleshooting table next to the troubleshooter's own ranking: which rows
 * the observations fit, and where each row's potential causes and suggested steps land in the
 * diagnosis. The table is a lookup written by hand; the diagnosis weighs every candidate the
 * observations leave open. Showing both lets a researcher see where, and why, they differ (e.g. a
 * row whose steps rank below an assay for a candidate the table does not list for that row).
 *
 * "Up" and "down" are read against the assay's own replicate noise (observations.ts changeOf, the
 * same rule as the evidence sentences' "raised" / "lowered").
 */
import {
  type ObservedClause,
  TROUBLESHOOTING_TABLE,
  type TroubleshootingRow,
} from "../knowledge/troubleshooting-table.ts";
import { type ExperimentRanking, remainingAssays } from "./next-experiment.ts";
import { changeOf, observationDefinition } from "./observations.ts";
import type { ObservedValue } from "./parse-observations.ts";

function clauseHolds(clause: ObservedClause, observations: readonly ObservedValue[]): boolean {
  const o = observations.find((v) => v.id === clause.id);
  const change = o && changeOf(observationDefinition(o.id), o.value);
  if (change === undefined) return false;
  return clause.is === "not-up" ? change !== "up" : clause.is === "not-down" ? change !== "down" : change === clause.is;
}

/** The rows of the table whose observed issue the observations show. */
export function matchingRows(observations: readonly ObservedValue[]): TroubleshootingRow[] {
  return TROUBLESHOOTING_TABLE.filter(
    (r) =>
      r.recognizedBy.all.every((c) => clauseHolds(c, observations)) &&
      (r.recognizedBy.any === undefined || r.recognizedBy.any.some((c) => clauseHolds(c, observations))),
  );
}

export interface TableRowComparison {
  row: number;
  observedIssue: string;
  /** Each potential cause: its most probable mechanism, that mechanism's rank and probability. */
  causes: { text: string; mechanism: string; rank: number; probability: number }[];
  /**
   * Each suggested step: `done` when every assay of it has been reported; otherwise, when the next
   * experiments were ranked, its best-ranked assay, that assay's rank among the assays not yet done
   * and its expected information gain.
   */
  steps: { text: string; done: boolean; assayId?: string; rank?: number; expectedInformationGain_bits?: number }[];
  /** Mechanisms with probability ≥ 10% that the row does not list as a cause. */
  alsoOpen: { id: string; probability: number }[];
}

/** Mechanisms below this posterior probability are not listed as "also open". */
const ALSO_OPEN_THRESHOLD = 0.1;

export function compareWithTable(
  observations: readonly ObservedValue[],
  mechanisms: readonly { id: string; probability: number }[],
  nextExperiments: readonly ExperimentRanking[],
): TableRowComparison[] {
  const remaining = new Set(remainingAssays(observations).map((a) => a.id));
  return matchingRows(observations).map((row) => {
    const listed = new Set<string>(row.causes.flatMap((c) => c.mechanisms));
    return {
      row: row.row,
      observedIssue: row.observedIssue,
      causes: row.causes.map((c) => {
        const rank = mechanisms.findIndex((m) => (c.mechanisms as readonly string[]).includes(m.id));
        const m = mechanisms[rank]!;
        return { text: c.text, mechanism: m.id, rank: rank + 1, probability: m.probability };
      }),
      steps: row.steps.map((s) => {
        const done = !s.assays.some((a) => remaining.has(a));
        const rank = nextExperiments.findIndex((e) => s.assays.includes(e.assayId));
        const e = nextExperiments[rank];
        return e && !done
          ? {
              text: s.text,
              done,
              assayId: e.assayId,
              rank: rank + 1,
              expectedInformationGain_bits: e.expectedInformationGain_bits,
            }
          : { text: s.text, done };
      }),
      alsoOpen: mechanisms
        .filter((m) => m.probability >= ALSO_OPEN_THRESHOLD && !listed.has(m.id))
        .map((m) => ({ id: m.id, probability: m.probability })),
    };
  });
}
