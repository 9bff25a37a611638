/**
 * The options of a dose–response analysis, as `adclab fit` takes them and the API passes them.
 * Checked before any file is read, so a bad flag is reported first and nothing is computed.
 * Field names in errors are the CLI's flags, so the API answers with the CLI's message.
 */
import { type ConcentrationUnit, InputError, type Normalization, normalizeConcentrationUnit } from "@adclab/core";
import { z } from "zod";
import { option } from "../contract/define.ts";
import { hasConstraints, type ParameterConstraints, parseConstraints } from "./constraints.ts";

export const DOSE_RESPONSE_MODELS = ["ll4", "prism4", "3pl", "5pl", "gr"] as const;
export type DoseResponseModelOption = (typeof DOSE_RESPONSE_MODELS)[number];

const textOrNumber = () => z.union([z.string(), z.number()]);
const textOrNumbers = () => z.union([z.string(), z.number(), z.array(z.number())]);
const repeatable = () => z.array(z.string()).default([]);

/**
 * The options of `adclab fit` and of the API's `dose-response` kind, as JSON gives them (the CLI's
 * flags in camelCase, repeatable flags as lists). The one declaration the faces derive from. The
 * order is the API's (its unknown-option message lists them so); the CLI's help has its own.
 */
export const DoseResponseOptionsSchema = z.object({
  model: option(z.enum(DOSE_RESPONSE_MODELS).default("ll4"), {
    flag: "--model <model>",
    description: `curve model: ${DOSE_RESPONSE_MODELS.join(", ")}`,
    label: "Model",
    noun: "model",
    choiceLabels: {
      ll4: "ll4 — drc LL.4",
      prism4: "prism4 — Prism variable slope",
      "3pl": "3pl — bottom 0",
      "5pl": "5pl — asymmetric",
      gr: "gr — GR metrics",
    },
  }),
  normalize: option(z.enum(["vehicle", "none"]).optional(), {
    flag: "--normalize <how>",
    description: "vehicle (100 %) and blank (0 %), or none (default: vehicle when the file has vehicle wells)",
    label: "Normalize",
    noun: "normalization",
    expected: "vehicle or none",
    unsetLabel: "vehicle when the file has vehicle wells",
    choiceLabels: { vehicle: "vehicle (100 %) and blank (0 %)", none: "none (raw responses)" },
  }),
  unit: option(z.string().optional(), {
    flag: "--unit <unit>",
    description: "unit of bare concentration numbers (when neither header nor cells give one)",
    label: "Unit of bare concentrations",
    placeholder: "e.g. nM",
  }),
  mw: option(textOrNumber().optional(), {
    flag: "--mw <g/mol>",
    description: "molecular weight for mass concentrations (default: the compound's, else T-DM1's)",
    label: "Molecular weight",
    unit: "g/mol",
  }),
  routQ: option(textOrNumber().optional(), {
    flag: "--rout-q <percent>",
    description: "ROUT's false discovery rate Q in percent (default 1)",
    label: "ROUT Q",
    unit: "%",
    requires: "robust",
    placeholder: "1",
  }),
  compare: option(repeatable(), {
    flag: "--compare <ref:test>",
    description: "fold = IC50(test)/IC50(ref) with CI and shared-LogIC50 F test (repeatable)",
    label: "Compare (REFERENCE:TEST, one per line)",
    repeatable: true,
    placeholder: "BT-474:BT-474-TR",
    example: ["BT-474:BT-474-TR"],
  }),
  reversal: option(repeatable(), {
    flag: "--reversal <sample:inhibitor[:parental]>",
    description:
      "inhibitor reversal IC50(DRUG)/IC50(DRUG + inhibitor) in sample, and its ratio to the parental line's (repeatable)",
    label: "Inhibitor reversal (SAMPLE:INHIBITOR[:PARENTAL], one per line)",
    repeatable: true,
    placeholder: "KPL-4 T-DM1R:verapamil:KPL-4",
    example: ["KPL-4 T-DM1R:verapamil:KPL-4"],
  }),
  fix: option(repeatable(), {
    flag: "--fix <param=value>",
    description:
      "hold a parameter at a value, e.g. bottom=0 or hill=-1 (the model's names, case-insensitive; repeatable)",
    label: "Fix parameters (PARAM=VALUE, one per line)",
    repeatable: true,
    placeholder: "bottom=0",
    example: ["bottom=0"],
  }),
  bounds: option(repeatable(), {
    flag: "--bounds <param=lo:hi>",
    description: "keep a parameter in [lo, hi]; either side may be empty, e.g. hill=-3: (repeatable)",
    label: "Bounds (PARAM=LO:HI, one per line)",
    repeatable: true,
    placeholder: "hill=-3:",
    example: ["hill=-3:"],
  }),
  share: option(repeatable(), {
    flag: "--share <param>",
    description: "one value of the parameter for all curves of a compound: a global fit, e.g. hill (repeatable)",
    label: "Share across the curves of a compound",
    listInput: "words",
    repeatable: true,
    placeholder: "hill",
    example: ["hill"],
  }),
  ec: option(textOrNumbers().optional(), {
    flag: "--ec <percents>",
    description: "relative ECanything (Prism): e.g. 50,90 — F % of the way from the top plateau to the bottom",
    label: "Relative ECF",
    unit: "%",
    placeholder: "e.g. 50,90",
    example: [50, 90],
  }),
  absoluteEc: option(textOrNumbers().optional(), {
    flag: "--absolute-ec <levels>",
    description: "absolute EC: where the fitted curve crosses a response level, e.g. 50 (%)",
    label: "Absolute EC levels",
    unit: "%",
    placeholder: "e.g. 50",
    example: [50],
  }),
  compareModels: option(z.boolean().optional(), {
    flag: "--compare-models",
    description: "per curve: 3PL vs 4PL and 4PL vs 5PL by extra-sum-of-squares F test and AICc",
    label: "3PL vs 4PL and 4PL vs 5PL (F test, AICc)",
  }),
  auc: option(z.boolean().optional(), {
    flag: "--auc",
    description: "AUC over log10 concentration across the tested doses, and Emax (response at the top dose)",
    label: "AUC and Emax",
  }),
  robust: option(z.boolean().optional(), {
    flag: "--robust",
    description: "robust fit with outlier removal (ROUT, Motulsky & Brown 2006); outliers listed per curve",
    label: "Robust fit with outlier removal (ROUT)",
  }),
});

