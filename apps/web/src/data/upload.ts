/**
 * Uploads from an analysis page: the files of one visit go into one experiment of the page's
 * project, both made on the first upload (once, even when uploads overlap).
 */
import { useRef, useState } from "react";
import { api, type Experiment, type Project, type RawFile } from "../api.ts";

export interface UploadTarget {
  /** The project the page's uploads go into, e.g. "Dose–response". */
  project: string;
  /** Its description when the page creates it. */
  description: string;
  /** The experiment's name before its time stamp, e.g. "Plates". */
  experiment: string;
}

export function useUploadExperiment(target: UploadTarget) {
  const pending = useRef<Promise<Experiment> | null>(null);
  const [experiment, setExperiment] = useState<Experiment>();
  const ensure = () => {
    pending.current ??= (async () => {
      const projects = await api<Project[]>("/api/projects");
      const project =
        projects.find((p) => p.name === target.project) ??
        (await api<Project>("/api/projects", { json: { name: target.project, description: target.description } }));
      const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
      const e = await api<Experiment>(`/api/projects/${project.id}/experiments`, {
        json: { name: `${target.experiment} ${stamp}` },
      });
      setExperiment(e);
      return e;
    })().catch((err) => {
      pending.current = null;
      throw err;
    });
    return pending.current;
  };
  return { experiment, ensure };
}

/** Uploads one file to an experiment; `type` when the browser does not know the file's. */
export function uploadFile(experimentId: string, file: File, type: string): Promise<RawFile> {
  return api<RawFile>(`/api/experiments/${experimentId}/files?name=${encodeURIComponent(file.name)}`, {
    body: file,
    type: file.type || type,
  });
}
