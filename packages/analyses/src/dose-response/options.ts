/**
 * The options of a dose–response analysis, as `adclab fit` takes them and the API passes them.
 * Checked before any file is read, so a bad flag is reported first and nothing is computed.
 * Field names in errors are the CLI's flags, so the API answers with the CLI's message.
 */
import { type ConcentrationUnit, InputError, type Normalization, normalizeConcentrationUnit } from "@adclab/core";
import { hasConstraints, type ParameterConstraints, parseConstraints } from "./constraints.ts";

export const DOSE_RESPONSE_MODELS = ["ll4", "prism4", "3pl", "5pl", "gr"] as const;
export type DoseResponseModelOption = (typeof DOSE_RESPONSE_MODELS)[number];

/** The options as text, the way a command line or a JSON request gives them. */
export interface DoseResponseOptionsInput {
  model?: string;
  normalize?: string;
  /** "REFERENCE:TEST" curve names: fold = IC50(TEST)/IC50(REFERENCE). */
  compare?: readonly string[];
  /** "SAMPLE:INHIBITOR[:PARENTAL]": IC50(alone)/IC50(+ inhibitor), and its ratio to the parental line's. */
  reversal?: readonly string[];
  unit?: string;
  mw?: string | number;
  /** Per curve: 3PL vs 4PL and 4PL vs 5PL by F test and AICc. */
  compareModels?: boolean;
  /** Relative ECanything percentages, "50,90" or [50, 90]. */
  ec?: string | readonly number[];
  /** Absolute EC response levels, "50" or [50]. */
  absoluteEc?: string | readonly number[];
  /** AUC over log10 concentration and Emax per curve. */
  auc?: boolean;
  /** ROUT-style robust fit with outlier removal. */
  robust?: boolean;
  /** ROUT's Q in percent (default 1, as Prism). */
  routQ?: string | number;
  /** "PARAM=VALUE": parameters held fixed (constraints.ts). */
  fix?: readonly string[];
  /** "PARAM=LO:HI" (either side may be empty): box constraints. */
  bounds?: readonly string[];
  /** "PARAM": one value for all curves of a compound (a global fit). */
  share?: readonly string[];
}

export interface ReversalRequest {
  sample: string;
  inhibitor: string;
  parental?: string;
}

export interface DoseResponseOptions {
  model: DoseResponseModelOption;
  normalize?: Normalization;
  unit?: ConcentrationUnit;
  mw?: number;
  compare: { reference: string; test: string }[];
  reversal: ReversalRequest[];
  compareModels?: true;
  /** Relative ECanything percentages (each in (0, 100)). */
  ec?: number[];
  /** Absolute EC response levels. */
  absoluteEc?: number[];
  auc?: true;
  robust?: true;
  /** ROUT's Q (%), set with robust. */
  routQ_percent?: number;
  /** --fix, --bounds, --share; absent when none is given. */
  constraints?: ParameterConstraints;
}

/** "50,90" or [50, 90] → numbers, each checked by `ok`. */
function numberList(
  v: string | readonly number[],
  field: string,
  ok: (x: number) => boolean,
  expected: string,
): number[] {
  const items = typeof v === "string" ? v.split(",").map((s) => s.trim()) : Array.isArray(v) ? v : [v];
  if (items.length === 0 || (typeof v === "string" && v.trim() === "")) {
    throw new InputError("no values given", { field, expected });
  }
  const out = items.map((item) => {
    const x = typeof item === "number" ? item : item === "" ? Number.NaN : Number(item);
    if (!(Number.isFinite(x) && ok(x))) throw new InputError("not a usable value", { field, expected, got: item });
    return x;
  });
  return [...new Set(out)];
}

function isSwitch(v: unknown, field: string): void {
  if (v !== undefined && typeof v !== "boolean") {
    throw new InputError(`${field} is a switch`, { field, expected: "true or false", got: v as string });
  }
}

