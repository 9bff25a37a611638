/**
 * The diagnosis' display pieces from a real diagnosis sent through JSON, as the web page receives
 * it. Expected cells are written out from the JSON with plain toFixed / String, not with the
 * module's own formatter.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Diagnosis, diagnose, parseObservationSet } from "@adclab/core";
import {
  candidateTable,
  EXPERIMENT_RANKINGS,
  evidenceLines,
  formatProbability,
  mechanismLine,
  nextExperimentTable,
  rankedExperiments,
  troubleshootingRowLines,
} from "./diagnose.ts";

// examples/observations/row-1-free-dm1-sensitive.yaml: the source document's troubleshooting row 1.
const ROW_1 = parseObservationSet({
  cell_line: "SK-BR-3",
  observations: { tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, surface_her2_ratio: 1 },
});
const d: Diagnosis = JSON.parse(JSON.stringify(diagnose(ROW_1.observations, { cellLine: "SK-BR-3", draws: 40 })));
const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

describe("the diagnosis as display pieces", () => {
  it("shows a probability as one decimal percent, and '<0.1%' below a thousandth", () => {
    assert.deepEqual([1, 0.5, 0.0123, 0.001, 0.000999, 0].map(formatProbability), [
      "100.0%",
      "50.0%",
      "1.2%",
      "0.1%",
      "<0.1%",
      "<0.1%",
    ]);
  });

  it("ranks the first eight explanations with posterior, prior and likely strengths", () => {
    const t = candidateTable(d);
    assert.equal(t.title, "Ranked explanations");
    assert.deepEqual(t.headers, ["#", "explanation", "posterior", "prior", "likely strengths"]);
    assert.equal(t.rows.length, 8);
    const top = d.candidates[0]!;
    const strengths = Object.entries(top.likelyStrengths).map(([k, v]) => `${k} ×${v.toPrecision(3)}`);
    assert.deepEqual(t.rows[0], ["1", top.name, percent(top.posterior), percent(top.prior), strengths.join(", ")]);
    assert.equal(candidateTable(d, 3).rows.length, 3);
  });

  it("spells out the evidence of the first three, one line per result, marked for (+) or against (-)", () => {
    const lines = evidenceLines(d);
    const expected = d.candidates
      .slice(0, 3)
      .flatMap((c) => [
        `  ${c.rank}. ${c.name}`,
        ...(c.evidence ?? []).map(
          (e) => `     ${e.verdict === "for" ? "+" : e.verdict === "against" ? "-" : " "} ${e.sentence}`,
        ),
      ]);
    assert.deepEqual(lines, expected);
    assert.equal(lines.filter((l) => /^ {2}\d+\. /.test(l)).length, 3);
    assert.ok(lines.length > 3 + 3, "three results each");
  });

  it("names the six likeliest mechanisms", () => {
    const m = d.mechanisms.slice(0, 6).map((x) => `${x.name} ${percent(x.probability)}`);
    assert.equal(mechanismLine(d), `Mechanism involved (alone or in a pair): ${m.join(", ")}`);
  });

  it("tabulates the first six assays not yet done; none when every assay is done", () => {
    const t = nextExperimentTable(d);
    assert.ok(t);
    assert.deepEqual(t.headers, ["assay", "bits", "bits/day", "bits/cost unit", "days", "cost"]);
    const e = d.nextExperiments[0]!;
    assert.deepEqual(t.rows[0], [
      e.assayId,
      e.expectedInformationGain_bits.toFixed(2),
      e.perDay_bits.toFixed(2),
      e.perCostUnit_bits.toFixed(2),
      String(e.duration_days),
      e.costClass,
    ]);
    assert.equal(t.rows.length, 6);
    assert.equal(nextExperimentTable({ ...d, nextExperiments: [] }), null);
  });

  it("ranks every assay not yet done by information, per day or per cost unit", () => {
    for (const by of Object.keys(EXPERIMENT_RANKINGS) as (keyof typeof EXPERIMENT_RANKINGS)[]) {
      const key = EXPERIMENT_RANKINGS[by].key;
      const ranked = rankedExperiments(d, by);
      assert.equal(ranked.length, d.nextExperiments.length);
      for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]![key] >= ranked[i]![key], `${by} at ${i}`);
    }
    const perDay = rankedExperiments(d, "perDay").map((e) => e.assayId);
    assert.notDeepEqual(
      perDay,
      d.nextExperiments.map((e) => e.assayId),
      "per day changes the order here",
    );
  });

  it("places row 1 of the source document's troubleshooting table: its causes and its steps", () => {
    const lines = troubleshootingRowLines(d);
    const row = d.tableRows.find((r) => r.row === 1);
    assert.ok(row, "row 1 shows");
    const at = lines.indexOf(`Source document's troubleshooting table, row 1: ${row.observedIssue}`);
    assert.ok(at > 0 && lines[at - 1] === "");
    assert.equal(lines[at + 1], "  its potential causes here (rank among mechanisms, probability involved):");
    const c = row.causes[0]!;
    const name = d.mechanisms.find((m) => m.id === c.mechanism)!.name;
    assert.equal(lines[at + 2], `    ${c.text} → ${name} #${c.rank}, ${percent(c.probability)}`);
    assert.equal(
      lines[at + 2 + row.causes.length],
      `  its suggested steps here (rank by information gain among ${d.nextExperiments.length} assays not yet done):`,
    );
  });
});
