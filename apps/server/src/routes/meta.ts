/** Health and version: what a load balancer or the web app asks first. */
import { ADCLAB_VERSION } from "@adclab/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { App, ServerOptions } from "../context.ts";
import { json } from "../schemas.ts";

const Health = z.object({ ok: z.literal(true), database: z.enum(["pglite", "postgres"]) }).openapi("Health");
const Version = z
  .object({ name: z.literal("adclab"), version: z.string(), serverMode: z.boolean() })
  .openapi("Version");

export function registerMeta(app: App, o: ServerOptions, database: "pglite" | "postgres") {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/health",
      tags: ["meta"],
      summary: "The server and its database answer",
      responses: { 200: json(Health, "Healthy") },
    }),
    async (c) => {
      await o.store.countUsers(); // a real round trip to the database
      return c.json({ ok: true as const, database }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/version",
      tags: ["meta"],
      summary: "ADCLab version and mode",
      responses: { 200: json(Version, "Version") },
    }),
    (c) => c.json({ name: "adclab" as const, version: ADCLAB_VERSION, serverMode: o.serverMode }, 200),
  );
}
