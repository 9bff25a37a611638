/**
 * `adclab simulate`: run a virtual experiment on the well model — viability (with the IC50 from
 * the project's 4PL fitter), Protocol 1's pulse–chase, intracellular catabolite (LC-MS/MS),
 * surface HER2 (flow), shed ECD (ELISA) or expression (qPCR).
 */
import { renameSync, writeFileSync } from "node:fs";
import {
  CELL_LINE_IDS,
  DRUG_IDS,
  findCellLine,
  INHIBITOR_IDS,
  InputError,
  MECHANISM_IDS,
  MOLECULAR_WEIGHTS,
  PROTOCOL1_CHASE_h,
  parseConcentration,
  parseDuration,
  resolveDrug,
  simulateCatabolite,
  simulateExpression,
  simulateHer2,
  simulatePulseChase,
  simulateViability,
  validateMechanisms,
  type WellConfig,
} from "@adclab/core";
import type { CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";

export const EXPERIMENTS = [
  "viability",
  "pulse-chase",
  "catabolite",
  "surface-her2",
  "shed-ecd",
  "expression",
] as const;
type Experiment = (typeof EXPERIMENTS)[number];

interface SimulateFlags {
  cellLine?: string;
  mechanism: string[];
  experiment: string;
  drug: string;
  inhibitor: string[];
  trastuzumab?: string;
  time: string;
  doses?: string;
  dose?: string;
  times?: string;
  json?: boolean;
  csv?: string;
}

const collect = (v: string, prev: string[]) => [...prev, ...v.split(",").filter((s) => s.trim() !== "")];

/** "slc46a3-loss=10" → { id, strength }. */
export function parseMechanismFlag(text: string): { id: string; strength: number } {
  const m = /^\s*([A-Za-z0-9-]+)\s*(?:=\s*(.*?))?\s*$/.exec(text);
  const id = m?.[1] ?? text;
  if (!MECHANISM_IDS.includes(id as (typeof MECHANISM_IDS)[number])) {
    throw new InputError(`unknown mechanism '${id}'`, {
      field: "--mechanism",
      expected: `one of ${MECHANISM_IDS.join(", ")}`,
    });
  }
  const raw = m?.[2];
  if (raw === undefined || raw === "") {
    throw new InputError(`mechanism '${id}' needs a strength`, {
      field: "--mechanism",
      expected: `${id}=<fold change > 0, 1 = none>`,
      got: text,
    });
  }
  const strength = Number(raw);
  const [checked] = validateMechanisms(
    [{ id, strength: Number.isFinite(strength) ? strength : Number.NaN }],
    "--mechanism",
  );
  return checked!;
}

function concentrationNm(text: string, field: string, mw: number = MOLECULAR_WEIGHTS["T-DM1"].value): number {
  return parseConcentration(text, { field, defaultUnit: "nM", molecularWeight_g_per_mol: mw }).molar * 1e9;
}

function parseInhibitor(text: string): { id: string; concentration_nM: number } {
  const [name, conc] = text.split("=");
  const id = INHIBITOR_IDS.find((i) => i.toLowerCase() === (name ?? "").trim().toLowerCase());
  if (!id)
    throw new InputError(`unknown inhibitor '${name}'`, {
      field: "--inhibitor",
      expected: `one of ${INHIBITOR_IDS.join(", ")}`,
    });
  if (conc === undefined || conc.trim() === "") {
    throw new InputError(`inhibitor '${id}' needs a concentration`, {
      field: "--inhibitor",
      expected: `${id}=<concentration>, e.g. ${id}=10uM`,
      got: text,
    });
  }
  return { id, concentration_nM: parseConcentration(conc, { field: "--inhibitor", defaultUnit: "nM" }).molar * 1e9 };
}

function parseList(text: string, field: string, parse: (s: string) => number): number[] {
  const out = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(parse);
  if (out.length === 0) throw new InputError("empty list", { field, got: text });
  return out;
}

/** Validate every flag before running anything, so bad input fails fast with one line. */
export function parseSimulateFlags(o: SimulateFlags) {
  if (!o.cellLine)
    throw new InputError("a cell line is required", {
      field: "--cell-line",
      expected: `one of ${CELL_LINE_IDS.join(", ")}`,
    });
  const line = findCellLine(o.cellLine);
  if (!line)
    throw new InputError(`unknown cell line '${o.cellLine}'`, {
      field: "--cell-line",
      expected: `one of ${CELL_LINE_IDS.join(", ")}`,
    });
  const experiment = o.experiment as Experiment;
  if (!EXPERIMENTS.includes(experiment)) {
    throw new InputError(`unknown experiment '${o.experiment}'`, {
      field: "--experiment",
      expected: `one of ${EXPERIMENTS.join(", ")}`,
    });
  }
  const drug = resolveDrug(o.drug, "--drug");
  const mechanisms = o.mechanism.map(parseMechanismFlag);
  const inhibitors = o.inhibitor.map(parseInhibitor);
  const time_h = parseDuration(o.time, { field: "--time", defaultUnit: "h" });
  const config: WellConfig = { cellLine: line.id, mechanisms, inhibitors };
  return {
    experiment,
    drug,
    config,
    time_h,
    doses: o.doses
      ? parseList(o.doses, "--doses", (s) => concentrationNm(s, "--doses", drug.molecularWeight_g_per_mol))
      : undefined,
    dose_nM: o.dose ? concentrationNm(o.dose, "--dose") : undefined,
    times_h: o.times
      ? parseList(o.times, "--times", (s) => parseDuration(s, { field: "--times", defaultUnit: "h", allowZero: true }))
      : undefined,
    trastuzumab_nM: o.trastuzumab
      ? concentrationNm(o.trastuzumab, "--trastuzumab", MOLECULAR_WEIGHTS.trastuzumab.value)
      : undefined,
  };
}

interface Table {
  headers: string[];
  rows: (string | number)[][];
}

function toCsv(t: Table): string {
  const cell = (v: string | number) =>
    typeof v === "number" ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return `${[t.headers, ...t.rows].map((r) => r.map(cell).join(",")).join("\n")}\n`;
}

/** Write the whole file or nothing: a temporary file renamed into place. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function defaultTimes(end: number): number[] {
  const ts = [0, 2, 6, 24, 48, 72, 96, 120].filter((t) => t < end);
  return [...ts, end];
}

export function runSimulation(p: ReturnType<typeof parseSimulateFlags>): {
  result: Record<string, unknown>;
  table: Table;
  summary: string;
} {
  const settings = {
    cellLine: p.config.cellLine,
    mechanisms: p.config.mechanisms,
    inhibitors: p.config.inhibitors,
  };
  switch (p.experiment) {
    case "viability": {
      const v = simulateViability({
        ...p.config,
        drug: p.drug.id,
        concentrations_nM: p.doses,
        time_h: p.time_h,
        trastuzumab_nM: p.trastuzumab_nM,
      });
      const { well: _well, ...rest } = v;
      return {
        result: { experiment: "viability", settings, ...rest },
        table: {
          headers: ["concentration_nM", "viability"],
          rows: v.concentration_nM.map((c, i) => [c, v.viability[i]!]),
        },
        summary: Number.isFinite(v.ic50_nM)
          ? `IC50 ${v.ic50.qualifier === "=" ? "" : v.ic50.qualifier}${formatNumber(v.ic50_nM)} nM (${v.drug}, ${v.time_h} h, 4PL top fixed at 1; bottom ${formatNumber(v.fit.params.bottom, 3)}, Hill ${formatNumber(v.fit.params.hill, 3)}${v.fit.flags.length ? `; flags: ${v.fit.flags.join(", ")}` : ""})`
          : `IC50 not determined: the 4PL fit did not converge (${v.fit.flags.join(", ")})`,
      };
    }
    case "pulse-chase": {
      const r = simulatePulseChase(p.config, { pulse_nM: p.dose_nM, chase_h: p.times_h ?? PROTOCOL1_CHASE_h });
      return {
        result: { experiment: "pulse-chase", settings, ...r },
        table: {
          headers: [
            "chase_h",
            "fractionInternalized",
            "fractionInLysosomes",
            "surfaceAdc_perCell",
            "endosomalAdc_perCell",
            "lysosomalAdc_perCell",
          ],
          rows: r.points.map((x) => [
            x.chase_h,
            x.fractionInternalized,
            x.fractionInLysosomes,
            x.surfaceAdc_perCell,
            x.endosomalAdc_perCell,
            x.lysosomalAdc_perCell,
          ]),
        },
        summary: `Protocol 1: ${formatNumber(r.pulse_nM)} nM T-DM1 for ${r.pulse_h} h, wash, chase (24-well)`,
      };
    }
    case "catabolite": {
      const r = simulateCatabolite(p.config, { adc_nM: p.dose_nM ?? 10, times_h: p.times_h ?? defaultTimes(p.time_h) });
      return {
        result: { experiment: "catabolite", settings, ...r },
        table: {
          headers: [
            "time_h",
            "total_pmol_per_million",
            "lysosomal_pmol_per_million",
            "cytosolicFree_pmol_per_million",
            "targetBound_pmol_per_million",
            "medium_nM",
            "liveCells",
          ],
          rows: r.points.map((x) => [
            x.time_h,
            x.total_pmol_per_million,
            x.lysosomal_pmol_per_million,
            x.cytosolicFree_pmol_per_million,
            x.targetBound_pmol_per_million,
            x.medium_nM,
            x.liveCells,
          ]),
        },
        summary: `Intracellular Lys-SMCC-DM1 (LC-MS/MS, pmol per 10⁶ cells) under ${formatNumber(r.adc_nM)} nM T-DM1`,
      };
    }
    case "surface-her2":
    case "shed-ecd": {
      const r = simulateHer2(p.config, { adc_nM: p.dose_nM ?? 0, times_h: p.times_h ?? defaultTimes(p.time_h) });
      const flow = p.experiment === "surface-her2";
      return {
        result: { experiment: p.experiment, settings, ...r },
        table: flow
          ? {
              headers: ["time_h", "surfaceHer2_perCell", "surfaceHer2_relative"],
              rows: r.points.map((x) => [x.time_h, x.surfaceHer2_perCell, x.surfaceHer2_relative]),
            }
          : {
              headers: ["time_h", "shedEcd_nM", "shedEcd_ng_per_mL"],
              rows: r.points.map((x) => [x.time_h, x.shedEcd_nM, x.shedEcd_ng_per_mL]),
            },
        summary: flow
          ? `Surface HER2 (flow; relative to untreated parental ${r.cellLine}), T-DM1 ${formatNumber(r.adc_nM)} nM`
          : `Shed HER2 ECD in the supernatant (ELISA), T-DM1 ${formatNumber(r.adc_nM)} nM`,
      };
    }
    case "expression": {
      const r = simulateExpression(p.config);
      return {
        result: { experiment: "expression", settings, ...r },
        table: { headers: ["gene", "foldChange", "ddCt"], rows: r.genes.map((g) => [g.gene, g.foldChange, g.ddCt]) },
        summary: `Relative expression vs parental ${r.cellLine} (qPCR, 2^−ΔΔCt)`,
      };
    }
  }
}

export const simulateCommand: CommandModule = {
  name: "simulate",
  register(program, ctx) {
    program
      .command("simulate")
      .description("run a virtual experiment on the T-DM1 well model")
      .option("--cell-line <name>", `cell line: ${CELL_LINE_IDS.join(", ")}`)
      .option(
        "--mechanism <id=strength>",
        "resistance mechanism and its fold change (repeatable), e.g. slc46a3-loss=10",
        collect,
        [],
      )
      .option("--experiment <name>", `one of ${EXPERIMENTS.join(", ")}`, "viability")
      .option("--drug <name>", `viability drug: ${DRUG_IDS.join(", ")}`, "T-DM1")
      .option(
        "--inhibitor <name=conc>",
        `efflux inhibitor (repeatable): ${INHIBITOR_IDS.join(", ")}, e.g. verapamil=10uM`,
        collect,
        [],
      )
      .option("--trastuzumab <conc>", "unconjugated trastuzumab added with the drug (viability)")
      .option("--time <duration>", "viability read-out time / end of a time course", "120h")
      .option("--doses <list>", "viability concentrations, e.g. 0.01,0.1,1,10nM (default 10 log-spaced doses)")
      .option("--dose <conc>", "T-DM1 for pulse-chase (default 10ug/mL), catabolite (10 nM), surface-her2/shed-ecd (0)")
      .option("--times <list>", "read-out times of a time course (chase times for pulse-chase), e.g. 2h,6h,24h")
      .option("--json", "print JSON")
      .option("--csv <file>", "also write the curve / time course as CSV")
      .addHelpText(
        "after",
        "\nExamples:\n  adclab simulate --cell-line BT-474M1 --mechanism slc46a3-loss=6 --json\n  adclab simulate --cell-line KPL-4 --mechanism mdr1-up=50 --inhibitor tariquidar=100nM\n  adclab simulate --cell-line SK-BR-3 --experiment pulse-chase --mechanism trafficking-impaired=5",
      )
      .action((opts: SimulateFlags) => {
        const parsed = parseSimulateFlags(opts);
        const { result, table, summary } = runSimulation(parsed);
        if (opts.csv) writeAtomically(opts.csv, toCsv(table));
        ctx.print(
          result,
          () => {
            const m = parsed.config.mechanisms?.length
              ? ` + ${parsed.config.mechanisms.map((x) => `${x.id}=${x.strength}`).join(", ")}`
              : "";
            const i = parsed.config.inhibitors?.length
              ? ` with ${parsed.config.inhibitors.map((x) => `${x.id} ${formatNumber(x.concentration_nM)} nM`).join(", ")}`
              : "";
            return [
              `${parsed.config.cellLine}${m}${i} — ${parsed.experiment}`,
              summary,
              "",
              formatTable(table.headers, table.rows),
            ].join("\n");
          },
          !!opts.json,
        );
      });
  },
};
