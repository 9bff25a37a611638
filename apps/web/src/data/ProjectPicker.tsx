/**
 * Picking stored files: a project, one of its experiments, and the experiment's files, each list
 * read with useApi (cancelled when the selection changes). The page lays out its file selects
 * (one per file slot of its analysis) with <FileSelect>.
 */
import { useState } from "react";
import type { Experiment, Project, RawFile } from "../api.ts";
import { useApi } from "./use-api.ts";

export function useProjectPicker() {
  const [projectId, setProjectIdState] = useState("");
  const [experimentId, setExperimentId] = useState("");
  const projects = useApi<Project[]>("/api/projects");
  const experiments = useApi<Experiment[]>(projectId ? `/api/projects/${projectId}/experiments` : null);
  const files = useApi<RawFile[]>(experimentId ? `/api/experiments/${experimentId}/files` : null);
  const setProjectId = (id: string) => {
    setProjectIdState(id);
    setExperimentId("");
  };
  return {
    projectId,
    setProjectId,
    experimentId,
    setExperimentId,
    projects: projects.data ?? [],
    experiments: experiments.data ?? [],
    files: files.data,
    error: projects.error ?? experiments.error ?? files.error,
  };
}

export type ProjectPicker = ReturnType<typeof useProjectPicker>;

export function ProjectExperimentSelects({ picker }: { picker: ProjectPicker }) {
  return (
    <>
      <label>
        Project
        <select aria-label="Project" value={picker.projectId} onChange={(e) => picker.setProjectId(e.target.value)}>
          <option value="">—</option>
          {picker.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Experiment
        <select
          aria-label="Experiment"
          value={picker.experimentId}
          onChange={(e) => picker.setExperimentId(e.target.value)}
        >
          <option value="">—</option>
          {picker.experiments.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** One file of the experiment; `none` names the empty choice of an optional slot. */
export function FileSelect({
  label,
  files,
  value,
  onChange,
  none,
}: {
  label: string;
  files: readonly RawFile[];
  value: string;
  onChange: (id: string) => void;
  none?: string;
}) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {files.map((f) => (
          <option key={f.id} value={f.id}>
            {f.originalName}
          </option>
        ))}
      </select>
    </label>
  );
}
