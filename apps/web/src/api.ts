/**
 * Calls to the ADCLab HTTP API. Errors arrive as JSON with the CLI's one-line message. In server
 * mode every call carries the session's token; a 401 ends the session (back to the login form).
 */
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

export interface SeedRow {
  cellLine: string;
  adc: string;
  parentalIc50_nM: number;
  resistantIc50_nM: number;
  resistantIsLowerBound: boolean;
  foldResistance: number;
  mechanisms: string[];
  mechanismText: string;
  primarySource: string;
}

export interface Sourced {
  value: number;
  units: string;
  description: string;
  source: string;
  solidity: string;
  note?: string;
}

export interface Library {
  seedTable: SeedRow[];
  cellLines: {
    id: string;
    description: string;
    her2PerCell: Sourced;
    doublingTime_h: Sourced;
    expression: Record<string, number>;
    expressionSource: string;
  }[];
  mechanisms: {
    id: string;
    name: string;
    changes: string;
    literature: string;
    bounds: { min: number; max: number; reason: string };
  }[];
  parameters: (Sourced & { name: string })[];
  protocols: {
    id: string;
    title: string;
    purpose: string;
    materials: string[];
    steps: string[];
    analysis: string;
    sources: string[];
  }[];
  molecularWeights: { compound: string; value_g_per_mol: number; formula?: string; source: string }[];
  concentrationUnits: string[];
}

export interface ConvertResult {
  input: { value: number; unit: string };
  output: { value: number; unit: string };
  molecularWeight_g_per_mol?: number;
  molecularWeightSource?: string;
}

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
