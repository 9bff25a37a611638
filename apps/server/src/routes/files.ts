/**
 * Raw files: uploaded as the request body, bytes kept verbatim with their SHA-256. Access is
 * checked before a byte is read; the size limit stops the read early (413) and nothing is written.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requireExperiment } from "../auth/access.ts";
import type { App, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";
import { errorResponses, IdParam, json, RawFileSchema, withIsoDates } from "../schemas.ts";

const UploadQuery = z.object({
  name: z.string({ error: "the file's name is required (?name=plate1.csv)" }).openapi({
    param: { name: "name", in: "query" },
    example: "plate1.csv",
  }),
});

export function registerFiles(app: App, o: ServerOptions) {
  const tags = ["files"];
  const limitMiB = (o.maxUploadBytes / 1024 / 1024).toFixed(1);
  app.post(
    "/api/experiments/:id/files",
    bodyLimit({
      maxSize: o.maxUploadBytes,
      onError: () => {
        throw new HttpError(413, "too-large", `upload larger than the server's limit of ${limitMiB} MiB`);
      },
    }),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/experiments/{id}/files",
      tags,
      summary: "Upload a raw file (the request body is the file, kept byte for byte)",
      request: {
        params: IdParam,
        query: UploadQuery,
        body: {
          required: true,
          content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
        },
      },
      responses: {
        201: json(RawFileSchema, "Stored"),
        ...errorResponses,
        413: { description: `Larger than the upload limit`, content: errorResponses[400].content },
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { name } = c.req.valid("query");
      await requireExperiment(c, o, id, "write");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const mediaType = (c.req.header("content-type") ?? "application/octet-stream").split(";")[0]!.trim();
      const row = await o.store.saveRawFile(c.get("actor"), {
        experimentId: id,
        originalName: name,
        mediaType,
        content: bytes,
      });
      return c.json(withIsoDates(row), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/experiments/{id}/files",
      tags,
      summary: "An experiment's raw files (without their bytes)",
      request: { params: IdParam },
      responses: { 200: json(z.array(RawFileSchema), "Files"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireExperiment(c, o, id, "read");
      return c.json((await o.store.listRawFiles(id)).map(withIsoDates), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/files/{id}/content",
      tags,
      summary: "Download a raw file exactly as uploaded",
      request: { params: IdParam },
      responses: {
        200: {
          description: "The bytes; the X-Content-SHA256 header repeats the stored checksum",
          content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await o.store.getRawFile(c.req.valid("param").id);
      if (!file) throw notFound("file");
      await requireExperiment(c, o, file.experimentId, "read");
      return c.body(file.content.slice(), 200, {
        "content-type": file.mediaType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        "x-content-sha256": file.sha256,
      });
    },
  );
}
