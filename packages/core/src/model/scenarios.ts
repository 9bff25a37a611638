/**
 * The scenarios on which the well model is checked against an independent solver (SciPy Radau;
 * scripts/fixtures/model/) and benchmarked. They cover every process: HER2 binding and depletion,
 * DAR-0 competition and ECD decoy, pulse + wash, SLC46A3 loss, efflux with an inhibitor, each
 * small-molecule arm, raised lysosomal pH and altered tubulin.
 */
import { PROTOCOL1_PULSE_nM } from "../knowledge/protocols.ts";
import type { WellConfig } from "./rates.ts";
import type { WellDose } from "./simulate.ts";

export interface WellScenario {
  name: string;
  config: WellConfig;
  dose: WellDose;
  tOut: number[];
  washAt_h?: number;
}

const DAYS = [0, 1, 2, 6, 24, 48, 72, 96, 120];

export const WELL_MODEL_SCENARIOS: readonly WellScenario[] = [
  { name: "SK-BR-3 T-DM1 1 nM", config: { cellLine: "SK-BR-3" }, dose: { adc_nM: 1 }, tOut: DAYS },
  {
    name: "MCF-7 T-DM1 100 nM + trastuzumab 50 nM",
    config: { cellLine: "MCF-7" },
    dose: { adc_nM: 100, antibody_nM: 50 },
    tOut: DAYS,
  },
  {
    name: "BT-474M1 slc46a3-loss 6 + survival 1.3, T-DM1 10 nM",
    config: {
      cellLine: "BT-474M1",
      mechanisms: [
        { id: "slc46a3-loss", strength: 6 },
        { id: "survival-signalling", strength: 1.3 },
      ],
    },
    dose: { adc_nM: 10 },
    tOut: DAYS,
  },
  {
    name: "KPL-4 her2-loss 3 + mdr1-up 9 + verapamil 10 µM, T-DM1 50 nM",
    config: {
      cellLine: "KPL-4",
      mechanisms: [
        { id: "her2-loss", strength: 3 },
        { id: "mdr1-up", strength: 9 },
      ],
      inhibitors: [{ id: "verapamil", concentration_nM: 10_000 }],
    },
    dose: { adc_nM: 50 },
    tOut: DAYS,
  },
  { name: "JIMT-1 S-methyl-DM1 1 nM", config: { cellLine: "JIMT-1" }, dose: { drug_nM: 1 }, tOut: DAYS },
  {
    name: "MDA-MB-361 abcc1-up 177, vinblastine 3 nM",
    config: { cellLine: "MDA-MB-361", mechanisms: [{ id: "abcc1-up", strength: 177 }], smallMolecule: "vinblastine" },
    dose: { drug_nM: 3 },
    tOut: DAYS,
  },
  {
    name: "NCI-N87 shedding 20 + lysosome-ph 10 + tubulin 3, T-DM1 5 nM + paclitaxel 2 nM",
    config: {
      cellLine: "NCI-N87",
      mechanisms: [
        { id: "her2-shedding", strength: 20 },
        { id: "lysosome-ph", strength: 10 },
        { id: "tubulin-altered", strength: 3 },
      ],
      smallMolecule: "paclitaxel",
    },
    dose: { adc_nM: 5, drug_nM: 2 },
    tOut: DAYS,
  },
  {
    name: "SK-BR-3 Protocol 1 pulse-chase (24-well, 1 h pulse, wash)",
    config: { cellLine: "SK-BR-3", well: "24-well" },
    dose: { adc_nM: PROTOCOL1_PULSE_nM },
    tOut: [0, 0.5, 1, 3, 7, 25],
    washAt_h: 1,
  },
];
