/**
 * --fix PARAM=VALUE, --bounds PARAM=LO:HI and --share PARAM: parameter constraints of the IC50
 * models, parsed from the text a command line or a JSON request gives. PARAM is one of the model's
 * own names (drc's b, c, d, e for ll4; Prism's Bottom, Top, LogIC50, HillSlope, S otherwise) or a
 * model-independent one (bottom, top, ic50, logIC50, hill, asymmetry), case-insensitive.
 * Everything is checked here, before any file is read, with the flag as the field; IC50 values
 * (ic50, e) are in the report's concentration unit and become log10 nM only once the file's unit
 * is known (resolveConstraints).
 */
import { InputError, type Shareable } from "@adclab/core";

export type ConstraintModel = "ll4" | "prism4" | "3pl" | "5pl";

/** One parameter as the engine sees it, and how a user's number maps onto it. */
interface ParameterName {
  parameter: Shareable;
  /** The value is a concentration (ic50, e): log10 of it, in nM, is the engine's LogIC50. */
  concentration?: true;
  /** drc's b = −HillSlope. */
  negated?: true;
}

const GENERIC: Record<string, ParameterName> = {
  bottom: { parameter: "bottom" },
  top: { parameter: "top" },
  ic50: { parameter: "logIC50", concentration: true },
  ic50_nm: { parameter: "logIC50", concentration: true },
  logic50: { parameter: "logIC50" },
  hill: { parameter: "hill" },
};
const NATIVE: Record<ConstraintModel, Record<string, ParameterName>> = {
  ll4: {
    b: { parameter: "hill", negated: true },
    c: { parameter: "bottom" },
    d: { parameter: "top" },
    e: { parameter: "logIC50", concentration: true },
  },
  prism4: { hillslope: { parameter: "hill" } },
  "3pl": { hillslope: { parameter: "hill" } },
  "5pl": { hillslope: { parameter: "hill" }, s: { parameter: "asymmetry" }, asymmetry: { parameter: "asymmetry" } },
};
const LISTED: Record<ConstraintModel, string> = {
  ll4: "b, c, d, e (drc's LL.4) or bottom, top, ic50, logIC50, hill",
  prism4: "Bottom, Top, LogIC50, HillSlope, or ic50 (hill for HillSlope)",
  "3pl": "Bottom, Top, LogIC50, HillSlope, or ic50 (hill for HillSlope)",
  "5pl": "Bottom, Top, LogIC50, HillSlope, S, or ic50 (hill for HillSlope, asymmetry for S)",
};
const PARAMETERS_OF: Record<ConstraintModel, readonly Shareable[]> = {
  ll4: ["bottom", "top", "logIC50", "hill"],
  prism4: ["bottom", "top", "logIC50", "hill"],
  "3pl": ["bottom", "top", "logIC50", "hill"],
  "5pl": ["bottom", "top", "logIC50", "hill", "asymmetry"],
};

export interface FixedParameter {
  parameter: Shareable;
  /** As given (a concentration for ic50/e; b already turned into HillSlope). */
  value: number;
  concentration?: true;
  /** The user's name, for messages and the result. */
  given: string;
}
export interface BoundedParameter {
  parameter: Shareable;
  lower: number;
  upper: number;
  concentration?: true;
  given: string;
}
export interface ParameterConstraints {
  fix: FixedParameter[];
  bounds: BoundedParameter[];
  share: Shareable[];
  /** The flags as given (trimmed), for the result document and the CLI's footer. */
  given: { fix: string[]; bounds: string[]; share: string[] };
}

export interface ConstraintsInput {
  fix?: readonly string[];
  bounds?: readonly string[];
  share?: readonly string[];
}

function lookUp(model: ConstraintModel, name: string, field: string): ParameterName {
  const key = name.trim().toLowerCase();
  const found = NATIVE[model][key] ?? GENERIC[key];
  if (!found) {
    throw new InputError(`unknown parameter '${name}' for model ${model}`, { field, expected: LISTED[model] });
  }
  return found;
}

/** A number from text; "" and anything non-numeric are errors naming the flag. */
function numberOf(text: string, field: string, item: string): number {
  const v = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(v)) throw new InputError(`'${text}' is not a number`, { field, got: item });
  return v;
}

function split(item: string, field: string, form: string): [string, string] {
  const at = item.indexOf("=");
  if (at <= 0) throw new InputError(`expected ${form}`, { field, got: item });
  return [item.slice(0, at), item.slice(at + 1)];
}

