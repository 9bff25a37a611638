/**
 * The options of a contract read back as plain descriptors: what kind of value each takes, its
 * choices, default and range. The CLI registers its flags from these, the API checks JSON types
 * by them, and the web page builds its form from them (apps/web/src/forms/).
 */
import type { z } from "zod";
import { type AnalysisContract, metaOf, type OptionMeta } from "./define.ts";

/**
 * - switch: true/false (a CLI flag without value)
 * - choice: one of a few strings
 * - number: a number (the CLI's text is converted)
 * - text: a string (numbers also accepted where the schema allows them, e.g. a molecular weight)
 * - list: a list of strings (a repeatable CLI flag)
 * - numbers: a list of numbers, or the CLI's comma-separated text
 */
export type OptionKind = "switch" | "choice" | "number" | "text" | "list" | "numbers";

export interface OptionField {
  key: string;
  kind: OptionKind;
  meta: OptionMeta;
  /** The CLI's long flag without its value name: "--compare". */
  cliName: string;
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

/** Strips optional/default/nullable wrappers, keeping the default. */
function unwrap(s: z.ZodType): { core: z.ZodType; default?: unknown } {
  let d = defOf(s);
  let dflt: unknown;
  let core = s;
  while (d.type === "optional" || d.type === "default" || d.type === "nullable" || d.type === "prefault") {
    if (d.type === "default") dflt = typeof d.defaultValue === "function" ? d.defaultValue() : d.defaultValue;
    core = d.innerType as z.ZodType;
    d = defOf(core);
  }
  return dflt === undefined ? { core } : { core, default: dflt };
}

function kindOf(core: z.ZodType, key: string, contractId: string): Omit<OptionField, "key" | "meta" | "cliName"> {
  const d = defOf(core);
  switch (d.type) {
    case "boolean":
      return { kind: "switch" };
    case "enum":
      return { kind: "choice", choices: Object.values(d.entries ?? {}) };
    case "string":
      return { kind: "text" };
    case "number": {
      const out: Omit<OptionField, "key" | "meta" | "cliName"> = { kind: "number" };
      for (const c of d.checks ?? []) {
        const cd = c._zod.def;
        // Exclusive bounds are left to the schema's own check (finish() in ./check.ts).
        if (cd.check === "greater_than" && cd.inclusive && cd.value !== undefined) out.minimum = cd.value;
        if (cd.check === "less_than" && cd.inclusive && cd.value !== undefined) out.maximum = cd.value;
        if (cd.check === "number_format" && cd.format?.includes("int")) out.integer = true;
      }
      return out;
    }
    case "array":
      if (defOf(d.element as z.ZodType).type === "string") return { kind: "list" };
      break;
    case "union": {
      const types = (d.options ?? []).map((o) => defOf(o));
      const has = (t: string) => types.some((x) => x.type === t);
      const numberArray = types.some((x) => x.type === "array" && defOf(x.element as z.ZodType).type === "number");
      if (has("string") && numberArray) return { kind: "numbers" };
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
    const { core, default: dflt } = unwrap(schema as z.ZodType);
    const cliName = meta.flag.split(/\s+/)[0] as string;
    return { key, meta, cliName, ...kindOf(core, key, contract.id), ...(dflt === undefined ? {} : { default: dflt }) };
  });
}
