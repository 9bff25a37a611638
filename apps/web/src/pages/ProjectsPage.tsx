/** Projects → experiments → raw files: create them and upload files, kept verbatim with their SHA-256. */
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, type Experiment, type Project, type RawFile } from "../api.ts";
import { ApiLink } from "../auth/ApiLinks.tsx";

export function ProjectsPage() {
  const [projects, setProjects] = useState<Project[]>([]);
  const [selected, setSelected] = useState<string>();
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const load = useCallback(
    () => api<Project[]>("/api/projects").then(setProjects, (e: Error) => setError(e.message)),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      const p = await api<Project>("/api/projects", { json: { name } });
      setName("");
      setError(undefined);
      await load();
      setSelected(p.id);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section>
      <h1>Projects</h1>
      <form className="row" onSubmit={create} aria-label="New project">
        <input placeholder="New project name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Create project</button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {projects.length === 0 ? <p className="hint">No projects yet.</p> : null}
      <ul className="projects">
        {projects.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="link"
              aria-expanded={selected === p.id}
              onClick={() => setSelected(selected === p.id ? undefined : p.id)}
            >
              {p.name}
            </button>
            {selected === p.id && p.description ? <p className="hint">{p.description}</p> : null}
            {selected === p.id ? (
              <p>
                <ApiLink path={`/api/projects/${p.id}/export`} download data-testid="project-export">
                  Export the whole project (JSON: raw files verbatim with SHA-256, analyses with provenance)
                </ApiLink>
              </p>
            ) : null}
            {selected === p.id ? <Experiments projectId={p.id} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Experiments({ projectId }: { projectId: string }) {
  const [experiments, setExperiments] = useState<Experiment[]>([]);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const load = useCallback(
    () =>
      api<Experiment[]>(`/api/projects/${projectId}/experiments`).then(setExperiments, (e: Error) =>
        setError(e.message),
      ),
    [projectId],
  );
  useEffect(() => {
    load();
  }, [load]);
  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      await api(`/api/projects/${projectId}/experiments`, { json: { name } });
      setName("");
      setError(undefined);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <div className="experiments">
      <form className="row" onSubmit={create} aria-label="New experiment">
        <input placeholder="New experiment name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Add experiment</button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {experiments.map((x) => (
        <div key={x.id} className="experiment">
          <h3>{x.name}</h3>
          {x.description ? <p className="hint">{x.description}</p> : null}
          <Files experimentId={x.id} />
          <Analyses experimentId={x.id} />
        </div>
      ))}
    </div>
  );
}

function Files({ experimentId }: { experimentId: string }) {
  const [files, setFiles] = useState<RawFile[]>([]);
  const [error, setError] = useState<string>();
  const load = useCallback(
    () => api<RawFile[]>(`/api/experiments/${experimentId}/files`).then(setFiles, (e: Error) => setError(e.message)),
    [experimentId],
  );
  useEffect(() => {
    load();
  }, [load]);
  async function upload(list: FileList | null) {
    const file = list?.[0];
    if (!file) return;
    try {
      await api(`/api/experiments/${experimentId}/files?name=${encodeURIComponent(file.name)}`, {
        body: file,
        type: file.type,
      });
      setError(undefined);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <div>
      <label className="upload">
        Upload a raw file <input type="file" onChange={(e) => upload(e.target.files)} />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {files.length ? (
        <table>
          <thead>
            <tr>
              <th>File</th>
              <th className="num">Bytes</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td>
                  <ApiLink path={`/api/files/${f.id}/content`} download={f.originalName}>
                    {f.originalName}
                  </ApiLink>
                </td>
                <td className="num">{f.sizeBytes}</td>
                <td className="mono">{f.sha256}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

interface AnalysisRow {
  id: string;
  kind: string;
  status: string;
  adclabVersion: string;
  createdAt: string;
  inputs: unknown;
}

/** Which page shows a stored analysis of this kind. */
const PAGE_OF: Record<string, string> = { "dose-response": "/dose-response" };

/** The experiment's stored analyses: kind, status, version; open one in its page or as JSON. */
function Analyses({ experimentId }: { experimentId: string }) {
  const [analyses, setAnalyses] = useState<AnalysisRow[]>([]);
  useEffect(() => {
    api<AnalysisRow[]>(`/api/experiments/${experimentId}/analyses`).then(setAnalyses, () => setAnalyses([]));
  }, [experimentId]);
  if (!analyses.length) return null;
  return (
    <table data-testid="analyses">
      <thead>
        <tr>
          <th>Analysis</th>
          <th>Status</th>
          <th>ADCLab</th>
          <th>Run</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {analyses.map((a) => (
          <tr key={a.id}>
            <td>{a.kind}</td>
            <td>{a.status}</td>
            <td>{a.adclabVersion}</td>
            <td>{a.createdAt.slice(0, 16).replace("T", " ")}</td>
            <td>
              {PAGE_OF[a.kind] && a.status === "done" ? (
                <>
                  <a href={`${PAGE_OF[a.kind]}?analysis=${a.id}`}>open</a>{" "}
                </>
              ) : null}
              <a href={`/api/analyses/${a.id}`}>JSON</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
