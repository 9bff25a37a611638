/**
 * Dose–response: a plate-reader file (uploaded here, or one already in a project's experiment)
 * fitted on the server by the `dose-response` analysis — the procedure `adclab fit` runs — and
 * stored with the file's SHA-256. The page is its three parts: the data (upload or pick, with the
 * shared helpers of ../../data/), the options (drawn from the analysis's contract, ../../forms/)
 * and the results (./DoseResponseResults.tsx, the same tables the CLI prints).
 */

import { doseResponseContract } from "@adclab/analyses";
import { type FormEvent, useEffect, useState } from "react";
import { api, type RawFile } from "../../api.ts";
import { FileSelect, ProjectExperimentSelects, useProjectPicker } from "../../data/ProjectPicker.tsx";
import { uploadFile, useUploadExperiment } from "../../data/upload.ts";
import { useApi } from "../../data/use-api.ts";
import { OptionsForm } from "../../forms/OptionsForm.tsx";
import { formFields, formFromOptions, initialValues, optionsFromForm } from "../../forms/option-values.ts";
import { DoseResponseResults, type StoredFit } from "./DoseResponseResults.tsx";

/** The form's controls: the contract's options, the common ones first. */
const FIELDS = formFields(doseResponseContract, [
  "model",
  "normalize",
  "unit",
  "mw",
  "compare",
  "reversal",
  "robust",
  "routQ",
  "fix",
  "bounds",
  "share",
]);

const UPLOADS = {
  project: "Dose–response",
  description: "Files fitted on the Dose–response page",
  experiment: "Plates",
};
const FILE_TYPES = ".csv,.tsv,.txt,text/csv";

/** The label of a stored fit in the experiment's list: file, model and the options that change it. */
function storedLabel(a: StoredFit): string {
  const list = (k: string) => (a.options[k] as string[] | undefined) ?? [];
  return [
    String(a.options.model ?? "ll4"),
    ...list("compare").map((c) => `compare ${c}`),
    ...list("fix").map((f) => `fix ${f}`),
    ...list("share").map((f) => `share ${f}`),
    ...(a.options.robust ? ["robust"] : []),
  ].join(", ");
}

