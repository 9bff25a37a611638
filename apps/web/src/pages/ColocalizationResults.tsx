/**
 * One co-localization result: for a single region the metric table, thresholds and Costes test
 * as `adclab coloc` prints them; for several (cells, slices) the per-row table; then the
 * cytofluorogram and a CSV export of the rows.
 */
import { type ColocJson, colocDisplay } from "@adclab/analyses/tables";
import { ApiImage, ApiLink } from "../auth/ApiLinks.tsx";

export function ColocalizationResults({ analysisId, result }: { analysisId: string; result: ColocJson }) {
  // The lines and cells `adclab coloc` prints, from the same builder.
  const { head, region, rows } = colocDisplay(result);
  return (
    <div data-testid="coloc-result" className="coloc-result">
      <h2>Results</h2>
      <p className="mono" data-testid="coloc-head">
        {head}
      </p>
      {region ? (
        <>
          <p className="mono" data-testid="coloc-thresholds">
            {region.thresholds}
          </p>
          <table data-testid="coloc-metrics">
            <thead>
              <tr>
                <th>metric</th>
                <th className="num">value</th>
              </tr>
            </thead>
            <tbody>
              {region.metrics.rows.map(([k, v]) => (
                <tr key={k}>
                  <td>{k}</td>
                  <td className="num">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {region.costes ? (
            <p className="mono" data-testid="coloc-costes">
              {region.costes}
            </p>
          ) : null}
          {region.warnings.map((w) => (
            <p key={w} className="notice">
              warning: {w}
            </p>
          ))}
        </>
      ) : null}
      {rows ? (
        <div className="coloc-scroll">
          <table data-testid="coloc-rows">
            <thead>
              <tr>
                {rows.headers.map((k) => (
                  <th key={k} className="num">
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.rows.map(([slice, cell, ...rest]) => (
                <tr key={`${slice}-${cell}`}>
                  <td className="num">{slice}</td>
                  <td className="num">{cell}</td>
                  {rest.map((v, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <td key={j} className="num">
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
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
        {region ? ", with the Costes regression line (white) and the thresholds (red)" : ""}.
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
