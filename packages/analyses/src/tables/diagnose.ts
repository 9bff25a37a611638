/**
 * The pieces of `adclab diagnose`'s text (and of the web's Troubleshooter page), built once from
 * the diagnosis: probabilities as the CLI prints them, the ranked explanations, the evidence, the
 * next experiments and where the source document's troubleshooting-table rows land. A diagnosis
 * has no NaN, so its JSON document is the same type as the live result.
 */
import type { Diagnosis } from "@adclab/core";
import { type DisplayTable, formatNumber } from "./format.ts";

/** A probability as one decimal percent; "<0.1%" below. */
export function formatProbability(p: number): string {
  return p >= 0.001 ? `${(p * 100).toFixed(1)}%` : "<0.1%";
}

const pct = formatProbability;

/** The first `top` explanations with their posterior, prior and likely strengths. */
export function candidateTable(d: Diagnosis, top = 8): DisplayTable {
  return {
    title: "Ranked explanations",
    headers: ["#", "explanation", "posterior", "prior", "likely strengths"],
    rows: d.candidates.slice(0, top).map((c) => [
      formatNumber(c.rank),
      c.name,
      pct(c.posterior),
      pct(c.prior),
      Object.entries(c.likelyStrengths)
        .map(([k, v]) => `${k} ×${Number(v).toPrecision(3)}`)
        .join(", "),
    ]),
  };
}

/** The evidence for the first `top` explanations: a heading each, then one line per result. */
export function evidenceLines(d: Diagnosis, top = 3): string[] {
  const lines: string[] = [];
  for (const c of d.candidates.slice(0, top)) {
    lines.push(`  ${c.rank}. ${c.name}`);
    for (const e of c.evidence ?? []) {
      const mark = e.verdict === "for" ? "+" : e.verdict === "against" ? "-" : " ";
      lines.push(`     ${mark} ${e.sentence}`);
    }
  }
  return lines;
}

/** The probability that each of the first `top` mechanisms is involved, alone or in a pair. */
export function mechanismLine(d: Diagnosis, top = 6): string {
  return `Mechanism involved (alone or in a pair): ${d.mechanisms
    .slice(0, top)
    .map((m) => `${m.name} ${pct(m.probability)}`)
    .join(", ")}`;
}

/** The first `top` assays not yet done, by expected information gain; null when every assay is done. */
export function nextExperimentTable(d: Diagnosis, top = 6): DisplayTable | null {
  if (d.nextExperiments.length === 0) return null;
  return {
    title: "Next experiment (expected information gain about the explanation)",
    headers: ["assay", "bits", "bits/day", "bits/cost unit", "days", "cost"],
    rows: d.nextExperiments
      .slice(0, top)
      .map((e) => [
        e.assayId,
        e.expectedInformationGain_bits.toFixed(2),
        e.perDay_bits.toFixed(2),
        e.perCostUnit_bits.toFixed(2),
        formatNumber(e.duration_days),
        e.costClass,
      ]),
  };
}

/** What the next experiments can be ranked by: information alone, per day of bench time, per cost unit. */
export const EXPERIMENT_RANKINGS = {
  bits: { label: "information gain", key: "expectedInformationGain_bits" },
  perDay: { label: "information per day of bench time", key: "perDay_bits" },
  perCost: { label: "information per cost unit", key: "perCostUnit_bits" },
} as const;
export type ExperimentRankingKey = keyof typeof EXPERIMENT_RANKINGS;

/** Every assay not yet done, highest first by the chosen ranking (a stable sort: ties keep the diagnosis' order). */
export function rankedExperiments(d: Diagnosis, by: ExperimentRankingKey): Diagnosis["nextExperiments"] {
  const key = EXPERIMENT_RANKINGS[by].key;
  return [...d.nextExperiments].sort((a, b) => b[key] - a[key]);
}

/** The source document's troubleshooting-table rows the observations show, placed in this diagnosis. */
export function troubleshootingRowLines(d: Diagnosis): string[] {
  const lines: string[] = [];
  const name = (id: string) => d.mechanisms.find((m) => m.id === id)?.name ?? id;
  for (const r of d.tableRows) {
    lines.push("");
    lines.push(`Source document's troubleshooting table, row ${r.row}: ${r.observedIssue}`);
    lines.push("  its potential causes here (rank among mechanisms, probability involved):");
    for (const c of r.causes) lines.push(`    ${c.text} → ${name(c.mechanism)} #${c.rank}, ${pct(c.probability)}`);
    lines.push(
      `  its suggested steps here (rank by information gain among ${d.nextExperiments.length} assays not yet done):`,
    );
    for (const s of r.steps) {
      const where = s.done
        ? "done"
        : s.rank === undefined
          ? "not ranked"
          : `${s.assayId} #${s.rank}, ${s.expectedInformationGain_bits!.toFixed(2)} bits`;
      lines.push(`    ${s.text} → ${where}`);
    }
    if (r.alsoOpen.length > 0)
      lines.push(
        `  also open, not a cause this row lists: ${r.alsoOpen.map((m) => `${name(m.id)} ${pct(m.probability)}`).join(", ")}`,
      );
  }
  return lines;
}
