/**
 * GET /api/analyses/{id}/figure: a stored `dose-response` analysis (analyses/dose-response.ts)
 * drawn again from its files on the compute pool, as `adclab fit --plot out.svg|png`.
 */
import { doseResponseContract } from "@adclab/analyses";
import { createRoute, z } from "@hono/zod-openapi";
import { registerContractSchemas } from "../analyses/contract-kind.ts";
import { doseResponseInputs } from "../analyses/dose-response.ts";
import { requireExperiment } from "../auth/access.ts";
import type { App, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";
import { errorResponses, IdParam } from "../schemas.ts";

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
