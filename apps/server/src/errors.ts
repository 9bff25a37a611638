/**
 * Every error leaves the API as JSON with a status and one readable message: an InputError as
 * 400 with exactly its CLI message (InputError.toJSON()), an HttpError with its own status, and
 * anything unexpected as 500 without internals.
 */
import { InputError, isInputError } from "@adclab/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

export type HttpErrorKind = "unauthorized" | "forbidden" | "not-found" | "too-large" | "conflict" | "unavailable";

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly kind: HttpErrorKind,
    message: string,
  ) {
    super(message);
  }
  toJSON() {
    return { error: this.kind, message: this.message };
  }
}

export const notFound = (what: string) => new HttpError(404, "not-found", `${what} not found`);

/** A zod failure as the InputError the CLI would print: field path, problem, and every issue. */
export function inputErrorFromZod(error: ZodError, where: string): InputError {
  const first = error.issues[0];
  const field = [where, ...(first?.path ?? []).map(String)].filter(Boolean).join(".");
  return new InputError(first?.message ?? "invalid input", { field: field || undefined });
}

export function zodIssues(error: ZodError) {
  return error.issues.map((i) => ({ field: i.path.map(String).join("."), problem: i.message }));
}

export function errorResponse(err: unknown, c: Context): Response {
  if (isInputError(err)) return c.json(err.toJSON(), 400);
  if (err instanceof HttpError) return c.json(err.toJSON(), err.status);
  if (err instanceof HTTPException) {
    // Hono's own 4xx, e.g. "Malformed JSON in request body": still one JSON line.
    const input = new InputError(err.message.replace(/\.$/, ""), { field: "body" });
    return c.json(err.status === 400 ? input.toJSON() : { error: "http", message: err.message }, err.status);
  }
  console.error(err);
  return c.json({ error: "internal", message: "internal error (see the server log)" }, 500);
}
