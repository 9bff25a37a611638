import { simulatePulseChase } from "./packages/core/src/experiments/assays.ts";
import { VIRTUAL_ASSAY_DESIGN as D } from "./packages/core/src/troubleshoot/predict.ts";
import { likelihoodTable } from "./packages/core/src/troubleshoot/likelihood-table.ts";
import { diagnose } from "./packages/core/src/troubleshoot/diagnose.ts";
import { MECHANISM_PRIOR_WEIGHTS } from "./packages/core/src/troubleshoot/priors.ts";
import { candidateId } from "./packages/core/src/troubleshoot/candidates.ts";
const W = Number(process.argv[2] ?? 2);
for (const m of ["internalization-impaired","recycling-enhanced","trafficking-impaired","lysosome-ph","slc46a3-loss"]) (MECHANISM_PRIOR_WEIGHTS as any)[m].weight = W;
const patch = (line: string) => {
  const t = likelihoodTable(line);
  const qi = t.quantities.indexOf("lysosomal_colocalization_ratio");
  const m1 = (mech: any) => {
    const p = simulatePulseChase({ cellLine: line, mechanisms: Object.entries(mech).map(([id, strength]) => ({ id, strength: strength as number })) }, { pulse_nM: D.pulse_nM, pulse_h: D.pulse_h, chase_h: [D.chase_h] }).points[0]!;
    return p.lysosomalAdc_perCell / (p.surfaceAdc_perCell + p.endosomalAdc_perCell + p.lysosomalAdc_perCell);
  };
  const p0 = m1({});
  for (const rows of Object.values(t.cells)) for (const r of rows) r.values[qi] = m1(r.strengths) / p0;
};
patch("SK-BR-3");
const ROWS: Record<number, Record<string, number>> = {
  1: { tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, surface_her2_ratio: 1 },
  2: { tdm1_ic50_fold: 10, taxane_ic50_fold: 10, vinca_ic50_fold: 10, surface_her2_ratio: 1 },
  3: { tdm1_ic50_fold: 10, surface_her2_ratio: 0.3 },
  4: { tdm1_ic50_fold: 10, internalized_fraction_ratio: 1, lysosomal_colocalization_ratio: 1, surface_her2_ratio: 1 },
};
for (const [r, obs] of Object.entries(ROWS)) {
  const d = diagnose(Object.entries(obs).map(([id, value]) => ({ id, value }) as any), { draws: 200, explain: 0 });
  console.log(`row ${r}: ` + d.candidates.slice(0, 5).map((c) => `${c.id} ${(c.posterior*100).toFixed(1)}`).join(", "));
  console.log("   exp: " + d.nextExperiments.slice(0, 7).map((e) => `${e.assayId} ${e.expectedInformationGain_bits.toFixed(2)}`).join(", "));
}
const LINES: any[] = [
  ["KPL-4", ["her2-loss","mdr1-up"], { tdm1_ic50_fold: 1000, surface_her2_ratio: 0.3, mdr1_mrna_ratio: 10, tariquidar_reversal_fold: 10 }],
  ["BT-474M1", ["slc46a3-loss","survival-signalling"], { tdm1_ic50_fold: 50, slc46a3_mrna_ratio: 0.05, pi3k_inhibitor_reversal_fold: 10 }],
  ["NCI-N87", ["abcg2-up"], { tdm1_ic50_fold: 25, abcg2_mrna_ratio: 10, surface_her2_ratio: 1 }],
  ["MDA-MB-361", ["abcc1-up"], { tdm1_ic50_fold: 250, abcc1_mrna_ratio: 10, free_dm1_ic50_fold: 1.5, taxane_ic50_fold: 1.5 }],
  ["JIMT-1", ["her2-loss"], { tdm1_ic50_fold: 16, surface_her2_ratio: 0.3, free_dm1_ic50_fold: 1.5 }],
];
for (const [parent, rep, obs] of LINES) for (const line of [parent, "SK-BR-3"]) {
  const d = diagnose(Object.entries(obs).map(([id, value]) => ({ id, value }) as any), { cellLine: line, nextExperiments: false, explain: 0 });
  const rank = rep.length === 2 ? d.candidates.findIndex((c) => c.id === candidateId(rep)) + 1 : d.mechanisms.findIndex((m) => m.id === rep[0]) + 1;
  console.log(`${parent} vs ${line}: #${rank}  top: ${d.candidates.slice(0,3).map(c=>c.id+" "+(c.posterior*100).toFixed(0)).join(", ")}`);
}
