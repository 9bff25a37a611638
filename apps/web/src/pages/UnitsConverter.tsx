/** The units converter: asks the API (POST /api/units/convert) and shows the line `adclab convert` prints. */
import { type FormEvent, useState } from "react";
import { api, type ConvertResult } from "../api.ts";
import { conversionLine } from "../format.ts";

export function UnitsConverter(props: { units: string[]; compounds: string[] }) {
  const [quantity, setQuantity] = useState("10 µg/mL");
  const [to, setTo] = useState("nM");
  const [compound, setCompound] = useState("T-DM1");
  const [result, setResult] = useState<ConvertResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await api<ConvertResult>("/api/units/convert", {
          json: { quantity, to, ...(compound ? { compound } : {}) },
        }),
      );
    } catch (err) {
      setResult(undefined);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="converter" onSubmit={submit} aria-label="Units converter">
      <h2>Units converter</h2>
      <p className="hint">
        Same rules as <code>adclab convert</code>: mass ↔ molar needs a molecular weight.
      </p>
      <div className="row">
        <label>
          Quantity
          <input name="quantity" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </label>
        <label>
          to
          <select name="to" value={to} onChange={(e) => setTo(e.target.value)}>
            {props.units.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <label>
          compound
          <select name="compound" value={compound} onChange={(e) => setCompound(e.target.value)}>
            <option value="">(none)</option>
            {props.compounds.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Convert
        </button>
      </div>
      <output data-testid="convert-result" aria-live="polite">
        {result ? conversionLine(result) : ""}
      </output>
      {result?.molecularWeightSource ? <p className="source">MW source: {result.molecularWeightSource}</p> : null}
      {error ? (
        <p className="error" role="alert" data-testid="convert-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
