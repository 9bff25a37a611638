/** Library: the source documents' resistant lines, the molecular weights we use, and the units converter. */
import { useEffect, useState } from "react";
import { api, type Library } from "../api.ts";
import { formatNumber } from "../format.ts";
import { UnitsConverter } from "./UnitsConverter.tsx";

export function LibraryPage() {
  const [library, setLibrary] = useState<Library>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Library>("/api/library").then(setLibrary, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p className="error">Could not load the library: {error}</p>;
  if (!library) return <p aria-busy="true">Loading the library…</p>;
  return (
    <section>
      <h1>Library</h1>
      <h2>Resistant cell lines in the source documents</h2>
      <p className="hint">Fold resistance = resistant IC50 / parental IC50. The documents call these example data.</p>
      <table data-testid="seed-table">
        <thead>
          <tr>
            <th>Cell line</th>
            <th>ADC</th>
            <th className="num">Parental IC50 (nM)</th>
            <th className="num">Resistant IC50 (nM)</th>
            <th className="num">Fold</th>
            <th>Reported mechanism</th>
            <th>Primary source</th>
          </tr>
        </thead>
        <tbody>
          {library.seedTable.map((r) => (
            <tr key={`${r.cellLine}-${r.adc}`}>
              <td>{r.cellLine}</td>
              <td>{r.adc}</td>
              <td className="num">{formatNumber(r.parentalIc50_nM)}</td>
              <td className="num">
                {r.resistantIsLowerBound ? ">" : ""}
                {formatNumber(r.resistantIc50_nM)}
              </td>
              <td className="num">{formatNumber(r.foldResistance)}</td>
              <td>{r.mechanismText}</td>
              <td className="source">{r.primarySource}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Molecular weights</h2>
      <table data-testid="mw-table">
        <thead>
          <tr>
            <th>Compound</th>
            <th className="num">g/mol</th>
            <th>Formula</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {library.molecularWeights.map((m) => (
            <tr key={m.compound}>
              <td>{m.compound}</td>
              <td className="num">{m.value_g_per_mol.toLocaleString("en-US")}</td>
              <td>{m.formula ?? ""}</td>
              <td className="source">{m.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <UnitsConverter units={library.concentrationUnits} compounds={library.molecularWeights.map((m) => m.compound)} />
    </section>
  );
}