export function DoseResponsePage() {
  const [source, setSource] = useState<"upload" | "project">("upload");
  const picker = useProjectPicker();
  const [fileId, setFileId] = useState("");
  const [layoutId, setLayoutId] = useState("");
  const storedList = useApi<StoredFit[]>(
    picker.experimentId ? `/api/experiments/${picker.experimentId}/analyses` : null,
  );
  const [fitted, setFitted] = useState<StoredFit[]>([]);
  const [optionValues, setOptionValues] = useState(() => initialValues(FIELDS));
  const [analysis, setAnalysis] = useState<StoredFit>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const uploadTarget = useUploadExperiment(UPLOADS);
  const [uploads, setUploads] = useState<{ file?: RawFile; layout?: RawFile }>({});

  const files = picker.files ?? [];
  const stored = [...(storedList.data ?? []), ...fitted].filter(
    (x) => x.kind === "dose-response" && x.status === "done",
  );
  const shownError = error ?? picker.error ?? storedList.error;

  // A new experiment's files: the first is the one to fit, no layout; fits made here start anew.
  useEffect(() => {
    setFileId(picker.files?.[0]?.id ?? "");
    setLayoutId("");
    setFitted([]);
  }, [picker.files]);

  // Opened from the Projects page: /dose-response?analysis=ID shows that stored fit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount; open() only calls state setters
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get("analysis");
    if (!id) return;
    const controller = new AbortController();
    api<StoredFit>(`/api/analyses/${encodeURIComponent(id)}`, { signal: controller.signal }).then(
      (a) =>
        a.kind === "dose-response" && a.status === "done" ? open(a) : setError("not a finished dose–response analysis"),
      (e: Error) => controller.signal.aborted || setError(e.message),
    );
    return () => controller.abort();
  }, []);

  async function upload(list: FileList | null, role: "file" | "layout") {
    const f = list?.[0];
    if (!f) return;
    setError(undefined);
    setBusy(`Uploading ${f.name}…`);
    try {
      const e = await uploadTarget.ensure();
      const raw = await uploadFile(e.id, f, "text/csv");
      setUploads((prev) => ({ ...prev, [role]: raw }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  async function fit(e: FormEvent) {
    e.preventDefault();
    const target = source === "upload" ? uploadTarget.experiment?.id : picker.experimentId;
    const file = source === "upload" ? uploads.file?.id : fileId;
    const layout = source === "upload" ? uploads.layout?.id : layoutId;
    if (!target || !file) {
      setError(source === "upload" ? "upload a file first" : "pick an experiment and a file first");
      return;
    }
    setError(undefined);
    setBusy("Fitting…");
    try {
      const inputs: Record<string, string> = { file };
      if (layout) inputs.layout = layout;
      const a = await api<StoredFit>(`/api/experiments/${target}/analyses`, {
        json: { kind: "dose-response", inputs, options: optionsFromForm(FIELDS, optionValues) },
      });
      if (a.status !== "done") throw new Error(a.error?.message ?? `the analysis ${a.status}`);
      setAnalysis(a);
      if (source === "project") setFitted((s) => [...s, a]);
    } catch (err) {
      setAnalysis(undefined);
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  function open(a: StoredFit) {
    setError(undefined);
    setAnalysis(a);
    setOptionValues(formFromOptions(FIELDS, a.options));
  }

  const r = analysis?.results ?? undefined;
  return (
    <section>
      <h1>Dose–response</h1>
      <p className="hint">
        IC50s with confidence intervals (R drc's LL.4, Prism's 4PL, 3PL, 5PL) or GR metrics, fold resistance with
        delta-method and Fieller CIs, inhibitor reversal — the same analysis as <code>adclab fit</code>. Long tables
        (CSV/TSV, one row per well) or a plate-reader grid with its layout; see <code>docs/cli/fit.md</code>.
      </p>
      <form onSubmit={fit} aria-label="Dose–response">
        <h2>Data</h2>
        <div className="row" role="radiogroup" aria-label="Source">
          <label className="inline">
            <input type="radio" name="source" checked={source === "upload"} onChange={() => setSource("upload")} />
            Upload a file
          </label>
          <label className="inline">
            <input type="radio" name="source" checked={source === "project"} onChange={() => setSource("project")} />A
            file in a project
          </label>
        </div>
        {source === "upload" ? (
          <div className="row">
            <label>
              Plate-reader file or long table (CSV, TSV)
              <input type="file" accept={FILE_TYPES} onChange={(e) => upload(e.target.files, "file")} />
            </label>
            <label>
              Plate layout (only for a plate grid)
              <input type="file" accept={FILE_TYPES} onChange={(e) => upload(e.target.files, "layout")} />
            </label>
          </div>
        ) : (
          <div className="row">
            <ProjectExperimentSelects picker={picker} />
            <FileSelect label="File" files={files} value={fileId} onChange={setFileId} />
            <FileSelect label="Layout" files={files} value={layoutId} onChange={setLayoutId} none="none" />
          </div>
        )}
        {source === "upload" && (uploads.file || uploads.layout) ? (
          <p className="hint" data-testid="dose-uploaded">
            {[uploads.file, uploads.layout]
              .filter((f) => f !== undefined)
              .map((f) => `${f.originalName} (SHA-256 ${f.sha256})`)
              .join("; ")}
          </p>
        ) : null}
        {source === "project" && stored.length ? (
          <div data-testid="dose-stored">
            <h3>Stored fits in this experiment</h3>
            <ul>
              {stored.map((a) => (
                <li key={a.id}>
                  <button type="button" className="link" onClick={() => open(a)}>
                    {a.inputs.file?.name ?? "file"} · {storedLabel(a)} · {a.createdAt.slice(0, 16).replace("T", " ")}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <h2>Options</h2>
        <OptionsForm fields={FIELDS} values={optionValues} onChange={setOptionValues} />
        <p className="hint">
          Parameter names as the model writes them (b, c, d, e for ll4; Bottom, Top, LogIC50, HillSlope, S) or bottom,
          top, ic50, logIC50, hill; ic50 in the file's concentration unit. A shared parameter is fitted once for all
          curves of a compound (a global fit). Each control's tooltip is the help of its <code>adclab fit</code> flag.
        </p>
        <button type="submit" disabled={!!busy}>
          Fit
        </button>{" "}
        {busy ? (
          <span className="hint" role="status">
            {busy}
          </span>
        ) : null}
      </form>
      {shownError ? (
        <p className="error" role="alert" data-testid="dose-error">
          {shownError}
        </p>
      ) : null}
      {r && analysis ? <DoseResponseResults analysis={analysis} r={r} /> : null}
    </section>
  );
}