/** Parses and cross-checks the three flags for `model` (3pl's own fixed plateau included). */
export function parseConstraints(model: ConstraintModel, o: ConstraintsInput): ParameterConstraints {
  const fix: FixedParameter[] = [];
  for (const item of o.fix ?? []) {
    const [name, text] = split(item, "--fix", "PARAM=VALUE, e.g. bottom=0");
    const p = lookUp(model, name, "--fix");
    let value = numberOf(text, "--fix", item);
    if (p.concentration && !(value > 0)) {
      throw new InputError("an IC50 is a positive concentration", { field: "--fix", got: item });
    }
    if (p.parameter === "asymmetry" && !(value > 0)) {
      throw new InputError("the 5PL's S is positive", { field: "--fix", got: item });
    }
    if (p.negated) value = -value;
    if (fix.some((f) => f.parameter === p.parameter)) {
      throw new InputError(`${p.parameter} is fixed twice`, { field: "--fix", got: item });
    }
    fix.push({
      parameter: p.parameter,
      value,
      given: name.trim(),
      ...(p.concentration ? { concentration: true } : {}),
    });
  }
  const bounds: BoundedParameter[] = [];
  for (const item of o.bounds ?? []) {
    const [name, range] = split(item, "--bounds", "PARAM=LO:HI, e.g. hill=-3:0 (either side may be empty)");
    const p = lookUp(model, name, "--bounds");
    const sides = range.split(":");
    if (sides.length !== 2 || (sides[0]!.trim() === "" && sides[1]!.trim() === "")) {
      throw new InputError("expected PARAM=LO:HI with at least one side", { field: "--bounds", got: item });
    }
    let lower = sides[0]!.trim() === "" ? Number.NEGATIVE_INFINITY : numberOf(sides[0]!, "--bounds", item);
    let upper = sides[1]!.trim() === "" ? Number.POSITIVE_INFINITY : numberOf(sides[1]!, "--bounds", item);
    if (lower > upper) throw new InputError("the lower bound is above the upper one", { field: "--bounds", got: item });
    if (p.concentration && (lower < 0 || upper <= 0)) {
      throw new InputError("IC50 bounds are concentrations (lower ≥ 0, upper > 0)", { field: "--bounds", got: item });
    }
    if (p.negated) [lower, upper] = [-upper, -lower];
    if (fix.some((f) => f.parameter === p.parameter)) {
      throw new InputError(`${p.parameter} is both fixed and bounded`, { field: "--bounds", got: item });
    }
    if (bounds.some((b) => b.parameter === p.parameter)) {
      throw new InputError(`${p.parameter} is bounded twice`, { field: "--bounds", got: item });
    }
    bounds.push({
      parameter: p.parameter,
      lower,
      upper,
      given: name.trim(),
      ...(p.concentration ? { concentration: true } : {}),
    });
  }
  const share: Shareable[] = [];
  for (const name of o.share ?? []) {
    const p = lookUp(model, name, "--share");
    if (fix.some((f) => f.parameter === p.parameter)) {
      throw new InputError(`${p.parameter} is fixed, so it is already the same in every curve`, {
        field: "--share",
        got: name,
      });
    }
    if (!share.includes(p.parameter)) share.push(p.parameter);
  }
  // The 3PL holds Bottom at 0 unless Top is the plateau given.
  const fixedNames = new Set(fix.map((f) => f.parameter));
  if (model === "3pl" && !fixedNames.has("top")) {
    if (bounds.some((b) => b.parameter === "bottom") || share.includes("bottom")) {
      throw new InputError("the 3PL holds Bottom fixed (0 unless --fix bottom=VALUE or --fix top=VALUE)", {
        field: bounds.some((b) => b.parameter === "bottom") ? "--bounds" : "--share",
      });
    }
    fixedNames.add("bottom");
  }
  if (PARAMETERS_OF[model].every((p) => fixedNames.has(p))) {
    throw new InputError("every parameter is fixed: nothing is left to fit", {
      field: "--fix",
      expected: `at most ${PARAMETERS_OF[model].length - 1} fixed parameters for ${model}`,
    });
  }
  const trimmed = (v: readonly string[] | undefined) => (v ?? []).map((x) => x.trim());
  return { fix, bounds, share, given: { fix: trimmed(o.fix), bounds: trimmed(o.bounds), share: trimmed(o.share) } };
}

export function hasConstraints(c: ParameterConstraints | undefined): c is ParameterConstraints {
  return !!c && (c.fix.length > 0 || c.bounds.length > 0 || c.share.length > 0);
}

/** The engine's options (fixed, bounds, shared; LogIC50 in log10 nM) in a report unit of `perNanomolar`. */
export function resolveConstraints(
  c: ParameterConstraints,
  perNanomolar: number,
): {
  fixed: Partial<Record<Shareable, number>>;
  bounds: Partial<Record<Shareable, [number, number]>>;
  shared: Shareable[];
} {
  // A concentration in the report unit → log10 of it in nM (0 → −∞, an open lower bound).
  const log10nM = (v: number) => Math.log10(v / perNanomolar);
  const fixed: Partial<Record<Shareable, number>> = {};
  for (const f of c.fix) fixed[f.parameter] = f.concentration ? log10nM(f.value) : f.value;
  const bounds: Partial<Record<Shareable, [number, number]>> = {};
  for (const b of c.bounds) {
    bounds[b.parameter] = b.concentration ? [log10nM(b.lower), log10nM(b.upper)] : [b.lower, b.upper];
  }
  return { fixed, bounds, shared: [...c.share] };
}
