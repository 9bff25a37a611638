/**
 * Observations as users give them (a parsed JSON or YAML document, or one interactive answer),
 * checked against the vocabulary: known id, a number (or yes/no) in range, the right unit, and no
 * contradictions between results. Every problem is an InputError naming the field.
 *
 * Accepted shape:
 *   cell_line: SK-BR-3            # optional: the parental line (a likelihood table must exist)
 *   observations:
 *     tdm1_ic50_fold: 25          # a bare number is in the observation's own unit
 *     surface_her2_ratio: { value: 30, unit: "%" }
 *     tubulin_mutation_found: no
 *     free_dm1_ic50_fold: { resistant: 0.21, parental: 0.19, unit: nM }   # ratio taken here
 * or `observations` as a list of { id, value, unit? } (duplicates are rejected).
 */
import { z } from "zod";
import { InputError } from "../errors/input-error.ts";
import type { ObservationId } from "../knowledge/observation-ids.ts";
import { findObservation, OBSERVATION_IDS, type ObservationDefinition } from "./observations.ts";

export interface ObservedValue {
  id: ObservationId;
  /** In the observation's canonical unit (fold/ratio, pH units, 1/0 for yes/no). */
  value: number;
}

export interface ObservationSet {
  cellLine?: string;
  observations: ObservedValue[];
}

const scalar = z.union([z.number(), z.boolean(), z.string()]);
const withUnit = z.object({ value: scalar, unit: z.string().optional() }).strict();
/** Both lines' raw read-outs (e.g. IC50s in nM, pH values): the ratio or difference is taken here. */
const pairOfLines = z.object({ resistant: z.number(), parental: z.number(), unit: z.string().optional() }).strict();
const entry = z.union([scalar, withUnit, pairOfLines]);
const listItem = z.object({ id: z.string(), value: scalar, unit: z.string().optional() }).strict();
const documentSchema = z
  .object({
    cell_line: z.string().optional(),
    observations: z.union([z.record(z.string(), entry), z.array(listItem)]),
  })
  .strict();

/** Unit spellings accepted for each canonical unit, with the factor to the canonical value. */
const UNIT_ALIASES: Record<string, Record<string, number>> = {
  fold: { fold: 1, x: 1, "×": 1, ratio: 1 },
  ratio: { ratio: 1, fold: 1, x: 1, "×": 1, "%": 0.01, percent: 0.01 },
  "pH units": { "pH units": 1, ph: 1, "ph units": 1, pH: 1 },
  "yes/no": { "yes/no": 1, boolean: 1 },
};

function fieldOf(id: string): string {
  return `observations.${id}`;
}

function toNumber(def: ObservationDefinition, raw: number | boolean | string, field: string): number {
  if (def.kind === "binary") {
    if (typeof raw === "boolean") return raw ? 1 : 0;
    const s = String(raw).trim().toLowerCase();
    if (["yes", "y", "true", "found", "1"].includes(s)) return 1;
    if (["no", "n", "false", "not found", "0"].includes(s)) return 0;
    throw new InputError(`${def.label} is a yes/no result`, { field, expected: "yes or no", got: raw });
  }
  const x = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(x)) {
    throw new InputError(`${def.label} must be a number (${def.unit})`, {
      field,
      expected: `a number in ${def.unit}`,
      got: raw,
    });
  }
  return x;
}

function convertUnit(def: ObservationDefinition, value: number, unit: string | undefined, field: string): number {
  if (unit === undefined) return value;
  const table = UNIT_ALIASES[def.unit]!;
  const key = Object.keys(table).find((k) => k.toLowerCase() === unit.trim().toLowerCase());
  if (key === undefined) {
    throw new InputError(`wrong unit '${unit}' for ${def.id}: it is ${def.description}`, {
      field,
      expected: `unit ${Object.keys(table).join(" or ")}`,
      got: unit,
    });
  }
  return value * table[key]!;
}

