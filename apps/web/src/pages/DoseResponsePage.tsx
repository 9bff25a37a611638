/**
 * Dose–response: a plate-reader file (uploaded here, or one already in a project's experiment)
 * fitted on the server by the `dose-response` analysis — the procedure `adclab fit` runs — and
 * stored with the file's SHA-256. Shows the same tables the CLI prints, the figure, and exports
 * SVG / PNG (drawn by the server, as `--plot`) and CSV (every number at full precision).
 */

import { doseResponseContract } from "@adclab/analyses";
import {
  comparisonTable,
  constraintLine,
  curveTable,
  type DisplayTable,
  type FitJson,
  reversalTable,
} from "@adclab/analyses/tables";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type Experiment, type Project, type RawFile } from "../api.ts";
import { ApiImage, ApiLink } from "../auth/ApiLinks.tsx";
import { OptionsForm } from "../forms/OptionsForm.tsx";
import { formFields, formFromOptions, initialValues, optionsFromForm } from "../forms/option-values.ts";
import { curvesCsv } from "./DoseResponseFormat.ts";

interface StoredAnalysis {
  id: string;
  kind: string;
  status: string;
  inputs: { file?: { fileId: string; name: string } };
  options: Record<string, unknown>;
  results: FitJson | null;
  error?: { message?: string } | null;
  createdAt: string;
}

const PROJECT = "Dose–response";

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

