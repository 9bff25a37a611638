/**
 * The model described as data: states, processes in words (with their rate laws), parameters
 * with sources, cell lines, mechanisms, drugs and inhibitors. `adclab model describe` prints it
 * (Markdown or JSON); the independent reference solver reads the resolved numbers of a scenario
 * (`exportScenario`) and re-implements the equations from this description.
 */
import { CELL_LINES } from "../knowledge/cell-lines.ts";
import { DRUGS, INHIBITORS, PAYLOADS } from "../knowledge/drugs.ts";
import { MECHANISMS } from "../knowledge/mechanisms.ts";
import { MODEL_PARAMETERS, WELL_FORMATS } from "../knowledge/parameters.ts";
import { resolveWell, type WellConfig } from "./rates.ts";
import { initialState, type WellDose } from "./simulate.ts";
import { STATES } from "./states.ts";

export interface Process {
  name: string;
  words: string;
  rateLaw: string;
}

/** Every process of the right-hand side (well-system.ts), in words and as its rate law. */
export const PROCESSES: readonly Process[] = [
  {
    name: "HER2 synthesis",
    words: "New HER2 reaches the surface at a constant rate, sized so the untreated line holds its HER2 per cell.",
    rateLaw: "+kSyn → her2Surface",
  },
  {
    name: "endocytosis and recycling",
    words:
      "Free HER2 and HER2:antibody complexes are endocytosed; from the endosome they recycle to the surface or are sorted to the lysosome.",
    rateLaw:
      "kEndo·her2Surface, kEndoComplex·(adc|ab)Surface → endosome; kRec·her2Endosome, kRecComplex·(adc|ab)Endosome → surface; kEndoLys·(every endosomal species) → lysosome",
  },
  {
    name: "binding",
    words: "T-DM1 and unconjugated trastuzumab compete for free surface HER2 and for shed ECD in the medium.",
    rateLaw: "kon·[adc|ab]Medium·her2Surface − koff·complex (per cell); the same with ecdMedium (nM)",
  },
  {
    name: "shedding",
    words: "Free surface HER2 sheds its ECD into the medium (antibody-bound HER2 is not shed).",
    rateLaw: "kShed·her2Surface → ecdMedium",
  },
  {
    name: "fluid-phase uptake",
    words: "Cells drink medium; T-DM1 taken up this way goes to the lysosome without HER2.",
    rateLaw: "pinoVolume·adcMedium → adcLysosome",
  },
  {
    name: "lysosomal proteolysis",
    words:
      "Lysosomal proteases degrade the antibody and release DAR Lys-SMCC-DM1 per T-DM1; the rate falls as lysosomal pH rises (1/(1+10^(pH−pKa))).",
    rateLaw: "kProt·adcLysosome → DAR·catLysosome",
  },
  {
    name: "lysosomal export",
    words: "SLC46A3 (proton-coupled) moves catabolite to the cytosol; a small passive leak remains without it.",
    rateLaw: "(kSlc + kLeak)·catLysosome → catCytosol",
  },
  {
    name: "membrane permeation",
    words: "Catabolite and free drug cross the plasma membrane passively, both ways, down their gradient.",
    rateLaw: "kMem·(medium − alpha·cytosol)/alpha molecules per cell per hour",
  },
  {
    name: "active efflux",
    words:
      "MDR1, ABCC1 and ABCG2 pump cytosolic payload out; saturable (Km) and competitively inhibited (1 + I/Ki per transporter).",
    rateLaw: "x·Σ_T k_T·E_T/((1 + I_T/Ki_T) + alpha·x/Km)",
  },
  {
    name: "target binding",
    words: "Cytosolic catabolite and drug bind one shared pool of target (tubulin) sites.",
    rateLaw: "konTarget·alpha·x·(targetTotal − catBound − drugBound) − koff·bound",
  },
  {
    name: "deconjugation",
    words:
      "T-DM1 outside cells (medium, ECD complex, cell surface) loses its payload as MCC-DM1 adducts to the medium.",
    rateLaw: "kDec·(adcMedium | ecdAdcMedium | adcSurface) → ab… + DAR·catMedium",
  },
  {
    name: "growth and dilution",
    words:
      "Cycling cells divide (logistic towards the well's capacity, slowed by HER2 blockade with trastuzumab); division dilutes every per-cell amount.",
    rateLaw: "g = growthMax·(1 − live/K)·(1 − Imax·occupancy); μ = g·cellsCycling/live; −μ·x for every per-cell x",
  },
  {
    name: "kill and death",
    words:
      "Target occupancy sends cycling cells into a three-stage damage chain (arrest → apoptosis); dying cells release their payload to the medium.",
    rateLaw:
      "κ = killMax·θ^h/(θ^h + θ50^h), θ = (catBound + drugBound)/targetTotal; cellsCycling → damaged1 → damaged2 → damaged3 → death at kTransit = 3/deathDelay",
  },
];

