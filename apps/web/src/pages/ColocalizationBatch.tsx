/**
 * A whole experiment at once (`adclab coloc --batch`): upload the images (and label images) and a
 * design table (image → condition, time_h), start a `coloc-batch` job on the server's worker
 * threads, follow its progress, cancel it, and see the comparison of conditions with the three
 * tables to download. The result is stored only when every image succeeded. The job is kept by the
 * server, so polling carries on through a restart of the server and then shows how it ended
 * (interrupted, when the server stopped while it ran).
 */
import { COLOC_METRICS, type ColocBatchSummary, colocContract } from "@adclab/analyses";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, type Experiment, type RawFile } from "../api.ts";
import { formatNumber } from "../format.ts";
import { OptionsForm } from "../forms/OptionsForm.tsx";
import { formFields, initialValues, optionsFromForm } from "../forms/option-values.ts";
import { uploadTo } from "./ColocalizationPage.tsx";

export interface Job {
  id: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";
  progress: { done: number; total: number; message: string };
  analysisId: string | null;
  error: { message: string } | null;
}

/** The stored result of a `coloc-batch` job: the batch summary (comparison and the three tables). */
type BatchResult = ColocBatchSummary;

const METRICS = Object.keys(COLOC_METRICS);
/** Every option of one image's analysis applies to each image of the batch. */
const FIELDS = formFields(colocContract);
/** Names apart from the single-image form's; the browser test finds the shuffles by name. */
const controlName = (key: string) => (key === "costesIterations" ? "batchIterations" : `batch-${key}`);

/** A number as the CLI's batch table prints it (formatTable: 5 significant digits). */
const num = (v: number) => formatNumber(v);

export function ColocalizationBatch({ ensure }: { ensure: () => Promise<Experiment> }) {
  const [files, setFiles] = useState<RawFile[]>([]);
  const [design, setDesign] = useState<RawFile>();
  const [reference, setReference] = useState("parental");
  const [metric, setMetric] = useState("pearson");
  const [optionValues, setOptionValues] = useState(() => initialValues(FIELDS));
  const [job, setJob] = useState<Job>();
  const [result, setResult] = useState<BatchResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const experimentId = useRef<string | undefined>(undefined);

  async function upload(list: FileList | null, isDesign: boolean) {
    if (!list?.length) return;
    setError(undefined);
    setBusy("Uploading…");
    try {
      const e = await ensure();
      experimentId.current = e.id;
      const stored: RawFile[] = [];
      for (const f of Array.from(list)) stored.push(await uploadTo(e.id, f));
      if (isDesign) setDesign(stored[0]);
      else setFiles((old) => [...old, ...stored]);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  async function start(e: FormEvent) {
    e.preventDefault();
    if (!design || !experimentId.current) return;
    setError(undefined);
    setResult(undefined);
    try {
      const options = { reference, metric, ...optionsFromForm(FIELDS, optionValues) };
      setJob(
        await api<Job>(`/api/experiments/${experimentId.current}/jobs`, {
          json: { kind: "coloc-batch", inputs: { design: design.id }, options },
        }),
      );
    } catch (err) {
      setError((err as Error).message);
    }
  }

  // Poll the running job; fetch the stored result once it is done. While the server cannot be
  // reached (a restart), say so and keep trying: the job is still there when it is back.
  const [unreachable, setUnreachable] = useState<string>();
  useEffect(() => {
    if (job?.status !== "running" && job?.status !== "queued") return;
    const t = setTimeout(
      async () => {
        try {
          const next = await api<Job>(`/api/jobs/${job.id}`);
          if (next.status === "done") {
            const a = await api<{ results: BatchResult }>(`/api/jobs/${job.id}/result`);
            setResult(a.results);
          }
          setUnreachable(undefined);
          setJob(next);
        } catch (err) {
          if (err instanceof ApiError && err.status < 500) {
            setUnreachable(undefined);
            setError(err.message);
          } else {
            setUnreachable(`${(err as Error).message}; trying again`);
            setJob({ ...job }); // the same job: poll again
          }
        }
      },
      unreachable ? 2000 : 250,
    );
    return () => clearTimeout(t);
  }, [job, unreachable]);

  async function cancel() {
    if (!job) return;
    try {
      setJob(await api<Job>(`/api/jobs/${job.id}/cancel`, { method: "POST" }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const running = job?.status === "running" || job?.status === "queued";
  return (
    <section className="coloc-batch" aria-label="Batch">
      <h2>A whole experiment (batch)</h2>
      <p className="hint">
        As <code>adclab coloc --batch FOLDER --design design.csv</code>: the design table (CSV with columns image,
        condition, time_h and optionally image2, mask, labels) names the uploaded files; each condition is compared with
        the reference at each chase time. The images run on the server's worker threads.
      </p>
      <form onSubmit={start} aria-label="Batch options">
        <div className="row">
          <label>
            Images and label images
            <input
              name="batchImages"
              type="file"
              multiple
              accept=".tif,.tiff,image/tiff"
              onChange={(e) => upload(e.target.files, false)}
            />
          </label>
          <label>
            Design table
            <input
              name="design"
              type="file"
              accept=".csv,.tsv,text/csv"
              onChange={(e) => upload(e.target.files, true)}
            />
          </label>
          <label>
            Reference condition
            <input name="reference" size={10} value={reference} onChange={(e) => setReference(e.target.value)} />
          </label>
          <label>
            Metric compared
            <select name="metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
              {METRICS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
        </div>
        <OptionsForm fields={FIELDS} values={optionValues} onChange={setOptionValues} name={controlName} />
        <div className="row">
          <button type="submit" disabled={!design || running || !!busy}>
            Run batch
          </button>
        </div>
        {files.length || design ? (
          <p className="hint" data-testid="batch-files">
            Uploaded: {files.map((f) => f.originalName).join(", ")}
            {design ? `; design table ${design.originalName}` : ""}
          </p>
        ) : null}
      </form>
      {busy ? <p className="hint">{busy}</p> : null}
      {job ? (
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
              <button type="button" onClick={cancel}>
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
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <BatchComparison result={result} reference={reference} /> : null}
    </section>
  );
}

function BatchComparison({ result, reference }: { result: BatchResult; reference: string }) {
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
