/**
 * The demo project a new workbench starts with: the documents' resistant lines as simulated
 * experiments, already analysed. Each experiment holds one virtual viability plate (committed,
 * made by ./make-plates.ts from the well model) as a raw file with its SHA-256, and a stored
 * `dose-response` analysis (the analysis `adclab fit` runs) with fold resistance to T-DM1 and to
 * free DM1; the first experiment also holds a `diagnose` analysis of those folds. Created once,
 * on the first start of an embedded database, in a few hundred milliseconds (fits, no simulation).
 */
import { readFileSync } from "node:fs";
import { ADCLAB_VERSION } from "@adclab/core";
import { type Actor, LOCAL_ACTOR, type Project, type Store } from "@adclab/db";
import { ANALYSIS_KINDS } from "../analyses/kinds.ts";

export const DEMO_PROJECT_NAME = "Demo: T-DM1 resistance (simulated)";

interface PlateInfo {
  file: string;
  cellLine: string;
  resistantLine: string;
  mechanisms: { id: string; strength: number }[];
  table: { adc: string; parentalIc50_nM: number; resistantIc50_nM: number; source: string };
}

const plates = (): PlateInfo[] =>
  JSON.parse(readFileSync(new URL("./plates/plates.json", import.meta.url), "utf8")).plates;

async function storeAnalysis(
  store: Store,
  actor: Actor,
  experimentId: string,
  kind: string,
  inputs: unknown,
  options: Record<string, unknown>,
) {
  const prepared = await ANALYSIS_KINDS[kind]!.prepare(inputs, options, { store, experimentId });
  const row = await store.createAnalysis(actor, {
    experimentId,
    kind,
    inputs: prepared.inputs ?? inputs,
    options,
    adclabVersion: ADCLAB_VERSION,
  });
  const results = await prepared.run();
  await store.finishAnalysis(actor, row.id, { status: "done", results });
  return results;
}

export async function createDemoProject(store: Store, actor: Actor = LOCAL_ACTOR): Promise<Project> {
  const project = await store.createProject(actor, {
    name: DEMO_PROJECT_NAME,
    description:
      "Simulated, not measured: virtual 120 h viability plates from ADCLab's well model for the five resistant lines of the documents' table (parental vs resistant, T-DM1 and free DM1, triplicates, 4 % noise), each with its stored dose–response fit and fold resistance. The TM-ADC lines (MDA-MB-361, JIMT-1) are simulated with T-DM1.",
  });
  let diagnosed = false;
  for (const p of plates()) {
    const experiment = await store.createExperiment(actor, {
      projectId: project.id,
      name: `${p.cellLine} vs ${p.resistantLine}: 120 h viability (simulated)`,
      description: `Mechanisms of ${p.resistantLine}: ${p.mechanisms.map((m) => `${m.id} × ${m.strength}`).join(", ")} (fitted to the documents' table: ${p.table.adc} IC50 ${p.table.parentalIc50_nM} → ${p.table.resistantIc50_nM} nM; ${p.table.source}).`,
    });
    const raw = await store.saveRawFile(actor, {
      experimentId: experiment.id,
      originalName: p.file,
      mediaType: "text/csv",
      content: new Uint8Array(readFileSync(new URL(`./plates/${p.file}`, import.meta.url))),
    });
    const compare = ["T-DM1", "DM1"].map((d) => `${p.cellLine} · ${d}:${p.resistantLine} · ${d}`);
    const fit = (await storeAnalysis(store, actor, experiment.id, "dose-response", { file: raw.id }, { compare })) as {
      comparisons: { fold: { value: number; qualifier: string } }[];
    };
    if (!diagnosed) {
      // The troubleshooter on what the fits found: high T-DM1 fold, little change to free DM1.
      const [tdm1, dm1] = fit.comparisons.map((c) => c.fold.value);
      await storeAnalysis(
        store,
        actor,
        experiment.id,
        "diagnose",
        {
          observations: [
            { id: "tdm1_ic50_fold", value: Number(tdm1!.toPrecision(3)) },
            { id: "free_dm1_ic50_fold", value: Number(dm1!.toPrecision(3)) },
          ],
        },
        {},
      );
      diagnosed = true;
    }
  }
  return project;
}
