/** Projects → experiments → raw files: create them and upload files, kept verbatim with their SHA-256. */
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, type Experiment, type Project, type RawFile } from "../api.ts";

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
          <Files experimentId={x.id} />
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
                  <a href={`/api/files/${f.id}/content`}>{f.originalName}</a>
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