/** Check one value and return it in canonical units. */
export function parseObservedValue(id: string, raw: unknown, unit?: string): ObservedValue {
  const field = fieldOf(id);
  const def = findObservation(id);
  if (!def) {
    throw new InputError(`unknown observation '${id}'`, { field, expected: `one of ${OBSERVATION_IDS.join(", ")}` });
  }
  const parsedScalar = scalar.safeParse(raw);
  if (!parsedScalar.success) {
    throw new InputError(`${def.label} must be a number or yes/no`, { field, expected: def.unit, got: raw });
  }
  const value = convertUnit(def, toNumber(def, parsedScalar.data, field), unit, field);
  if (def.kind !== "binary" && !(value >= def.min && value <= def.max)) {
    throw new InputError(`${def.label} ${value} is out of range: ${def.description}`, {
      field,
      expected: `${def.min} to ${def.max} ${def.unit}${def.kind === "fold" ? " (a resistant/parental ratio, 1 = unchanged)" : ""}`,
      got: value,
    });
  }
  return { id: def.id, value };
}

/**
 * Results that cannot all be true. An inhibitor or a PI3K inhibitor cannot restore sensitivity by
 * more than the resistance there is (beyond a 3-fold allowance for assay noise): resistant cells do
 * not become more sensitive than their parents.
 */
export function checkContradictions(observations: readonly ObservedValue[]): void {
  const get = (id: ObservationId) => observations.find((o) => o.id === id)?.value;
  const tdm1 = get("tdm1_ic50_fold");
  if (tdm1 === undefined) return;
  for (const id of [
    "verapamil_reversal_fold",
    "tariquidar_reversal_fold",
    "mk571_reversal_fold",
    "ko143_reversal_fold",
    "pi3k_inhibitor_reversal_fold",
  ] as const) {
    const r = get(id);
    if (r !== undefined && r > 3 * Math.max(tdm1, 1)) {
      throw new InputError(
        `contradiction: ${id} = ${r} restores more sensitivity than the ${tdm1}-fold T-DM1 resistance (tdm1_ic50_fold) there is to restore`,
        {
          field: fieldOf(id),
          expected: `at most about ${3 * Math.max(tdm1, 1)} given tdm1_ic50_fold = ${tdm1}`,
          got: r,
        },
      );
    }
  }
}

/**
 * A resistant/parental pair of raw read-outs in the same unit (which cancels): their ratio for
 * fold/ratio observations, their difference for shifts (e.g. two lysosomal pH values).
 */
export function fromPair(id: string, resistant: number, parental: number): number {
  const field = fieldOf(id);
  const def = findObservation(id);
  if (!def) {
    throw new InputError(`unknown observation '${id}'`, { field, expected: `one of ${OBSERVATION_IDS.join(", ")}` });
  }
  if (def.kind === "binary") {
    throw new InputError(`${def.label} is a yes/no result, not a pair of values`, { field, expected: "yes or no" });
  }
  if (def.kind === "shift") return resistant - parental;
  if (!(resistant > 0 && parental > 0)) {
    throw new InputError(`${def.label}: resistant and parental values must both be positive`, {
      field,
      expected: "two positive numbers in the same unit",
      got: `${resistant}, ${parental}`,
    });
  }
  return resistant / parental;
}

/** Parse a whole observation document (already decoded from JSON or YAML). */
export function parseObservationSet(doc: unknown): ObservationSet {
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join(".");
    throw new InputError(`observation file: ${issue.message}`, {
      field: path || "(top level)",
      expected:
        "{ cell_line?: string, observations: { <id>: number | yes/no | { value, unit } | { resistant, parental, unit } } }",
    });
  }
  const raw = parsed.data.observations;
  const items: { id: string; value: unknown; unit?: string | undefined }[] = Array.isArray(raw)
    ? raw
    : Object.entries(raw).map(([id, v]) => {
        if (typeof v !== "object" || v === null) return { id, value: v };
        if ("resistant" in v) return { id, value: fromPair(id, v.resistant, v.parental) };
        return { id, value: v.value, unit: v.unit };
      });
  const out: ObservedValue[] = [];
  for (const it of items) {
    const o = parseObservedValue(it.id, it.value, it.unit);
    const dup = out.find((x) => x.id === o.id);
    if (dup) {
      if (dup.value !== o.value) {
        throw new InputError(
          `contradiction: ${o.id} is given twice with different values (${dup.value} and ${o.value})`,
          {
            field: fieldOf(o.id),
            expected: "one value per observation (average replicates first)",
          },
        );
      }
      continue;
    }
    out.push(o);
  }
  if (out.length === 0)
    throw new InputError("no observations given", { field: "observations", expected: "at least one observation" });
  checkContradictions(out);
  return parsed.data.cell_line === undefined
    ? { observations: out }
    : { cellLine: parsed.data.cell_line, observations: out };
}
