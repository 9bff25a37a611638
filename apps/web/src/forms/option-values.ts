/**
 * An analysis's options as a form holds them (text, ticks) and back: the form's controls come
 * from the contract's schema (optionFields), so an option added to the schema is a control here
 * with no edit. The API receives only what the user set; it checks the values itself.
 */
import { type AnalysisContract, type OptionField, optionFields } from "@adclab/analyses";

/** What a form holds for one option: a tick for a switch, text for everything else. */
export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

/** The contract's options in `order` (keys; those not named follow in the schema's order). */
export function formFields(contract: AnalysisContract, order: readonly string[] = []): OptionField[] {
  const fields = optionFields(contract);
  const rank = (f: OptionField) => {
    const i = order.indexOf(f.key);
    return i === -1 ? order.length + fields.indexOf(f) : i;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

const listItems = (f: OptionField, text: string) =>
  (f.meta.listInput === "words" ? text.split(/[\s,]+/) : text.split("\n")).map((s) => s.trim()).filter((s) => s !== "");

/** The form before the user touches it: the schema's defaults. */
export function initialValues(fields: readonly OptionField[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.kind === "switch") out[f.key] = f.default === true;
    else if (f.kind === "list") out[f.key] = Array.isArray(f.default) ? f.default.join("\n") : "";
    else out[f.key] = f.default === undefined ? "" : String(f.default);
  }
  return out;
}

/** The API's `options`: each option the user set, as the API takes it (lists as lists, the rest as text). */
export function optionsFromForm(fields: readonly OptionField[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === "switch") {
      // A switch the schema has on (e.g. Kendall's τ-b) is sent only when turned off.
      if (v === true && f.default !== true) out[f.key] = true;
      if (v === false && f.default === true) out[f.key] = false;
      continue;
    }
    if (f.meta.requires && values[f.meta.requires] !== true) continue;
    const text = typeof v === "string" ? v.trim() : "";
    if (text === "") continue;
    if (f.kind === "list") {
      const items = listItems(f, text);
      if (items.length) out[f.key] = items;
    } else if (f.kind === "number") out[f.key] = Number(text);
    else out[f.key] = text;
  }
  return out;
}

/** A stored analysis's options back in the form (to show what it was run with). */
export function formFromOptions(fields: readonly OptionField[], options: Record<string, unknown>): FormValues {
  const out = initialValues(fields);
  for (const f of fields) {
    const v = options[f.key];
    if (v === undefined || v === null) continue;
    if (f.kind === "switch") out[f.key] = v === true;
    else if (Array.isArray(v))
      out[f.key] = v.map(String).join(f.meta.listInput === "words" ? ", " : f.kind === "numbers" ? "," : "\n");
    else out[f.key] = String(v);
  }
  return out;
}
