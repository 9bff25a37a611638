/**
 * A coloc-batch job as the page shows it: its progress and how it ended, then the comparison of
 * conditions (the table `adclab coloc --batch` prints) with the three CSV tables to download.
 */
import type { ColocBatchSummary } from "@adclab/analyses";
import { useEffect, useMemo } from "react";
import type { Job } from "../data/use-job.ts";
import { formatNumber } from "../format.ts";

/** The stored result of a `coloc-batch` job: the batch summary (comparison and the three tables). */
export type BatchResult = ColocBatchSummary;

/** A number as the CLI's batch table prints it (formatTable: 5 significant digits). */
const num = (v: number) => formatNumber(v);

export function BatchJobStatus({
  job,
  running,
  unreachable,
  onCancel,
}: {
  job: Job;
  running: boolean;
  unreachable: string | undefined;
  onCancel: () => void;
}) {
  return (
    <div data-testid="batch-job" data-status={job.status}>
      <div className="row">
        <progress
          className="coloc-progress"
          max={job.progress.total}
          value={job.progress.done}
          aria-label="Batch progress"
        />
        <span data-testid="batch-progress">
          {job.progress.done} / {job.progress.total} — {running ? job.progress.message : job.status}
        </span>
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {job.status === "cancelled" ? (
        <p className="notice" role="status">
          Cancelled: the worker threads stopped and nothing was stored.
        </p>
      ) : null}
      {job.status === "failed" && job.error ? (
        <p className="error" role="alert">
          {job.error.message}
        </p>
      ) : null}
      {job.status === "interrupted" ? (
        <p className="error" role="alert">
          Interrupted after {job.progress.done} of {job.progress.total}:{" "}
          {job.error?.message ?? "the server stopped while this job ran; nothing was stored; submit it again"}.
        </p>
      ) : null}
      {unreachable && running ? (
        <p className="notice" role="status">
          Cannot reach the server ({unreachable}).
        </p>
      ) : null}
    </div>
  );
}

export function BatchComparison({ result, reference }: { result: BatchResult; reference: string }) {
  const links = useMemo(
    () =>
      Object.entries(result.tables).map(([name, text]) => ({
        name,
        href: URL.createObjectURL(new Blob([text], { type: "text/csv" })),
      })),
    [result],
  );
  useEffect(
    () => () => {
      for (const l of links) URL.revokeObjectURL(l.href);
    },
    [links],
  );
  return (
    <div data-testid="batch-result">
      <p>
        Analysed {result.images} image{result.images === 1 ? "" : "s"}
        {result.cells ? ` (${result.cells} cells)` : ""}. {result.metric}: {result.units} of each condition vs '
        {reference}'.
      </p>
      <table data-testid="batch-comparison">
        <thead>
          <tr>
            {["time_h", "condition", "n", `n ${reference}`, "median", `median ${reference}`, "MW P", "Welch P"].map(
              (h) => (
                <th key={h}>{h}</th>
              ),
            )}
            <th>diff [95% CI]</th>
          </tr>
        </thead>
        <tbody>
          {result.comparison.map((c) => (
            <tr key={`${c.time_h}-${c.condition}`}>
              <td className="num">{num(c.time_h)}</td>
              <td>{c.condition}</td>
              <td className="num">{num(c.nCondition)}</td>
              <td className="num">{num(c.nReference)}</td>
              <td className="num">{num(c.medianCondition)}</td>
              <td className="num">{num(c.medianReference)}</td>
              <td className="num">{num(c.mannWhitneyP)}</td>
              <td className="num">{c.welchP === null ? "—" : num(c.welchP)}</td>
              <td className="num">
                {c.ciLow === null
                  ? num(c.meanDifference)
                  : `${num(c.meanDifference)} [${num(c.ciLow)}, ${num(c.ciHigh as number)}]`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="row">
        {links.map((l) => (
          <a key={l.name} className="button" href={l.href} download={l.name}>
            {l.name}
          </a>
        ))}
      </p>
    </div>
  );
}
