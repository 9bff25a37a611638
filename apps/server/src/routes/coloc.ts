/**
 * Co-localization helpers around the stored `coloc` analyses: what an uploaded TIFF holds (channel
 * names, sizes, contrast-stretched previews) so the user can pick channels, and for a stored
 * analysis its cytofluorogram (SVG or PNG) and its per-cell table as CSV. Decoding and drawing
 * run on the compute pool's worker threads.
 */
import { type ColocImageInfo, type ColocImageResult, colocContract, colocRowsCsv } from "@adclab/analyses";
import type { Analysis } from "@adclab/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { colocInput, colocInputs, colocOptions } from "../analyses/coloc.ts";
import { registerContractSchemas } from "../analyses/contract-kind.ts";
import { requireExperiment } from "../auth/access.ts";
import type { App, AppEnv, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";
import { errorResponses, IdParam, json } from "../schemas.ts";

const ImageInfo = z
  .object({
    file: z.string(),
    format: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    channels: z.number().int(),
    slices: z.number().int(),
    frames: z.number().int(),
    sampleType: z.string(),
    pixelSize: z.object({ x: z.number(), y: z.number(), z: z.number().optional(), unit: z.string() }).nullable(),
    previews: z.array(
      z.object({
        index: z.number().int(),
        name: z.string().nullable(),
        displayRange: z.object({ low: z.number(), high: z.number() }),
        previewWidth: z.number().int(),
        previewHeight: z.number().int(),
        png: z.string().openapi({ description: "data:image/png;base64,…" }),
      }),
    ),
  })
  .openapi("ImageChannels");

const FigureQuery = z.object({
  format: z
    .enum(["svg", "png"])
    .optional()
    .openapi({ param: { name: "format", in: "query" }, example: "png" }),
});

async function storedColoc(c: Context<AppEnv>, o: ServerOptions, id: string): Promise<Analysis> {
  const a = await o.store.getAnalysis(id);
  if (!a) throw notFound("analysis");
  await requireExperiment(c, o, a.experimentId, "read");
  if (a.kind !== "coloc") throw new HttpError(404, "not-found", "not a co-localization analysis");
  if (a.status !== "done") throw new HttpError(409, "conflict", `the analysis is ${a.status}, not done`);
  return a;
}

export function registerColoc(app: App, o: ServerOptions) {
  registerContractSchemas(app, colocContract); // ColocInputs, ColocOptions, ColocResult
  const tags = ["co-localization"];
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/files/{id}/channels",
      tags,
      summary: "An uploaded TIFF / OME-TIFF / ImageJ hyperstack: sizes, channel names and a small preview per channel",
      request: { params: IdParam },
      responses: { 200: json(ImageInfo, "Channels with PNG previews (contrast-stretched)"), ...errorResponses },
    }),
    async (c) => {
      const file = await o.store.getRawFile(c.req.valid("param").id);
      if (!file) throw notFound("file");
      await requireExperiment(c, o, file.experimentId, "read");
      // decoding and previews on a worker thread; a file that is no image is its InputError (400)
      const info = (await o.compute.run({
        kind: "image-info",
        file: { name: file.originalName, bytes: file.content },
      })) as ColocImageInfo;
      return c.json(
        {
          ...info,
          previews: info.previews.map(({ png, ...p }) => ({
            ...p,
            png: `data:image/png;base64,${Buffer.from(png).toString("base64")}`,
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/analyses/{id}/cytofluorogram",
      tags,
      summary: "The cytofluorogram of a stored co-localization analysis (as `adclab coloc --histogram`)",
      request: { params: IdParam, query: FigureQuery },
      responses: {
        200: {
          description: "PNG (default) or SVG",
          content: {
            "image/png": { schema: z.string().openapi({ format: "binary" }) },
            "image/svg+xml": { schema: z.string() },
          },
        },
        ...errorResponses,
        409: { description: "The analysis has not finished", content: errorResponses[400].content },
      },
    }),
    async (c) => {
      const a = await storedColoc(c, o, c.req.valid("param").id);
      const opts = colocOptions((a.options ?? {}) as Record<string, unknown>);
      const files = await colocInputs(o.store, a.experimentId, a.inputs);
      const { rows, channels } = a.results as ColocImageResult;
      const format = c.req.valid("query").format === "svg" ? "svg" : "png";
      const figure = await o.compute.run({
        kind: "cytofluorogram",
        input: { ...colocInput(files, opts), frame: opts.frame },
        result: { rows, channels },
        format,
        fields: opts.fields,
      });
      if (format === "svg") return c.body(figure as string, 200, { "content-type": "image/svg+xml" });
      return c.body((figure as Uint8Array).slice().buffer as ArrayBuffer, 200, { "content-type": "image/png" });
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/analyses/{id}/coloc-rows.csv",
      tags,
      summary: "The rows (per cell, per slice or the whole image) of a stored co-localization analysis as CSV",
      request: { params: IdParam },
      responses: {
        200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
        ...errorResponses,
        409: { description: "The analysis has not finished", content: errorResponses[400].content },
      },
    }),
    async (c) => {
      const a = await storedColoc(c, o, c.req.valid("param").id);
      const csv = colocRowsCsv((a.results as ColocImageResult).rows);
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="coloc-${a.id.slice(0, 8)}.csv"`,
      });
    },
  );
}
