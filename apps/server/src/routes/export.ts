/**
 * Export everything of a project as one JSON document: the project, each experiment, each raw
 * file verbatim (base64, with its SHA-256 so the bytes can be checked after the journey), and
 * each analysis with its inputs, options, ADCLab version, status and results. One self-contained
 * file is what a lab archives with a paper or hands to a collaborator; nothing is left out, so
 * every analysis can be re-run from it.
 */
import { ADCLAB_VERSION } from "@adclab/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireProject } from "../auth/access.ts";
import type { App, ServerOptions } from "../context.ts";
import { notFound } from "../errors.ts";
import { AnalysisSchema, ExperimentSchema, errorResponses, IdParam, json, ProjectSchema } from "../schemas.ts";

export const PROJECT_EXPORT_FORMAT = "adclab-project-export" as const;

const ExportedFile = z
  .object({
    id: z.string(),
    originalName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().openapi({ description: "SHA-256 (hex) of the bytes in content_base64" }),
    createdAt: z.string(),
    content_base64: z.string().openapi({ description: "The file exactly as uploaded, base64-encoded" }),
  })
  .openapi("ExportedFile");

const ProjectExport = z
  .object({
    format: z.literal(PROJECT_EXPORT_FORMAT),
    formatVersion: z.literal(1),
    exportedAt: z.string(),
    adclabVersion: z.string().openapi({ description: "The ADCLab that wrote this export" }),
    project: ProjectSchema,
    experiments: z.array(ExperimentSchema.extend({ files: z.array(ExportedFile), analyses: z.array(AnalysisSchema) })),
  })
  .openapi("ProjectExport");

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function registerExport(app: App, o: ServerOptions) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/export",
      tags: ["projects"],
      summary: "Everything of a project in one JSON file: experiments, raw files verbatim, analyses with provenance",
      request: { params: IdParam },
      responses: { 200: json(ProjectExport, "The whole project"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const p = await requireProject(c, o, id, "read");
      const experiments = [];
      for (const e of await o.store.listExperiments(id)) {
        const files = [];
        for (const info of await o.store.listRawFiles(e.id)) {
          const f = await o.store.getRawFile(info.id);
          if (!f) throw notFound("file");
          files.push({
            id: f.id,
            originalName: f.originalName,
            mediaType: f.mediaType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            createdAt: f.createdAt.toISOString(),
            content_base64: Buffer.from(f.content).toString("base64"),
          });
        }
        const analyses = (await o.store.listAnalyses(e.id)).map((a) => ({
          id: a.id,
          experimentId: a.experimentId,
          kind: a.kind,
          inputs: a.inputs,
          options: a.options,
          adclabVersion: a.adclabVersion,
          status: a.status,
          results: a.results,
          error: a.error,
          createdAt: a.createdAt.toISOString(),
          finishedAt: iso(a.finishedAt),
        }));
        experiments.push({ ...e, createdAt: e.createdAt.toISOString(), files, analyses });
      }
      const safe = p.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "project";
      c.header("content-disposition", `attachment; filename="${safe}.adclab.json"`);
      return c.json(
        {
          format: PROJECT_EXPORT_FORMAT,
          formatVersion: 1 as const,
          exportedAt: new Date().toISOString(),
          adclabVersion: ADCLAB_VERSION,
          project: { id: p.id, name: p.name, description: p.description, createdAt: p.createdAt.toISOString() },
          experiments,
        },
        200,
      );
    },
  );
}