export function describeModel() {
  return {
    states: STATES.map((s, i) => ({ index: i, ...s })),
    processes: PROCESSES,
    parameters: Object.entries(MODEL_PARAMETERS).map(([name, p]) => ({ name, ...p })),
    payloads: Object.values(PAYLOADS),
    drugs: Object.values(DRUGS),
    inhibitors: Object.values(INHIBITORS),
    cellLines: CELL_LINES,
    mechanisms: MECHANISMS,
    wellFormats: WELL_FORMATS,
  };
}

export type ModelDescription = ReturnType<typeof describeModel>;

/** Markdown for people (the same content as the JSON). */
export function describeModelMarkdown(d: ModelDescription = describeModel()): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines: string[] = [];
  lines.push("# The ADCLab well model (T-DM1 → Lys-SMCC-DM1)", "");
  lines.push("## States", "", "| # | state | units | what |", "|---|---|---|---|");
  for (const s of d.states) lines.push(`| ${s.index} | ${s.name} | ${s.units} | ${esc(s.description)} |`);
  lines.push("", "## Processes", "");
  for (const p of d.processes) lines.push(`- **${p.name}.** ${p.words} \`${p.rateLaw}\``);
  lines.push("", "## Parameters", "", "| name | value | units | solidity | source |", "|---|---|---|---|---|");
  for (const p of d.parameters) {
    lines.push(
      `| ${p.name} | ${p.value} | ${esc(p.units)} | ${p.solidity} | ${esc(p.source)}${"note" in p && p.note ? ` — ${esc(p.note)}` : ""} |`,
    );
  }
  lines.push(
    "",
    "## Payloads",
    "",
    "| species | membrane 1/h | target K_D nM | efflux at E=1 (MDR1/ABCC1/ABCG2, 1/h) | K_D source |",
    "|---|---|---|---|---|",
  );
  for (const p of d.payloads) {
    lines.push(
      `| ${p.id} | ${p.membrane_per_h.value} | ${p.targetKd_nM.value} (${p.targetKd_nM.solidity}) | ${p.efflux_per_h.mdr1} / ${p.efflux_per_h.abcc1} / ${p.efflux_per_h.abcg2} | ${esc(p.targetKd_nM.source)} |`,
    );
  }
  lines.push(
    "",
    "## Cell lines",
    "",
    "| line | HER2/cell | doubling h | volume pL | sensitivity | notes |",
    "|---|---|---|---|---|---|",
  );
  for (const c of d.cellLines) {
    lines.push(
      `| ${c.id} | ${c.her2PerCell.value} (${c.her2PerCell.solidity}) | ${c.doublingTime_h.value} (${c.doublingTime_h.solidity}) | ${c.cellVolume_pL.value} | ${c.sensitivity.value} (${c.sensitivity.solidity}) | ${esc(c.sensitivity.note ?? c.her2PerCell.source)} |`,
    );
  }
  lines.push(
    "",
    "## Mechanisms (strength s: fold change, 1 = none)",
    "",
    "| id | changes | bounds | literature |",
    "|---|---|---|---|",
  );
  for (const m of d.mechanisms) {
    lines.push(`| ${m.id} | ${esc(m.changes)} | 1–${m.bounds.max}: ${esc(m.bounds.reason)} | ${esc(m.literature)} |`);
  }
  lines.push(
    "",
    "## Efflux inhibitors (competitive)",
    "",
    "| inhibitor | transporter | K_i nM | usual nM | source |",
    "|---|---|---|---|---|",
  );
  for (const i of d.inhibitors) {
    lines.push(`| ${i.id} | ${i.target} | ${i.ki_nM.value} | ${i.typicalConcentration_nM} | ${esc(i.ki_nM.source)} |`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A scenario as plain numbers: every resolved rate constant, the initial state and the output
 * times — what the independent reference solver reads.
 */
export function exportScenario(
  name: string,
  config: WellConfig,
  dose: WellDose,
  o: { tOut: readonly number[]; washAt_h?: number },
) {
  const well = resolveWell(config);
  const r = well.rates;
  const rates: Record<string, number | number[]> = {};
  for (const [k, v] of Object.entries(r)) rates[k] = v instanceof Float64Array ? Array.from(v) : v;
  return {
    name,
    config: { ...config, cellLine: well.cellLine.id },
    dose,
    rates,
    stateNames: STATES.map((s) => s.name),
    y0: Array.from(initialState(well, dose)),
    tOut: [...o.tOut],
    washAt_h: o.washAt_h ?? null,
    medium_L: well.geometry.medium_L,
  };
}
