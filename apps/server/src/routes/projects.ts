/** Projects and their experiments: create, list, read, rename, delete. */
import type { Project } from "@adclab/db";
import { createRoute, z } from "@hono/zod-openapi";
import { requireExperiment, requireProject } from "../auth/access.ts";
import type { App, ServerOptions } from "../context.ts";
import { notFound } from "../errors.ts";
import {
  ExperimentInput,
  ExperimentPatch,
  ExperimentSchema,
  errorResponses,
  IdParam,
  json,
  jsonBody,
  ProjectInput,
  ProjectPatch,
  ProjectSchema,
  withIsoDates,
} from "../schemas.ts";

const Deleted = z.object({ deleted: z.literal(true) }).openapi("Deleted");
const project = (p: Project): z.infer<typeof ProjectSchema> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  createdAt: p.createdAt.toISOString(),
});

export function registerProjects(app: App, o: ServerOptions) {
  const tags = ["projects"];
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/projects",
      tags,
      summary: "Projects you can see",
      responses: { 200: json(z.array(ProjectSchema), "Projects"), 401: errorResponses[401] },
    }),
    async (c) => {
      const userId = o.serverMode ? (c.get("user")?.id ?? "") : null;
      return c.json((await o.store.listProjects(userId)).map(project), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/projects",
      tags,
      summary: "Create a project (you become its owner)",
      request: { body: jsonBody(ProjectInput) },
      responses: { 201: json(ProjectSchema, "Created"), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return c.json(project(await o.store.createProject(c.get("actor"), body)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}",
      tags,
      summary: "One project",
      request: { params: IdParam },
      responses: { 200: json(ProjectSchema, "The project"), ...errorResponses },
    }),
    async (c) => c.json(project(await requireProject(c, o, c.req.valid("param").id, "read")), 200),
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/projects/{id}",
      tags,
      summary: "Rename or describe a project",
      request: { params: IdParam, body: jsonBody(ProjectPatch) },
      responses: { 200: json(ProjectSchema, "Updated"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireProject(c, o, id, "write");
      const row = await o.store.updateProject(c.get("actor"), id, c.req.valid("json"));
      if (!row) throw notFound("project");
      return c.json(project(row), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/projects/{id}",
      tags,
      summary: "Delete a project with its experiments, files and analyses",
      request: { params: IdParam },
      responses: { 200: json(Deleted, "Deleted"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireProject(c, o, id, "own");
      await o.store.deleteProject(c.get("actor"), id);
      return c.json({ deleted: true as const }, 200);
    },
  );

  const etags = ["experiments"];
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/experiments",
      tags: etags,
      summary: "A project's experiments",
      request: { params: IdParam },
      responses: { 200: json(z.array(ExperimentSchema), "Experiments"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireProject(c, o, id, "read");
      return c.json((await o.store.listExperiments(id)).map(withIsoDates), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/experiments",
      tags: etags,
      summary: "Add an experiment to a project",
      request: { params: IdParam, body: jsonBody(ExperimentInput) },
      responses: { 201: json(ExperimentSchema, "Created"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireProject(c, o, id, "write");
      const row = await o.store.createExperiment(c.get("actor"), { projectId: id, ...c.req.valid("json") });
      return c.json(withIsoDates(row), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/experiments/{id}",
      tags: etags,
      summary: "One experiment",
      request: { params: IdParam },
      responses: { 200: json(ExperimentSchema, "The experiment"), ...errorResponses },
    }),
    async (c) => c.json(withIsoDates(await requireExperiment(c, o, c.req.valid("param").id, "read")), 200),
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/experiments/{id}",
      tags: etags,
      summary: "Rename or describe an experiment",
      request: { params: IdParam, body: jsonBody(ExperimentPatch) },
      responses: { 200: json(ExperimentSchema, "Updated"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireExperiment(c, o, id, "write");
      const row = await o.store.updateExperiment(c.get("actor"), id, c.req.valid("json"));
      if (!row) throw notFound("experiment");
      return c.json(withIsoDates(row), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/experiments/{id}",
      tags: etags,
      summary: "Delete an experiment with its files and analyses",
      request: { params: IdParam },
      responses: { 200: json(Deleted, "Deleted"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireExperiment(c, o, id, "write");
      await o.store.deleteExperiment(c.get("actor"), id);
      return c.json({ deleted: true as const }, 200);
    },
  );
}
