/**
 * Options in, typed options out, for each face. Three steps, the same for every analysis:
 * 1. the face's own form of the values: the API's JSON types (named `options.<key>` in messages,
 *    unknown keys refused, null taken as not given), or the CLI's text (numbers converted);
 * 2. the values the schema allows (a choice's values, a number's range), named by the CLI flag;
 * 3. the contract's `parse`: the checks between options, and the typed options `run` takes.
 * Messages name the CLI's flag from step 2 on, in the CLI and the API alike, so a user of either
 * reads the same sentence (docs/cli/*.md document the flags) — unless an option keeps its own
 * words for each face (OptionMeta.refused, or its own reading: fromFlag, fromJson), or the
 * contract names the API's keys (`apiNames: "key"`). A required option not given is a step-1 problem, in
 * the option's own words (OptionMeta.missing).
 */
import { InputError } from "@adclab/core";
import type { z } from "zod";
import type { AnalysisContract } from "./define.ts";
import { faceNames, type OptionField, optionFields } from "./fields.ts";

const isNumberList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "number");
const isTextList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
const isObjectList = (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));

/** Which face gives the values: the API's JSON, a library caller's object, or the CLI's flags. */
type Face = "api" | "values" | "flags";

/**
 * Refuses a value: with the option's own message when it declares one (OptionMeta.refused), else
 * with the generic one. `got` is the value as the user gave it (the CLI's text as typed).
 */
function refuse(f: OptionField, face: Face, got: unknown, generic: () => InputError): never {
  const own = f.meta.refused;
  if (!own) throw generic();
  const api = face === "api" ? own.api : undefined;
  const m = api ?? own.cli;
  throw new InputError(m.problem, { field: api ? `options.${f.key}` : f.cliName, expected: m.expected, got });
}

/** Step 1 for JSON: the value's type, by the field's kind. Returns the value to pass on. */
function jsonValue(f: OptionField, v: unknown, field: string, face: Face): unknown {
  const fail = (problem: string, expected?: string): never =>
    refuse(
      f,
      face,
      v,
      () => new InputError(problem, { field, ...(expected === undefined ? {} : { expected }), got: v }),
    );
  switch (f.kind) {
    case "switch":
      return typeof v === "boolean" ? v : fail("a switch is true or false");
    case "choice":
      return typeof v === "string" ? v : fail("not text");
    case "text":
      if (typeof v === "string") return v;
      return f.acceptsNumber && typeof v === "number" ? String(v) : fail("not text");
    case "number":
      return typeof v === "number" ? v : fail("not a number", f.meta.expected);
    case "list":
      return isTextList(v) ? v : fail("not a list of text", f.meta.expected ?? '["A:B", …]');
    case "numbers":
      if (typeof v === "string" || isNumberList(v)) return v;
      return typeof v === "number" ? [v] : fail("not a list of numbers", f.meta.expected ?? '[50, 90] or "50,90"');
    case "texts":
      return typeof v === "string" || isTextList(v) ? v : fail("not a list of text", f.meta.expected);
    case "records":
      return isObjectList(v) ? v : fail("not a list of objects", f.meta.expected);
  }
}

/** Step 1: a required option must be given; `field` is the face's name of it. */
function requireGiven(fields: OptionField[], given: Record<string, unknown>, field: (f: OptionField) => string) {
  for (const f of fields) {
    if (f.required && given[f.key] === undefined) {
      const expected = f.meta.expected;
      throw new InputError(f.meta.missing ?? "required", { field: field(f), ...(expected ? { expected } : {}) });
    }
  }
}

/**
 * Step 2: what the schema allows beyond the type (for the API, within its narrower `apiRange`),
 * named `field` (the CLI flag, unless the contract names the API's keys). `got`: as the user gave it.
 */
function checkValue(f: OptionField, v: unknown, face: Face, got: unknown, field: string): void {
  if (f.kind === "choice" && !(f.choices ?? []).includes(v as string)) {
    refuse(
      f,
      face,
      got,
      () =>
        new InputError(`unknown ${f.meta.noun ?? f.key} '${String(v)}'`, {
          field,
          expected: f.meta.expected ?? (f.choices ?? []).join(", "),
        }),
    );
  }
  if (f.kind === "number") {
    const x = v as number;
    const range = face === "api" && f.meta.apiRange ? { ...f, ...f.meta.apiRange } : f;
    const low = range.minimum !== undefined && x < range.minimum;
    const high = range.maximum !== undefined && x > range.maximum;
    if (!Number.isFinite(x) || low || high || (f.integer && !Number.isInteger(x))) {
      refuse(
        f,
        face,
        got,
        () => new InputError("out of range", { field, expected: f.meta.expected ?? rangeText(range), got: v }),
      );
    }
  }
}