export function parseDoseResponseOptions(o: DoseResponseOptionsInput): DoseResponseOptions {
  const model = o.model ?? "ll4";
  if (!(DOSE_RESPONSE_MODELS as readonly string[]).includes(model)) {
    throw new InputError(`unknown model '${model}'`, { field: "--model", expected: DOSE_RESPONSE_MODELS.join(", ") });
  }
  if (o.normalize !== undefined && o.normalize !== "vehicle" && o.normalize !== "none") {
    throw new InputError(`unknown normalization '${o.normalize}'`, {
      field: "--normalize",
      expected: "vehicle or none",
    });
  }
  let unit: ConcentrationUnit | undefined;
  if (o.unit !== undefined) {
    unit = normalizeConcentrationUnit(o.unit);
    if (!unit) throw new InputError(`unknown unit '${o.unit}'`, { field: "--unit", expected: "nM, µM, µg/mL, …" });
  }
  let mw: number | undefined;
  if (o.mw !== undefined) {
    mw = typeof o.mw === "number" ? o.mw : o.mw.trim() === "" ? Number.NaN : Number(o.mw);
    if (!(Number.isFinite(mw) && mw > 0)) {
      throw new InputError("not a molecular weight", {
        field: "--mw",
        expected: "a positive number of g/mol",
        got: o.mw,
      });
    }
  }
  const compare = (o.compare ?? []).map((c) => {
    const parts = c.split(":");
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new InputError("a comparison is REFERENCE:TEST", {
        field: "--compare",
        expected: "e.g. 'BT-474:BT-474-TR' (fold = IC50(TEST)/IC50(REFERENCE))",
        got: c,
      });
    }
    return { reference: parts[0], test: parts[1] };
  });
  const reversal = (o.reversal ?? []).map((r): ReversalRequest => {
    const parts = r.split(":").map((p) => p.trim());
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === "")) {
      throw new InputError("a reversal is SAMPLE:INHIBITOR or SAMPLE:INHIBITOR:PARENTAL", {
        field: "--reversal",
        expected:
          "e.g. 'KPL-4 T-DM1R:verapamil:KPL-4' (reversal = IC50(T-DM1)/IC50(T-DM1 + verapamil), and its ratio to KPL-4's)",
        got: r,
      });
    }
    const [sample, inhibitor, parental] = parts as [string, string, string | undefined];
    if (parental === sample) {
      throw new InputError("the parental line must differ from the sample", { field: "--reversal", got: r });
    }
    return parental === undefined ? { sample, inhibitor } : { sample, inhibitor, parental };
  });
  isSwitch(o.compareModels, "--compare-models");
  isSwitch(o.auc, "--auc");
  isSwitch(o.robust, "--robust");
  let routQ: number | undefined;
  if (o.routQ !== undefined) {
    if (!o.robust) throw new InputError("--rout-q needs --robust", { field: "--rout-q" });
    routQ = numberList(
      typeof o.routQ === "number" ? [o.routQ] : o.routQ,
      "--rout-q",
      (x) => x > 0 && x <= 10,
      "ROUT's Q in percent, above 0 and at most 10 (Prism's default 1)",
    )[0];
    if (typeof o.routQ === "string" && o.routQ.includes(",")) {
      throw new InputError("one Q only", { field: "--rout-q", got: o.routQ });
    }
  }
  const ec =
    o.ec === undefined
      ? undefined
      : numberList(o.ec, "--ec", (x) => x > 0 && x < 100, "percentages between 0 and 100, e.g. 50,90");
  const absoluteEc =
    o.absoluteEc === undefined
      ? undefined
      : numberList(o.absoluteEc, "--absolute-ec", () => true, "response levels, e.g. 50 (on the % of vehicle scale)");
  for (const [flag, given] of [
    ["--ec", ec],
    ["--absolute-ec", absoluteEc],
    ["--auc", o.auc || undefined],
    ["--robust", o.robust || undefined],
  ] as const) {
    if (model === "gr" && given !== undefined)
      throw new InputError(`${flag} is for IC50 models, not gr`, { field: flag });
  }
  if (model === "gr" && o.compareModels)
    throw new InputError("--compare-models is for IC50 models, not gr", { field: "--compare-models" });
  if (model === "gr" && compare.length)
    throw new InputError("--compare is for IC50 models, not gr", { field: "--compare" });
  if (model === "gr" && reversal.length)
    throw new InputError("--reversal is for IC50 models, not gr", { field: "--reversal" });
  for (const k of ["fix", "bounds", "share"] as const) {
    const v = o[k];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === "string"))) {
      throw new InputError("not a list of text", { field: `--${k}`, expected: '["NAME=…", …]', got: String(v) });
    }
    if (model === "gr" && v?.length) throw new InputError(`--${k} is for IC50 models, not gr`, { field: `--${k}` });
  }
  const constraints = model === "gr" ? undefined : parseConstraints(model as Exclude<DoseResponseModelOption, "gr">, o);
  if (hasConstraints(constraints)) {
    // Model comparison refits each curve unconstrained, and ROUT and the reversal's four-fit
    // ratio assume separate fits: combined with these, their numbers would not mean what they say.
    const what = (c: ParameterConstraints) => (c.share.length ? "--share" : c.fix.length ? "--fix" : "--bounds");
    if (o.compareModels) {
      throw new InputError(`--compare-models refits each curve without constraints; not with ${what(constraints)}`, {
        field: "--compare-models",
      });
    }
    if (constraints.share.length && o.robust) {
      throw new InputError("--robust fits each curve on its own; not with --share", { field: "--robust" });
    }
    if (constraints.share.length && reversal.length) {
      throw new InputError("--reversal assumes separate fits; not with --share", { field: "--reversal" });
    }
  }
  return {
    model: model as DoseResponseModelOption,
    ...(o.normalize ? { normalize: o.normalize as Normalization } : {}),
    ...(unit ? { unit } : {}),
    ...(mw !== undefined ? { mw } : {}),
    compare,
    reversal,
    ...(o.compareModels ? { compareModels: true as const } : {}),
    ...(ec ? { ec } : {}),
    ...(absoluteEc ? { absoluteEc } : {}),
    ...(o.auc ? { auc: true as const } : {}),
    ...(o.robust ? { robust: true as const, routQ_percent: routQ ?? 1 } : {}),
    ...(hasConstraints(constraints) ? { constraints } : {}),
  };
}
