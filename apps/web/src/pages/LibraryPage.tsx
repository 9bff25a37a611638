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
      <h2>Cell lines</h2>
      <table data-testid="cell-lines">
        <thead>
          <tr>
            <th>Cell line</th>
            <th>Description</th>
            <th className="num">HER2 / cell</th>
            <th className="num">Doubling (h)</th>
            <th>Sources</th>
          </tr>
        </thead>
        <tbody>
          {library.cellLines.map((c) => (
            <tr key={c.id}>
              <td>{c.id}</td>
              <td>{c.description}</td>
              <td className="num">{formatNumber(c.her2PerCell.value)}</td>
              <td className="num">{formatNumber(c.doublingTime_h.value)}</td>
              <td className="source">
                HER2: {c.her2PerCell.source} ({c.her2PerCell.solidity}). Doubling: {c.doublingTime_h.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Resistance mechanisms</h2>
      <table data-testid="mechanisms">
        <thead>
          <tr>
            <th>Mechanism</th>
            <th>What it changes in the model (strength s)</th>
            <th className="num">s range</th>
            <th>Literature</th>
          </tr>
        </thead>
        <tbody>
          {library.mechanisms.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                <br />
                <code>{m.id}</code>
              </td>
              <td>{m.changes}</td>
              <td className="num">
                {m.bounds.min}–{m.bounds.max}
              </td>
              <td className="source">{m.literature}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Model parameters</h2>
      <table data-testid="parameters">
        <thead>
          <tr>
            <th>Parameter</th>
            <th className="num">Value</th>
            <th>Units</th>
            <th>Meaning</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {library.parameters.map((p) => (
            <tr key={p.name}>
              <td>
                <code>{p.name}</code>
              </td>
              <td className="num">{formatNumber(p.value)}</td>
              <td>{p.units}</td>
              <td>{p.description}</td>
              <td className="source">
                {p.source} ({p.solidity})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Protocols</h2>
      <div data-testid="protocols">
        {library.protocols.map((p) => (
          <details key={p.id}>
            <summary>{p.title}</summary>
            <p>{p.purpose}</p>
            <h3>Materials</h3>
            <ul>
              {p.materials.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <h3>Steps</h3>
            <ol>
              {p.steps.map((st) => (
                <li key={st}>{st}</li>
              ))}
            </ol>
            <p>
              <strong>Analysis:</strong> {p.analysis}
            </p>
            <p className="source">Sources: {p.sources.join("; ")}</p>
          </details>
        ))}
      </div>
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