export function DoseResponsePage() {
  const [source, setSource] = useState<"upload" | "project">("upload");
  const [projects, setProjects] = useState<Project[]>([]);
  const [projectId, setProjectId] = useState("");
  const [experiments, setExperiments] = useState<Experiment[]>([]);
  const [experimentId, setExperimentId] = useState("");
  const [files, setFiles] = useState<RawFile[]>([]);
  const [stored, setStored] = useState<StoredAnalysis[]>([]);
  const [fileId, setFileId] = useState("");
  const [layoutId, setLayoutId] = useState("");
  const [optionValues, setOptionValues] = useState(() => initialValues(FIELDS));
  const [analysis, setAnalysis] = useState<StoredAnalysis>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const uploadExperiment = useRef<Promise<Experiment> | null>(null);
  const [uploads, setUploads] = useState<{ experimentId: string; file?: RawFile; layout?: RawFile }>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount; open() only calls state setters
  useEffect(() => {
    api<Project[]>("/api/projects").then(setProjects, (e: Error) => setError(e.message));
    // Opened from the Projects page: /dose-response?analysis=ID shows that stored fit.
    const id = new URLSearchParams(window.location.search).get("analysis");
    if (id) {
      api<StoredAnalysis>(`/api/analyses/${encodeURIComponent(id)}`).then(
        (a) =>
          a.kind === "dose-response" && a.status === "done"
            ? open(a)
            : setError("not a finished dose–response analysis"),
        (e: Error) => setError(e.message),
      );
    }
  }, []);
  useEffect(() => {
    setExperiments([]);
    setExperimentId("");
    if (projectId) {
      api<Experiment[]>(`/api/projects/${projectId}/experiments`).then(setExperiments, (e: Error) =>
        setError(e.message),
      );
    }
  }, [projectId]);
  useEffect(() => {
    setFiles([]);
    setStored([]);
    setFileId("");
    setLayoutId("");
    if (experimentId) {
      api<RawFile[]>(`/api/experiments/${experimentId}/files`).then(
        (f) => {
          setFiles(f);
          setFileId(f[0]?.id ?? "");
        },
        (e: Error) => setError(e.message),
      );
      api<StoredAnalysis[]>(`/api/experiments/${experimentId}/analyses`).then(
        (a) => setStored(a.filter((x) => x.kind === "dose-response" && x.status === "done")),
        (e: Error) => setError(e.message),
      );
    }
  }, [experimentId]);

  /** Uploads go into a "Dose–response" project, one experiment per visit of the page. */
  function ensureUploadExperiment(): Promise<Experiment> {
    uploadExperiment.current ??= (async () => {
      const all = await api<Project[]>("/api/projects");
      const project =
        all.find((p) => p.name === PROJECT) ??
        (await api<Project>("/api/projects", {
          json: { name: PROJECT, description: "Files fitted on the Dose–response page" },
        }));
      const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
      return api<Experiment>(`/api/projects/${project.id}/experiments`, { json: { name: `Plates ${stamp}` } });
    })().catch((err) => {
      uploadExperiment.current = null;
      throw err;
    });
    return uploadExperiment.current;
  }

  async function upload(list: FileList | null, role: "file" | "layout") {
    const f = list?.[0];
    if (!f) return;
    setError(undefined);
    setBusy(`Uploading ${f.name}…`);
    try {
      const e = await ensureUploadExperiment();
      const raw = await api<RawFile>(`/api/experiments/${e.id}/files?name=${encodeURIComponent(f.name)}`, {
        body: f,
        type: f.type || "text/csv",
      });
      setUploads((prev) => ({ ...prev, experimentId: e.id, [role]: raw }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  async function fit(e: FormEvent) {
    e.preventDefault();
    const target = source === "upload" ? uploads?.experimentId : experimentId;
    const file = source === "upload" ? uploads?.file?.id : fileId;
    const layout = source === "upload" ? uploads?.layout?.id : layoutId;
    if (!target || !file) {
      setError(source === "upload" ? "upload a file first" : "pick an experiment and a file first");
      return;
    }
    setError(undefined);
    setBusy("Fitting…");
    try {
      const options = optionsFromForm(FIELDS, optionValues);
      const inputs: Record<string, string> = { file };
      if (layout) inputs.layout = layout;
      const a = await api<StoredAnalysis>(`/api/experiments/${target}/analyses`, {
        json: { kind: "dose-response", inputs, options },
      });
      if (a.status !== "done") throw new Error(a.error?.message ?? `the analysis ${a.status}`);
      setAnalysis(a);
      if (source === "project") setStored((s) => [...s, a]);
    } catch (err) {
      setAnalysis(undefined);
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  function open(a: StoredAnalysis) {
    setError(undefined);
    setAnalysis(a);
    setOptionValues(formFromOptions(FIELDS, a.options));
  }

  const r = analysis?.results ?? undefined;
  const base = r ? r.file.replace(/\.[^.]+$/, "") : "";
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
              <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => upload(e.target.files, "file")} />
            </label>
            <label>
              Plate layout (only for a plate grid)
              <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => upload(e.target.files, "layout")} />
            </label>
          </div>
        ) : (
          <div className="row">
            <label>
              Project
              <select aria-label="Project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
                <option value="">—</option>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Experiment
              <select aria-label="Experiment" value={experimentId} onChange={(e) => setExperimentId(e.target.value)}>
                <option value="">—</option>
                {experiments.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              File
              <select aria-label="File" value={fileId} onChange={(e) => setFileId(e.target.value)}>
                {files.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.originalName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Layout
              <select aria-label="Layout" value={layoutId} onChange={(e) => setLayoutId(e.target.value)}>
                <option value="">none</option>
                {files.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.originalName}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {source === "upload" && uploads ? (
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
                    {a.inputs.file?.name ?? "file"} ·{" "}
                    {[
                      String(a.options.model ?? "ll4"),
                      ...((a.options.compare as string[] | undefined) ?? []).map((c) => `compare ${c}`),
                      ...((a.options.fix as string[] | undefined) ?? []).map((f) => `fix ${f}`),
                      ...((a.options.share as string[] | undefined) ?? []).map((f) => `share ${f}`),
                      ...(a.options.robust ? ["robust"] : []),
                    ].join(", ")}{" "}
                    · {a.createdAt.slice(0, 16).replace("T", " ")}
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
      {error ? (
        <p className="error" role="alert" data-testid="dose-error">
          {error}
        </p>
      ) : null}
      {r && analysis ? (
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
      ) : null}
    </section>
  );
}
