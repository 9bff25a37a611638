/**
 * A virtual experiment on the well model as one procedure: the request (cell line, mechanisms
 * with strengths, experiment, drug, inhibitors, doses and times with their units) in; the result
 * object and its table out. `adclab simulate` and `POST /api/simulate` both call it, each with its
 * own field names in the messages (`--mechanism` on the command line, `mechanisms` in JSON), so
 * the two give the same JSON and the same problem text.
 */
import {
  CELL_LINE_IDS,
  type Drug,
  findCellLine,
  INHIBITOR_IDS,
  InputError,
  MECHANISM_IDS,
  type MechanismSetting,
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

export const EXPERIMENTS = [
  "viability",
  "pulse-chase",
  "catabolite",
  "surface-her2",
  "shed-ecd",
  "expression",
] as const;
export type Experiment = (typeof EXPERIMENTS)[number];

/**
 * The defaults of a request, declared once: the contract's schema (./contract.ts) carries them
 * (so the CLI's help and OpenAPI show them), the procedure below applies them to a library
 * caller's request, and the web explorer reads its doses from here.
 */
export const SIMULATION_DEFAULTS = {
  experiment: "viability",
  drug: "T-DM1",
  time: "120h",
  /** The T-DM1 of a time course when none is given (nM); pulse-chase: Protocol 1's, the core's PROTOCOL1_PULSE_nM. */
  dose_nM: { catabolite: 10, "surface-her2": 0, "shed-ecd": 0 },
} as const satisfies {
  experiment: Experiment;
  drug: string;
  time: string;
  dose_nM: Partial<Record<Experiment, number>>;
};

/** The unit of a bare number: concentrations (doses, dose, trastuzumab, inhibitors) and durations. */
export const SIMULATION_UNITS = { concentration: "nM", time: "h" } as const;

/**
 * What a caller may give; text quantities carry their units ("10uM", "120h", "0.1,1,10nM"). The
 * JSON form is the contract's schema (./contract.ts); mechanisms and inhibitors may also be the
 * CLI's text.
 */
export interface SimulationRequest {
  cellLine?: string;
  /** "slc46a3-loss=10" or { id, strength }. */
  mechanisms?: readonly (string | { id: string; strength: number })[];
  experiment?: string;
  drug?: string;
  /** "verapamil=10uM" or { id, concentration }. */
  inhibitors?: readonly (string | { id: string; concentration: string })[];
  trastuzumab?: string;
  time?: string;
  /** A comma-separated list or a list of concentrations. */
  doses?: string | readonly string[];
  dose?: string;
  times?: string | readonly string[];
}

export const SIMULATION_KEYS = [
  "cellLine",
  "mechanisms",
  "experiment",
  "drug",
  "inhibitors",
  "trastuzumab",
  "time",
  "doses",
  "dose",
  "times",
] as const satisfies readonly (keyof SimulationRequest)[];

/** The caller's name for each field, used in every message (the contract derives the CLI's and JSON's). */
export type SimulationFields = Record<(typeof SIMULATION_KEYS)[number], string>;

/** "slc46a3-loss=10" → { id, strength }, with the messages of `adclab simulate --mechanism`. */
export function parseMechanismText(text: string, field = "--mechanism"): MechanismSetting {
  const m = /^\s*([A-Za-z0-9-]+)\s*(?:=\s*(.*?))?\s*$/.exec(text);
  const id = m?.[1] ?? text;
  if (!MECHANISM_IDS.includes(id as (typeof MECHANISM_IDS)[number])) {
    throw new InputError(`unknown mechanism '${id}'`, { field, expected: `one of ${MECHANISM_IDS.join(", ")}` });
  }
  const raw = m?.[2];
  if (raw === undefined || raw === "") {
    throw new InputError(`mechanism '${id}' needs a strength`, {
      field,
      expected: `${id}=<fold change > 0, 1 = none>`,
      got: text,
    });
  }
  const strength = Number(raw);
  return validateMechanisms([{ id, strength: Number.isFinite(strength) ? strength : Number.NaN }], field)[0]!;
}

function parseMechanism(m: string | { id: string; strength: number }, field: string): MechanismSetting {
  if (typeof m === "string") return parseMechanismText(m, field);
  // Same checks and messages as the text form: the id first, then the strength.
  if (!MECHANISM_IDS.includes(m.id as (typeof MECHANISM_IDS)[number])) {
    throw new InputError(`unknown mechanism '${m.id}'`, { field, expected: `one of ${MECHANISM_IDS.join(", ")}` });
  }
  return validateMechanisms([m], field)[0]!;
}

const { concentration: BARE_CONCENTRATION, time: BARE_TIME } = SIMULATION_UNITS;

function concentrationNm(text: string, field: string, mw: number = MOLECULAR_WEIGHTS["T-DM1"].value): number {
  return (
    parseConcentration(text, { field, defaultUnit: BARE_CONCENTRATION, molecularWeight_g_per_mol: mw }).molar * 1e9
  );
}

function parseInhibitor(
  given: string | { id: string; concentration: string },
  field: string,
): { id: string; concentration_nM: number } {
  const [name, conc] = typeof given === "string" ? given.split("=") : [given.id, given.concentration];
  const id = INHIBITOR_IDS.find((i) => i.toLowerCase() === (name ?? "").trim().toLowerCase());
  if (!id)
    throw new InputError(`unknown inhibitor '${name}'`, { field, expected: `one of ${INHIBITOR_IDS.join(", ")}` });
  if (conc === undefined || conc.trim() === "") {
    throw new InputError(`inhibitor '${id}' needs a concentration`, {
      field,
      expected: `${id}=<concentration>, e.g. ${id}=10uM`,
      got: typeof given === "string" ? given : JSON.stringify(given),
    });
  }
  return { id, concentration_nM: parseConcentration(conc, { field, defaultUnit: BARE_CONCENTRATION }).molar * 1e9 };
}

function parseList(given: string | readonly string[], field: string, parse: (s: string) => number): number[] {
  const items = typeof given === "string" ? given.split(",") : given;
  const out = items
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(parse);
  if (out.length === 0) throw new InputError("empty list", { field, got: String(given) });
  return out;
}

export interface ParsedSimulation {
  experiment: Experiment;
  drug: Drug;
  config: WellConfig & { cellLine: string; mechanisms: MechanismSetting[] };
  time_h: number;
  doses?: number[];
  dose_nM?: number;
  times_h?: number[];
  trastuzumab_nM?: number;
}

/**
 * Validate every field before running anything, so bad input fails fast with one message; the
 * messages name the fields as `fields` says (default: the JSON names). The contract's `parse`.
 */
export function parseSimulationRequest(o: SimulationRequest, names?: Partial<SimulationFields>): ParsedSimulation {
  const fields = Object.fromEntries(SIMULATION_KEYS.map((k) => [k, names?.[k] ?? k])) as SimulationFields;
  if (!o.cellLine)
    throw new InputError("a cell line is required", {
      field: fields.cellLine,
      expected: `one of ${CELL_LINE_IDS.join(", ")}`,
    });
  const line = findCellLine(o.cellLine);
  if (!line)
    throw new InputError(`unknown cell line '${o.cellLine}'`, {
      field: fields.cellLine,
      expected: `one of ${CELL_LINE_IDS.join(", ")}`,
    });
  const experiment = (o.experiment ?? SIMULATION_DEFAULTS.experiment) as Experiment;
  if (!EXPERIMENTS.includes(experiment)) {
    throw new InputError(`unknown experiment '${o.experiment}'`, {
      field: fields.experiment,
      expected: `one of ${EXPERIMENTS.join(", ")}`,
    });
  }
  const drug = resolveDrug(o.drug ?? SIMULATION_DEFAULTS.drug, fields.drug);
  const mechanisms = (o.mechanisms ?? []).map((m) => parseMechanism(m, fields.mechanisms));
  const inhibitors = (o.inhibitors ?? []).map((i) => parseInhibitor(i, fields.inhibitors));
  const time_h = parseDuration(o.time ?? SIMULATION_DEFAULTS.time, { field: fields.time, defaultUnit: BARE_TIME });
  return {
    experiment,
    drug,
    config: { cellLine: line.id, mechanisms, inhibitors },
    time_h,
    doses:
      o.doses !== undefined
        ? parseList(o.doses, fields.doses, (s) => concentrationNm(s, fields.doses, drug.molecularWeight_g_per_mol))
        : undefined,
    dose_nM: o.dose !== undefined ? concentrationNm(o.dose, fields.dose) : undefined,
    times_h:
      o.times !== undefined
        ? parseList(o.times, fields.times, (s) =>
            parseDuration(s, { field: fields.times, defaultUnit: BARE_TIME, allowZero: true }),
          )
        : undefined,
    trastuzumab_nM:
      o.trastuzumab !== undefined
        ? concentrationNm(o.trastuzumab, fields.trastuzumab, MOLECULAR_WEIGHTS.trastuzumab.value)
        : undefined,
  };
}

export interface SimulationTable {
  headers: string[];
  rows: (string | number)[][];
}

function defaultTimes(end: number): number[] {
  const ts = [0, 2, 6, 24, 48, 72, 96, 120].filter((t) => t < end);
  return [...ts, end];
}

/** The result object (`--json`, the API's response) and the curve or time course as a table. */
export function runSimulation(p: ParsedSimulation): { result: Record<string, unknown>; table: SimulationTable } {
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
            "lysosomalOverlap",
            "surfaceAdc_perCell",
            "endosomalAdc_perCell",
            "lysosomalAdc_perCell",
          ],
          rows: r.points.map((x) => [
            x.chase_h,
            x.fractionInternalized,
            x.fractionInLysosomes,
            x.lysosomalOverlap,
            x.surfaceAdc_perCell,
            x.endosomalAdc_perCell,
            x.lysosomalAdc_perCell,
          ]),
        },
      };
    }
    case "catabolite": {
      const r = simulateCatabolite(p.config, {
        adc_nM: p.dose_nM ?? SIMULATION_DEFAULTS.dose_nM.catabolite,
        times_h: p.times_h ?? defaultTimes(p.time_h),
      });
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
      };
    }
    case "surface-her2":
    case "shed-ecd": {
      const r = simulateHer2(p.config, {
        adc_nM: p.dose_nM ?? SIMULATION_DEFAULTS.dose_nM[p.experiment],
        times_h: p.times_h ?? defaultTimes(p.time_h),
      });
      return {
        result: { experiment: p.experiment, settings, ...r },
        table:
          p.experiment === "surface-her2"
            ? {
                headers: ["time_h", "surfaceHer2_perCell", "surfaceHer2_relative"],
                rows: r.points.map((x) => [x.time_h, x.surfaceHer2_perCell, x.surfaceHer2_relative]),
              }
            : {
                headers: ["time_h", "shedEcd_nM", "shedEcd_ng_per_mL"],
                rows: r.points.map((x) => [x.time_h, x.shedEcd_nM, x.shedEcd_ng_per_mL]),
              },
      };
    }
    case "expression": {
      const r = simulateExpression(p.config);
      return {
        result: { experiment: "expression", settings, ...r },
        table: { headers: ["gene", "foldChange", "ddCt"], rows: r.genes.map((g) => [g.gene, g.foldChange, g.ddCt]) },
      };
    }
  }
}
