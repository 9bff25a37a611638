/**
 * Calls to the ADCLab HTTP API. Errors arrive as JSON with the CLI's one-line message. In server
 * mode every call carries the session's token; a 401 ends the session (back to the login form).
 */
import type { CellLine, ConvertQuantityResult, Mechanism, Protocol, SeedTableRow, SourcedValue } from "@adclab/core";
import { currentSession, endSession } from "./auth/session.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(
  path: string,
  init: { method?: string; json?: unknown; body?: Blob; type?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  const session = currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  } else if (init.body) {
    headers["content-type"] = init.type || "application/octet-stream";
    body = init.body;
  }
  const method = init.method ?? (body ? "POST" : "GET");
  const res = await fetch(path, { method, headers, body, ...(init.signal ? { signal: init.signal } : {}) });
  const data = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
  if (!res.ok) {
    const message = data?.message ?? `${res.status} ${res.statusText}`;
    // A refused token means the session is over (a refused login is the form's own error).
    if (res.status === 401 && session && path !== "/api/auth/login") endSession(message);
    throw new ApiError(res.status, message);
  }
  return data as T;
}

/** JSON of a core value: readonly arrays arrive as plain arrays. */
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;

export type SeedRow = Plain<SeedTableRow>;
export type Sourced = Plain<SourcedValue>;

/** GET /api/library: core's knowledge as the server's library route sends it (routes/library.ts). */
export interface Library {
  seedTable: SeedRow[];
  cellLines: Plain<
    Pick<CellLine, "id" | "description" | "her2PerCell" | "doublingTime_h" | "expression" | "expressionSource">
  >[];
  mechanisms: Plain<Pick<Mechanism, "id" | "name" | "changes" | "literature" | "bounds">>[];
  parameters: (Sourced & { name: string })[];
  protocols: Plain<Protocol>[];
  molecularWeights: { compound: string; value_g_per_mol: number; formula?: string; source: string }[];
  concentrationUnits: string[];
}

/** POST /api/units/convert: core's conversion, as `adclab convert --json` prints it. */
export type ConvertResult = Plain<ConvertQuantityResult>;

export interface Project {
  id: string;
  name: string;
  description: string;
  createdAt: string;
}

export interface Experiment extends Project {
  projectId: string;
}

export interface RawFile {
  id: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}
