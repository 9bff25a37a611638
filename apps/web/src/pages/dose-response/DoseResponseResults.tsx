/**
 * A stored dose–response analysis shown as `adclab fit` prints it: the same tables (built by
 * @adclab/analyses/tables), the constraint line, warnings, the figure drawn by the server, and
 * SVG / PNG / CSV exports.
 */
import {
  comparisonTable,
  constraintLine,
  curveTable,
  type DisplayTable,
  type FitJson,
  reversalTable,
} from "@adclab/analyses/tables";
import { ApiImage, ApiLink } from "../../auth/ApiLinks.tsx";
import { curvesCsv } from "./DoseResponseFormat.ts";

export interface StoredFit {
  id: string;
  kind: string;
  status: string;
  inputs: { file?: { fileId: string; name: string } };
  options: Record<string, unknown>;
  results: FitJson | null;
  error?: { message?: string } | null;
  createdAt: string;
}

function TableView({ table, testId, label }: { table: DisplayTable; testId: string; label: string }) {
  return (
    <div className="dose-scroll">
      <table data-testid={testId} aria-label={label}>
        <thead>
          <tr>
            {table.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <tr key={i}>
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={j} className={j > 0 && /^[<>]?[-−\d∞]/.test(c) ? "num" : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function downloadText(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DoseResponseResults({ analysis, r }: { analysis: StoredFit; r: FitJson }) {
  const base = r.file.replace(/\.[^.]+$/, "");
  return (
    <div data-testid="dose-results">
      <h2>
        {r.file} — {r.model}
        {r.model !== "gr"
          ? `, response ${r.responseUnit === "%" ? "% of vehicle" : "raw"} (normalization: ${r.normalization})`
          : ""}
      </h2>
      <TableView table={curveTable(r)} testId="dose-curves" label="Curves" />
      {constraintLine(r) ? (
        <p className="hint" data-testid="dose-constraints">
          {constraintLine(r)}
        </p>
      ) : null}
      {r.comparisons.length ? (
        <>
          <h3>{comparisonTable(r).title}</h3>
          <TableView table={comparisonTable(r)} testId="dose-comparisons" label="Comparisons" />
        </>
      ) : null}
      {r.reversals?.length ? (
        <>
          <h3>{reversalTable(r).title}</h3>
          <TableView table={reversalTable(r)} testId="dose-reversals" label="Inhibitor reversal" />
        </>
      ) : null}
      {r.warnings.length ? (
        <ul className="hint" data-testid="dose-warnings">
          {r.warnings.map((w) => (
            <li key={w}>warning: {w}</li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <ApiLink
          className="button"
          path={`/api/analyses/${analysis.id}/figure`}
          download={`${base}.svg`}
          data-testid="dose-svg"
        >
          Export SVG
        </ApiLink>
        <ApiLink
          className="button"
          path={`/api/analyses/${analysis.id}/figure?format=png`}
          download={`${base}.png`}
          data-testid="dose-png"
        >
          Export PNG
        </ApiLink>
        <button
          type="button"
          data-testid="dose-csv"
          onClick={() => downloadText(`${base}.csv`, curvesCsv(r), "text/csv")}
        >
          Export CSV
        </button>
      </div>
      <figure className="dose-figure">
        <ApiImage
          path={`/api/analyses/${analysis.id}/figure`}
          alt={`dose–response curves of ${r.file}`}
          data-testid="dose-figure"
        />
      </figure>
      <p className="hint">
        Stored as analysis {analysis.id.slice(0, 8)} with the file's SHA-256, the options and the ADCLab version (
        <ApiLink path={`/api/analyses/${analysis.id}`}>JSON</ApiLink>).
      </p>
    </div>
  );
}
