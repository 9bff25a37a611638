/**
 * The options of a contract read back as plain descriptors: what kind of value each takes, its
 * choices, default and range. The CLI registers its flags from these, the API checks JSON types
 * by them, and the web page builds its form from them (apps/web/src/forms/).
 */
import type { z } from "zod";
import { type AnalysisContract, isPositional, metaOf, type OptionMeta } from "./define.ts";

/**
 * - switch: true/false (a CLI flag without value)
 * - choice: one of a few strings
 * - number: a number (the CLI's text is converted)
 * - text: a string (numbers also accepted where the schema allows them, e.g. a molecular weight)
 * - list: a list of strings (a repeatable CLI flag)
 * - numbers: a list of numbers, or the CLI's comma-separated text
 * - texts: a list of text, or one text (the CLI's comma-separated list, split by `parse`)
 * - records: a list of objects, e.g. [{ id, strength }]; the CLI spells each as text
 *   ("slc46a3-loss=6", a repeatable flag), which reaches the contract's `parse` as it is: `parse`
 *   reads both spellings, the schema checks the JSON one
 */
export type OptionKind = "switch" | "choice" | "number" | "text" | "list" | "numbers" | "texts" | "records";

export interface OptionField {
  key: string;
  kind: OptionKind;
  meta: OptionMeta;
  /** The CLI's long flag without its value name: "--compare". */
  cliName: string;
  /** Where commander puts the flag's value (its camelCase name): "compare", "absoluteEc". */
  cliKey: string;
  /** The schema requires it (no default, not optional). */
  required: boolean;
  /** For a choice: its values, in order. */
  choices?: readonly string[];
  /** The schema's default, if it has one. */
  default?: unknown;
  /** Inclusive bounds of a number, when the schema states them. */
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  /** text kind: a JSON number is accepted too. */
  acceptsNumber?: boolean;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  entries?: Record<string, string>;
  element?: z.ZodType;
  options?: z.ZodType[];
  checks?: { _zod: { def: { check: string; value?: number; inclusive?: boolean; format?: string } } }[];
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/nullable wrappers, keeping the default; required when there was none. */
function unwrap(s: z.ZodType): { core: z.ZodType; required: boolean; default?: unknown } {
  let d = defOf(s);
  let dflt: unknown;
  let core = s;
  let required = true;
  while (d.type === "optional" || d.type === "default" || d.type === "nullable" || d.type === "prefault") {
    if (d.type === "default") dflt = typeof d.defaultValue === "function" ? d.defaultValue() : d.defaultValue;
    if (d.type !== "nullable") required = false;
    core = d.innerType as z.ZodType;
    d = defOf(core);
  }
  return dflt === undefined ? { core, required } : { core, required, default: dflt };
}

/** commander's attribute name of a long flag: "--rout-q" → "routQ". */
/** commander's attribute name of a flag: "--absolute-ec" → "absoluteEc", "--no-kendall" → "kendall". */
const camel = (flag: string) =>
  flag.replace(/^--(no-)?/, "").replace(/-([a-z0-9])/gi, (_, c: string) => c.toUpperCase());

type Kind = Omit<OptionField, "key" | "meta" | "cliName" | "cliKey" | "required">;

function kindOf(core: z.ZodType, key: string, contractId: string): Kind {
  const d = defOf(core);
  switch (d.type) {
    case "boolean":
      return { kind: "switch" };
    case "enum":
      return { kind: "choice", choices: Object.values(d.entries ?? {}) };
    case "string":
      return { kind: "text" };
    case "number": {
      const out: Kind = { kind: "number" };
      for (const c of d.checks ?? []) {
        const cd = c._zod.def;
        // Exclusive bounds are left to the schema's own check (finish() in ./check.ts).
        if (cd.check === "greater_than" && cd.inclusive && cd.value !== undefined) out.minimum = cd.value;
        if (cd.check === "less_than" && cd.inclusive && cd.value !== undefined) out.maximum = cd.value;
        if (cd.check === "number_format" && cd.format?.includes("int")) out.integer = true;
      }
      return out;
    }
    case "array": {
      const element = defOf(d.element as z.ZodType).type;
      if (element === "string") return { kind: "list" };
      if (element === "object") return { kind: "records" };
      break;
    }
    case "union": {
      const types = (d.options ?? []).map((o) => defOf(o));
      const has = (t: string) => types.some((x) => x.type === t);
      const arrayOf = (t: string) => types.some((x) => x.type === "array" && defOf(x.element as z.ZodType).type === t);
      if (has("string") && arrayOf("number")) return { kind: "numbers" };
      if (has("string") && arrayOf("string") && types.length === 2) return { kind: "texts" };
      if (has("string")) return { kind: "text", acceptsNumber: has("number") };
      break;
    }
  }
  throw new Error(`${contractId}: option '${key}' has a schema the faces cannot present (${d.type})`);
}

/** The options of a contract, in the schema's order. */
export function optionFields(contract: Pick<AnalysisContract, "id" | "options">): OptionField[] {
  return Object.entries(contract.options.shape).map(([key, schema]) => {
    const meta = metaOf(contract, key);
    const { core, required, default: dflt } = unwrap(schema as z.ZodType);
    const cliName = meta.flag.split(/\s+/)[0] as string;
    return {
      key,
      meta,
      cliName,
      cliKey: camel(cliName),
      required,
      ...kindOf(core, key, contract.id),
      ...(dflt === undefined ? {} : { default: dflt }),
    };
  });
}

/** The faces whose users name options and files in their own words (a library caller reads the CLI's). */
export type NamingFace = "cli" | "api";

/**
 * What a face's user calls an option or a file slot of the contract, for messages: the CLI's flag
 * or argument ("--ch1", "IMAGE"); the API's `inputs.<slot>`, and for an option the flag, or
 * `options.<key>` with `apiNames: "key"`. Any other key is its own name.
 */
export function faceNames(
  contract: Pick<AnalysisContract, "id" | "files" | "options" | "apiNames">,
  face: NamingFace,
): (key: string) => string {
  return (key) => {
    const slot = contract.files[key];
    if (slot) {
      if (face === "api") return `inputs.${key}`;
      return isPositional(slot) ? (slot.cliField ?? key.toUpperCase()) : (slot.cli.split(/\s+/)[0] as string);
    }
    if (!(key in contract.options.shape)) return key;
    if (face === "api" && contract.apiNames === "key") return `options.${key}`;
    return metaOf(contract, key).flag.split(/\s+/)[0] as string;
  };
}
