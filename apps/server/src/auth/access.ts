/** Per-project access: members only in server mode (viewer reads; owner and editor write). */
import type { Project, ProjectRole, Store } from "@adclab/db";
import type { Context } from "hono";
import type { AppEnv, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";

export type Access = "read" | "write" | "own";

const ALLOWS: Record<ProjectRole, Access[]> = {
  owner: ["read", "write", "own"],
  editor: ["read", "write"],
  viewer: ["read"],
};

export async function requireProject(
  c: Context<AppEnv>,
  o: ServerOptions,
  projectId: string,
  need: Access,
): Promise<Project> {
  const project = await o.store.getProject(projectId);
  if (!project) throw notFound("project");
  if (!o.serverMode) return project;
  const user = c.get("user");
  if (!user) throw new HttpError(401, "unauthorized", "login required");
  const role = await o.store.projectRole(projectId, user.id);
  if (!role || !ALLOWS[role].includes(need)) {
    throw new HttpError(403, "forbidden", `no ${need} access to this project`);
  }
  return project;
}

/** The experiment and (through it) its project, checked for access. */
export async function requireExperiment(c: Context<AppEnv>, o: ServerOptions, experimentId: string, need: Access) {
  const experiment = await o.store.getExperiment(experimentId);
  if (!experiment) throw notFound("experiment");
  await requireProject(c, o, experiment.projectId, need);
  return experiment;
}

export function requireAdmin(c: Context<AppEnv>, o: ServerOptions): void {
  if (!o.serverMode) return;
  if (!c.get("user")?.isAdmin) throw new HttpError(403, "forbidden", "only an administrator may do this");
}

export type { Store };
