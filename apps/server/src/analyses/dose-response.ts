/**
 * The `dose-response` analysis: `adclab fit` on raw files already uploaded to the experiment.
 * Inputs name the files by id ({ "file": id, "layout"?: id, "controls"?: id, "time0"?: id });
 * they are stored with each file's name and SHA-256, so the analysis says exactly which bytes it
 * read. Options are the CLI's flags in camelCase, repeatable flags as lists, as the analysis's
 * contract (doseResponseContract) declares them; the contract checks them, so a bad value is a
 * 400 with the CLI's message.
 * The results are the document `adclab fit --json` prints; the figure is rendered on request. The
 * fit and the figure are computed on the compute pool's worker threads (./compute-pool.ts).
 */
import {
  type DoseResponseFiles,
  type DoseResponseOptions,
  doseResponseContract,
  optionsFromJson,
} from "@adclab/analyses";
import { createRoute, z } from "@hono/zod-openapi";
import { requireExperiment } from "../auth/access.ts";
import type { App, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";
import { errorResponses, IdParam } from "../schemas.ts";
import type { FileRef } from "./coloc.ts";
import { compute } from "./compute-pool.ts";
import { contractFiles, registerContractSchemas } from "./contract-kind.ts";
import type { AnalysisKind, KindContext } from "./kinds.ts";

/** Checks the options and loads the named files (each must be in the experiment): everything but the fit. */
async function doseResponseInputs(
  inputs: unknown,
  options: Record<string, unknown>,
  ctx: Pick<KindContext, "store" | "experimentId">,
): Promise<{ parsed: DoseResponseOptions; named: DoseResponseFiles; files: Record<string, FileRef> }> {
  const parsed = optionsFromJson(doseResponseContract, options); // bad options before any read
  const { named, files } = await contractFiles(doseResponseContract, inputs, ctx);
  return { parsed, named: named as unknown as DoseResponseFiles, files };
}

export const doseResponseKind: AnalysisKind = {
  cli: "adclab fit FILE [--layout LAYOUT] [--model …] [--compare A:B] [--reversal S:I[:P]] [--fix P=V] [--bounds P=LO:HI] [--share P] … --json",
  async prepare(inputs, options, ctx) {
    const { parsed, named, files } = await doseResponseInputs(inputs, options, ctx);
    // Reading the files' contents is part of the fit, and a file it cannot read is a 400 with
    // nothing stored: so the fit (on a worker thread) is awaited here, before anything is written.
    const result = await compute(ctx.compute, { kind: "dose-response", files: named, options: parsed });
    return { inputs: files, run: () => result };
  },
};

const FigureQuery = z.object({
  format: z
    .enum(["svg", "png"])
    .default("svg")
    .openapi({ param: { name: "format", in: "query" } }),
});

/**
 * The OpenAPI schemas of the kind, and GET /api/analyses/{id}/figure: the stored dose–response
 * analysis drawn again from its files (deterministic, so the figure matches the stored results).
 */
export function registerDoseResponseFigure(app: App, o: ServerOptions) {
  registerContractSchemas(app, doseResponseContract);
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/analyses/{id}/figure",
      tags: ["analyses"],
      summary: "The figure of a stored dose-response analysis (as `adclab fit --plot out.svg|png`)",
      request: { params: IdParam, query: FigureQuery },
      responses: {
        200: {
          description: "The figure",
          content: {
            "image/svg+xml": { schema: z.string() },
            "image/png": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const a = await o.store.getAnalysis(c.req.valid("param").id);
      if (!a) throw notFound("analysis");
      await requireExperiment(c, o, a.experimentId, "read");
      if (a.kind !== "dose-response" || a.status !== "done") {
        throw new HttpError(404, "not-found", "no figure: not a finished dose-response analysis");
      }
      const { parsed, named } = await doseResponseInputs(a.inputs, (a.options ?? {}) as Record<string, unknown>, {
        store: o.store,
        experimentId: a.experimentId,
      });
      const format = c.req.valid("query").format;
      const figure = await o.compute.run({ kind: "dose-response-figure", files: named, options: parsed, format });
      if (format === "png") return c.body(new Uint8Array(figure as Uint8Array), 200, { "content-type": "image/png" });
      return c.body(figure as string, 200, { "content-type": "image/svg+xml; charset=utf-8" });
    },
  );
}
