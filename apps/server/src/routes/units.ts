/**
 * Unit conversion, the API face of `adclab convert`: same rules (a mass ↔ molar conversion needs
 * a molecular weight, from `mw_g_per_mol` or a known compound), same result object, same messages.
 */
import { createRoute } from "@hono/zod-openapi";
import { ConvertRequest, ConvertResult, convertRequest } from "../analyses/convert.ts";
import type { App } from "../context.ts";
import { errorResponses, json, jsonBody } from "../schemas.ts";

export function registerUnits(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/units/convert",
      tags: ["units"],
      summary: "Convert a concentration between molar and mass units (as `adclab convert`)",
      request: { body: jsonBody(ConvertRequest) },
      responses: { 200: json(ConvertResult, "Converted"), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    (c) => c.json(convertRequest(c.req.valid("json")), 200),
  );
}
