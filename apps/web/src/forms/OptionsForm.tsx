/**
 * The option controls of an analysis, drawn from its contract's fields (./option-values.ts): a
 * select for a choice, a tick for a switch, a text area (or one line) for a list, a text field
 * for the rest; labels, placeholders, units and hints are the contract's.
 */
import type { OptionField } from "@adclab/analyses";
import type { FormValues } from "./option-values.ts";

function labelOf(f: OptionField): string {
  const label = f.meta.label ?? f.meta.description;
  return f.meta.unit ? `${label} (${f.meta.unit})` : label;
}

function Control({
  f,
  name,
  values,
  set,
}: {
  f: OptionField;
  name: string;
  values: FormValues;
  set: (key: string, v: string | boolean) => void;
}) {
  const text = typeof values[f.key] === "string" ? (values[f.key] as string) : "";
  const disabled = f.meta.requires !== undefined && values[f.meta.requires] !== true;
  if (f.kind === "switch") {
    return (
      <label className="inline" title={f.meta.description}>
        <input
          name={name}
          type="checkbox"
          checked={values[f.key] === true}
          onChange={(e) => set(f.key, e.target.checked)}
        />
        {labelOf(f)}
      </label>
    );
  }
  if (f.kind === "choice") {
    const optional = f.default === undefined;
    return (
      <label title={f.meta.description}>
        {labelOf(f)}
        <select name={name} value={text} onChange={(e) => set(f.key, e.target.value)}>
          {optional ? <option value="">{f.meta.unsetLabel ?? "—"}</option> : null}
          {(f.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {f.meta.choiceLabels?.[c] ?? c}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (f.kind === "list" && f.meta.listInput !== "words") {
    return (
      <label title={f.meta.description}>
        {labelOf(f)}
        <textarea
          name={name}
          rows={3}
          cols={32}
          value={text}
          placeholder={f.meta.placeholder}
          onChange={(e) => set(f.key, e.target.value)}
        />
      </label>
    );
  }
  return (
    <label title={f.meta.description}>
      {labelOf(f)}
      <input
        name={name}
        value={text}
        placeholder={f.meta.placeholder ?? f.meta.unsetLabel}
        size={f.kind === "list" ? 16 : 10}
        disabled={disabled}
        onChange={(e) => set(f.key, e.target.value)}
      />
    </label>
  );
}

export function OptionsForm({
  fields,
  values,
  onChange,
  name = (key) => key,
}: {
  fields: readonly OptionField[];
  values: FormValues;
  onChange: (v: FormValues) => void;
  /** Each control's name attribute (default: the option's key), unique when a page has two forms. */
  name?: (key: string) => string;
}) {
  const set = (key: string, v: string | boolean) => onChange({ ...values, [key]: v });
  return (
    <div className="row options-form">
      {fields.map((f) => (
        <Control key={f.key} f={f} name={name(f.key)} values={values} set={set} />
      ))}
    </div>
  );
}