/** The options as JSON or a library caller gives them (every field optional; the choices are checked when parsed). */
export type DoseResponseOptionsInput = Omit<z.input<typeof DoseResponseOptionsSchema>, "model" | "normalize"> & {
  model?: string;
  normalize?: string;
};
/** The same after the schema's defaults and checks. */
type CheckedOptions = z.output<typeof DoseResponseOptionsSchema>;

export interface ReversalRequest {
  sample: string;
  inhibitor: string;
  parental?: string;
}

export interface DoseResponseOptions extends Omit<CheckedOptions, Resolved> {
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
  v: string | number | readonly number[],
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

/** The options this module turns into typed values; any other option of the schema passes through as it is. */
const RESOLVED = [
  "model",
  "normalize",
  "compare",
  "reversal",
  "unit",
  "mw",
  "compareModels",
  "ec",
  "absoluteEc",
  "auc",
  "robust",
  "routQ",
  "fix",
  "bounds",
  "share",
] as const;
type Resolved = (typeof RESOLVED)[number];

/**
 * The dose–response contract's `parse` (./contract.ts): the checks between options, after the
 * schema's own (types, the model's and normalization's values). Library callers use
 * parseDoseResponseOptions, which runs the schema's checks first.
 */
export function resolveDoseResponseOptions(o: CheckedOptions): DoseResponseOptions {
  const model = o.model;
  const passThrough = Object.fromEntries(
    Object.entries(o).filter(([k]) => !(RESOLVED as readonly string[]).includes(k)),
  ) as Omit<CheckedOptions, Resolved>;
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
    if (model === "gr" && o[k].length) throw new InputError(`--${k} is for IC50 models, not gr`, { field: `--${k}` });
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
    ...passThrough,
    model,
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