function rangeText(f: Pick<OptionField, "integer" | "minimum" | "maximum">): string {
  const what = f.integer ? "a whole number" : "a number";
  if (f.minimum !== undefined && f.maximum !== undefined) return `${what} from ${f.minimum} to ${f.maximum}`;
  if (f.minimum !== undefined) return `${what} of at least ${f.minimum}`;
  if (f.maximum !== undefined) return `${what} of at most ${f.maximum}`;
  return what;
}

/**
 * Steps 2 and 3 on values already in their JSON types; `cliText`: the options given as the CLI's
 * text (records), which only the contract's `parse` reads; `raw`: each value as the user gave it
 * (for OptionMeta.refused; default: the same).
 */
function finish<O>(
  contract: AnyContract<O>,
  fields: OptionField[],
  given: Record<string, unknown>,
  face: Face,
  cliText: Record<string, unknown> = {},
  raw: Record<string, unknown> = given,
): O {
  const name = faceNames(contract, face === "api" ? "api" : "cli");
  for (const f of fields) {
    if (given[f.key] !== undefined && !ownReading(f, face)) checkValue(f, given[f.key], face, raw[f.key], name(f.key));
  }
  const parsed = contract.options.safeParse(given);
  if (!parsed.success) {
    // Steps 1–2 cover the kinds the faces present; a refinement of the contract's own ends here.
    const issue = parsed.error.issues[0];
    const f = fields.find((x) => x.key === issue?.path[0]);
    throw new InputError(issue?.message ?? "not a valid option", { field: f ? name(f.key) : "options" });
  }
  return contract.parse({ ...parsed.data, ...cliText } as never, name);
}

/** The face's own reading of an option (OptionMeta.fromFlag / fromJson), if the option has one. */
const ownReading = (f: OptionField, face: Face) =>
  face === "flags" ? f.meta.fromFlag : face === "api" ? f.meta.fromJson : undefined;

/** Any contract whose `parse` gives O (methods are bivariant, so every contract fits). */
type AnyContract<O> = AnalysisContract<z.ZodObject, O, unknown, unknown>;

/**
 * The API's `options` object → the typed options. `alsoAccepted`: keys the caller takes out first
 * (e.g. a batch job's `workers`), listed in the unknown-option message.
 */
export function optionsFromJson<O>(
  contract: AnyContract<O>,
  options: Record<string, unknown>,
  alsoAccepted: readonly string[] = [],
): O {
  const c = contract;
  const fields = optionFields(c);
  const known = new Set(fields.map((f) => f.key));
  for (const k of Object.keys(options)) {
    if (!known.has(k)) {
      throw new InputError(`unknown option '${k}'`, {
        field: c.apiNames === "key" ? "options" : `options.${k}`,
        expected: [...known, ...alsoAccepted].join(", "),
      });
    }
  }
  const given: Record<string, unknown> = {};
  for (const f of fields) {
    const v = options[f.key];
    const own = f.meta.fromJson;
    if (own && v !== undefined) {
      const read = own(v, `options.${f.key}`);
      if (read !== undefined) given[f.key] = read;
    } else if (v !== undefined && v !== null) given[f.key] = jsonValue(f, v, `options.${f.key}`, "api");
  }
  requireGiven(fields, given, (f) => `options.${f.key}`);
  return finish(c, fields, given, "api");
}

/** A library caller's object (JSON types, keys of the schema) → the typed options; messages name the flags. */
export function optionsFromValues<O>(contract: AnyContract<O>, values: Record<string, unknown>): O {
  const fields = optionFields(contract);
  const given: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v !== undefined) given[f.key] = jsonValue(f, v, f.cliName, "values");
  }
  requireGiven(fields, given, (f) => f.cliName);
  return finish(contract, fields, given, "values");
}

/**
 * commander's values (text, switches, lists of text), by the flags' attribute names → the typed
 * options. Other flags are ignored.
 */
export function optionsFromFlags<O>(contract: AnyContract<O>, flags: Record<string, unknown>): O {
  const c = contract;
  const fields = optionFields(c);
  const given: Record<string, unknown> = {};
  const cliText: Record<string, unknown> = {};
  /** Each option as typed, by key (for OptionMeta.refused). */
  const typed: Record<string, unknown> = {};
  for (const f of fields) {
    const v = flags[f.cliKey];
    if (v === undefined || (f.meta.blankIsUnset && v === "")) continue;
    typed[f.key] = v;
    if (f.meta.fromFlag) {
      given[f.key] = f.meta.fromFlag(String(v), f.cliName);
    } else if (f.kind === "records") {
      cliText[f.key] = v;
    } else if (f.kind === "number") {
      const x = typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
      if (!Number.isFinite(x)) {
        refuse(
          f,
          "flags",
          v,
          () => new InputError("not a number", { field: f.cliName, expected: f.meta.expected ?? rangeText(f), got: v }),
        );
      }
      given[f.key] = x;
    } else {
      given[f.key] = v;
    }
  }
  requireGiven(fields, { ...given, ...cliText }, (f) => f.cliName);
  return finish(c, fields, given, "flags", cliText, typed);
}
