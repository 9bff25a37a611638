/**
 * Troubleshooter: observations in (the same document `adclab diagnose` reads), ranked
 * explanations with their evidence, and the next experiment with its protocol, from
 * POST /api/analyses/diagnose (the core's diagnose, as the CLI). The diagnosis' type is the core's,
 * and the probabilities and the rankings of the next experiment come from @adclab/analyses/tables,
 * as the CLI's text does.
 */
import {
  EXPERIMENT_RANKINGS,
  type ExperimentRankingKey,
  formatProbability,
  rankedExperiments,
} from "@adclab/analyses/tables";
import type { Diagnosis } from "@adclab/core";
import { type FormEvent, useState } from "react";
import { api } from "../api.ts";

/** Every assay not yet done, ranked by information alone, per day or per cost unit (as the CLI's table). */
function ExperimentTable({ d }: { d: Diagnosis }) {
  const [by, setBy] = useState<ExperimentRankingKey>("bits");
  const rows = rankedExperiments(d, by);
  return (
    <>
      <label>
        Rank the assays not yet done by{" "}
        <select value={by} style={{ width: "auto" }} onChange={(e) => setBy(e.target.value as ExperimentRankingKey)}>
          {Object.entries(EXPERIMENT_RANKINGS).map(([k, v]) => (
            <option key={k} value={k}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <table data-testid="experiments">
        <thead>
          <tr>
            <th>Assay</th>
            <th className="num">Bits (± MC SE)</th>
            <th className="num">Bits/day</th>
            <th className="num">Bits/cost unit</th>
            <th className="num">Days</th>
            <th>Cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.assayId}>
              <td>{e.name}</td>
              <td className="num">
                {e.expectedInformationGain_bits.toFixed(2)} ± {e.standardError_bits.toFixed(2)}
              </td>
              <td className="num">{e.perDay_bits.toFixed(2)}</td>
              <td className="num">{e.perCostUnit_bits.toFixed(2)}</td>
              <td className="num">{e.duration_days}</td>
              <td>{e.costClass}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function mechanismName(d: Diagnosis, id: string): string {
  return d.mechanisms.find((m) => m.id === id)?.name ?? id;
}

/** Where the source document's troubleshooting-table rows that the results show land in this ranking. */
function TableRows({ d }: { d: Diagnosis }) {
  if (!d.tableRows.length) return null;
  return (
    <div data-testid="table-rows">
      <h2>The source document's troubleshooting table</h2>
      <p className="hint">
        The rows whose observed issue these results show (a change counts when it exceeds the assay's 95% replicate
        range), and where the row's causes and suggested steps rank in the diagnosis above.
      </p>
      {d.tableRows.map((r) => (
        <div key={r.row}>
          <h3>
            Row {r.row}: {r.observedIssue}
          </h3>
          <ul>
            {r.causes.map((c) => (
              <li key={c.text}>
                Cause: {c.text} — {mechanismName(d, c.mechanism)} ranks #{c.rank} ({formatProbability(c.probability)})
              </li>
            ))}
            {r.steps.map((st) => (
              <li key={st.text}>
                Step: {st.text} —{" "}
                {st.done
                  ? "done"
                  : st.rank === undefined
                    ? "not ranked"
                    : `#${st.rank} of ${d.nextExperiments.length} by information gain (${st.expectedInformationGain_bits?.toFixed(2)} bits)`}
              </li>
            ))}
          </ul>
          {r.alsoOpen.length > 0 ? (
            <p>
              Also open, not a cause this row lists:{" "}
              {r.alsoOpen.map((m) => `${mechanismName(d, m.id)} ${formatProbability(m.probability)}`).join(", ")}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}

// examples/observations/kpl4-tdm1r.json: the KPL-4 T-DM1-resistant line (Li et al. 2018).
const EXAMPLE = `{
  "cell_line": "SK-BR-3",
  "observations": [
    { "id": "tdm1_ic50_fold", "value": 1000 },
    { "id": "surface_her2_ratio", "value": 0.3 },
    { "id": "mdr1_mrna_ratio", "value": 10 },
    { "id": "tariquidar_reversal_fold", "value": 10 }
  ]
}`;

const VERDICT_LABEL = { for: "for", against: "against", neutral: "neutral" } as const;

/**
 * The likelihood ratio of one result, for the candidate against its alternatives, as a factor:
 * "×12" for, "÷12" against (the core's log10BayesFactor; its verdict decides the label).
 */
export function bayesFactor(log10: number): string {
  const f = 10 ** Math.abs(log10);
  const s = f >= 100 ? f.toFixed(0) : f >= 10 ? f.toFixed(1) : f.toFixed(2);
  return `${log10 >= 0 ? "×" : "÷"}${s}`;
}

export function TroubleshooterPage() {
  const [text, setText] = useState(EXAMPLE);
  const [result, setResult] = useState<Diagnosis>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      setError(`observations: not valid JSON (${(err as Error).message})`);
      return;
    }
    setBusy(true);
    try {
      setResult(await api<Diagnosis>("/api/analyses/diagnose", { json: doc }));
    } catch (err) {
      setResult(undefined);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Troubleshooter</h1>
      <form onSubmit={submit} aria-label="Observations">
        <label>
          Observations (resistant ÷ parental unless stated; the format of <code>examples/observations/</code>)
          <textarea name="observations" rows={10} cols={70} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Diagnosing…" : "Diagnose"}
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div data-testid="diagnosis">
          <h2>Ranked explanations (against {result.cellLine})</h2>
          <table data-testid="candidates">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Explanation</th>
                <th className="num">Posterior</th>
                <th className="num">Prior</th>
              </tr>
            </thead>
            <tbody>
              {result.candidates.slice(0, 8).map((c) => (
                <tr key={c.rank}>
                  <td className="num">{c.rank}</td>
                  <td>{c.name}</td>
                  <td className="num">{formatProbability(c.posterior)}</td>
                  <td className="num">{formatProbability(c.prior)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Evidence</h2>
          <p className="hint">
            Each result is weighed by how much better the candidate predicted it than the other explanations did (given
            the remaining results): for, against, or neutral (within a factor of 2).
          </p>
          {result.candidates.slice(0, 3).map((c) => (
            <div key={c.rank}>
              <h3>
                {c.rank}. {c.name}
              </h3>
              <ul>
                {(c.evidence ?? []).map((ev) => (
                  <li key={ev.sentence} className={`evidence-${ev.verdict}`} data-verdict={ev.verdict}>
                    <strong className="verdict">{VERDICT_LABEL[ev.verdict]}</strong>{" "}
                    <span title="likelihood ratio of this result for the candidate against its alternatives">
                      ({bayesFactor(ev.log10BayesFactor)})
                    </span>{" "}
                    {ev.sentence}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {result.nextExperiments[0] ? (
            <>
              <h2>Next experiment</h2>
              <p data-testid="next-experiment">
                {result.nextExperiments[0].name} — {result.nextExperiments[0].expectedInformationGain_bits.toFixed(2)}{" "}
                bits expected, {result.nextExperiments[0].duration_days} d, {result.nextExperiments[0].costClass} cost
              </p>
              {result.nextProtocol ? (
                <details>
                  <summary>{result.nextProtocol.title}</summary>
                  <ol>
                    {result.nextProtocol.steps.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ol>
                </details>
              ) : null}
              <ExperimentTable d={result} />
            </>
          ) : null}
          <TableRows d={result} />
        </div>
      ) : null}
    </section>
  );
}
