/**
 * A whole experiment at once (`adclab coloc --batch`): upload the images (and label images) and a
 * design table (image → condition, time_h), start a `coloc-batch` job on the server's worker
 * threads, follow its progress, cancel it, and see the comparison of conditions with the three
 * tables to download. The result is stored only when every image succeeded. The job is kept by the
 * server, so polling carries on through a restart of the server and then shows how it ended
 * (interrupted, when the server stopped while it ran).
 */
import { COLOC_METRICS, colocContract } from "@adclab/analyses";
import { type FormEvent, useRef, useState } from "react";
import { api, type Experiment, type RawFile } from "../api.ts";
import { type Job, useJob } from "../data/use-job.ts";
import { OptionsForm } from "../forms/OptionsForm.tsx";
import { formFields, initialValues, optionsFromForm } from "../forms/option-values.ts";
import { BatchComparison, BatchJobStatus, type BatchResult } from "./ColocalizationBatchResults.tsx";
import { uploadTo } from "./ColocalizationPage.tsx";

const METRICS = Object.keys(COLOC_METRICS);
/** Every option of one image's analysis applies to each image of the batch. */
const FIELDS = formFields(colocContract);
/** Names apart from the single-image form's; the browser test finds the shuffles by name. */
const controlName = (key: string) => (key === "costesIterations" ? "batchIterations" : `batch-${key}`);

export function ColocalizationBatch({ ensure }: { ensure: () => Promise<Experiment> }) {
  const [files, setFiles] = useState<RawFile[]>([]);
  const [design, setDesign] = useState<RawFile>();
  const [reference, setReference] = useState("parental");
  const [metric, setMetric] = useState("pearson");
  const [optionValues, setOptionValues] = useState(() => initialValues(FIELDS));
  const [error, setError] = useState<string>();
  const { job, setJob, result, setResult, unreachable, cancel } = useJob<BatchResult>(setError);
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
      {job ? <BatchJobStatus job={job} running={running} unreachable={unreachable} onCancel={cancel} /> : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <BatchComparison result={result} reference={reference} /> : null}
    </section>
  );
}
