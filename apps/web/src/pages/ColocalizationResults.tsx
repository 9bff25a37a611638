/**
 * One co-localization result: for a single region the metric table, thresholds and Costes test
 * as `adclab coloc` prints them; for several (cells, slices) the per-row table; then the
 * cytofluorogram and a CSV export of the rows.
 */
import { ApiImage, ApiLink } from "../auth/ApiLinks.tsx";
import { type ColocJson, costesLine, fmt, headLine, METRIC_COLUMNS, thresholdLine } from "./ColocalizationFormat.ts";

export function ColocalizationResults({ analysisId, result }: { analysisId: string; result: ColocJson }) {
  const single = result.rows.length === 1 ? result.rows[0] : undefined;
  return (
    <div data-testid="coloc-result" className="coloc-result">
      <h2>Results</h2>
      <p className="mono" data-testid="coloc-head">
        {headLine(result)}
      </p>
      {single ? (
        <>
          <p className="mono" data-testid="coloc-thresholds">
            {thresholdLine(single)}
          </p>
          <table data-testid="coloc-metrics">
            <thead>
              <tr>
                <th>metric</th>
                <th className="num">value</th>
              </tr>
            </thead>
            <tbody>
              {METRIC_COLUMNS.slice(0, 11).map(([k, f]) => (
                <tr key={k}>
                  <td>{k}</td>
                  <td className="num">{fmt(f(single))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {single.costes ? (
            <p className="mono" data-testid="coloc-costes">
              {costesLine(single)}
            </p>
          ) : null}
          {single.thresholds.warnings.map((w) => (
            <p key={w} className="notice">
              warning: {w}
            </p>
          ))}
        </>
      ) : (
        <div className="coloc-scroll">
          <table data-testid="coloc-rows">
            <thead>
              <tr>
                {["slice", "cell", "pixels", ...METRIC_COLUMNS.map(([k]) => k)].map((k) => (
                  <th key={k} className="num">
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={`${r.slice}-${r.label}`}>
                  <td className="num">{r.slice ?? ""}</td>
                  <td className="num">{r.label ?? ""}</td>
                  <td className="num">{r.nPixels}</td>
                  {METRIC_COLUMNS.map(([k, f]) => (
                    <td key={k} className="num">
                      {fmt(f(r))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="row">
        <ApiLink
          className="button"
          path={`/api/analyses/${analysisId}/coloc-rows.csv`}
          download
          data-testid="coloc-csv"
        >
          Export CSV
        </ApiLink>
        <ApiLink
          path={`/api/analyses/${analysisId}/cytofluorogram?format=svg`}
          download={`cytofluorogram-${analysisId.slice(0, 8)}.svg`}
        >
          Cytofluorogram as SVG
        </ApiLink>
      </p>
      <h3>Cytofluorogram</h3>
      <p className="hint">
        The 2-D histogram of the region's (channel 1, channel 2) intensities on a log colour scale
        {single ? ", with the Costes regression line (white) and the thresholds (red)" : ""}.
      </p>
      <ApiImage
        data-testid="coloc-cytofluorogram"
        path={`/api/analyses/${analysisId}/cytofluorogram`}
        alt={`cytofluorogram of ${result.image.file}`}
        width={500}
      />
    </div>
  );
}
