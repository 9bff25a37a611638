/**
 * The long analyses the server runs as jobs: what each checks before it starts (so bad input is a
 * 400 and no job), how it loads one item's bytes for a worker thread, how a worker's error becomes
 * the CLI's message, and how the items' results become the stored result.
 *
 * - `coloc-batch`: `adclab coloc --batch FOLDER --design design.csv`, where the folder is the
 *   experiment's uploaded files (a name in the design table is the latest upload of that name).
 * - `fit-batch`: `adclab fit FILE --json` for each of several uploaded plate files.
 * - `simulate-sweep`: `adclab simulate … --json` once per strength of one mechanism (what the
 *   pathway explorer's slider does one value at a time), from a `POST /api/simulate` body.
 */
import {
  type ColocImageResult,
  colocMetric,
  type DoseResponseResult,
  doseResponseContract,
  optionsFromJson,
  parseColocDesign,
  simulateContract,
  summarizeColocBatch,
} from "@adclab/analyses";
import { InputError, MECHANISM_IDS, validateMechanisms } from "@adclab/core";
import type { RawFile, Store } from "@adclab/db";
import { JobError } from "@adclab/jobs";
import { colocFile, colocOptions, experimentFile, type FileRef, fileRef } from "../analyses/coloc.ts";
import { errorFromWorker } from "../analyses/compute-pool.ts";
import { SimulateRequest } from "../analyses/simulate.ts";
import { inputErrorFromZod } from "../errors.ts";
import type { JobItem, JobItemResult } from "./worker.ts";

export interface PreparedBatch {
  /** Stored as the analysis' inputs: every file with its name and SHA-256. */
  inputs: unknown;
  options: Record<string, unknown>;
  total: number;
  /** Worker threads wanted (default: all cores). */
  workers?: number;
  /** What the progress message calls item k. */
  label(k: number): string;
  /** Item k with its bytes, loaded only when a worker is about to take it. */
  load(k: number): Promise<JobItem>;
  /** A failed item's error as the user should read it (the CLI's message, with the design row). */
  itemError(e: unknown, k: number): Error;
  /** The stored result, once every item succeeded. */
  finish(results: JobItemResult[]): unknown;
}

export interface BatchKind {
  cli: string;
  prepare(
    store: Store,
    experimentId: string,
    inputs: unknown,
    options: Record<string, unknown>,
  ): Promise<PreparedBatch>;
}

function record(inputs: unknown, what: string): Record<string, unknown> {
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) {
    throw new InputError(`${what}`, { field: "inputs" });
  }
  return inputs as Record<string, unknown>;
}

function workersOption(o: Record<string, unknown>): number | undefined {
  const w = o.workers;
  if (w === undefined) return undefined;
  if (typeof w !== "number" || !Number.isInteger(w) || w < 1 || w > 256) {
    throw new InputError("not a number of worker threads", {
      field: "options.workers",
      expected: "a whole number from 1 to 256",
      got: JSON.stringify(w),
    });
  }
  return w;
}

function textOption(o: Record<string, unknown>, key: string, def: string): string {
  const v = o[key] ?? def;
  if (typeof v !== "string" || v.trim() === "")
    throw new InputError("not a text", { field: `options.${key}`, got: JSON.stringify(v) });
  return v;
}

/**
 * A worker's error for the user. With a design row, as `adclab coloc --batch` says it
 * ("design.csv, row 3: broken.tif: not a TIFF file"); without, the worker's InputError as it was.
 */
function itemError(e: unknown, where: string, row?: number): Error {
  if (!(e instanceof JobError)) return e instanceof Error ? e : new Error(String(e));
  if (e.original.name === "InputError") {
    if (row !== undefined) return new InputError(e.original.message, { file: where, row });
    return errorFromWorker(e) as InputError;
  }
  return new Error(`${where}${row === undefined ? "" : `, row ${row}`}: ${e.original.message}`);
}

/** The batch's own options; the rest are the `coloc` kind's, checked by its contract. */
const COLOC_BATCH_OPTIONS = ["reference", "metric", "workers"];
const METRIC_FIELD = "options.metric";

export const colocBatch: BatchKind = {
  cli: "adclab coloc --batch FOLDER --design design.csv --json",
  async prepare(store, experimentId, inputs, options) {
    const i = record(inputs, "coloc-batch needs { design } (the id of the uploaded design table)");
    const analysisOptions = Object.fromEntries(
      Object.entries(options).filter(([k]) => !COLOC_BATCH_OPTIONS.includes(k)),
    );
    const opts = colocOptions(analysisOptions);
    const reference = textOption(options, "reference", "parental");
    const metric = textOption(options, "metric", "pearson");
    colocMetric(metric, METRIC_FIELD);
    const workers = workersOption(options);
    const design = await experimentFile(store, experimentId, i.design, "inputs.design");
    // The "folder": this experiment's uploads by name; a name uploaded twice means its latest upload.
    const byName = new Map<string, Omit<RawFile, "content">>();
    for (const f of await store.listRawFiles(experimentId)) byName.set(f.originalName, f);
    const rows = parseColocDesign(new TextDecoder().decode(design.content), {
      file: design.originalName,
      where: "this experiment's files",
      resolve: (name) => byName.get(name),
    });
    const refs = new Map<string, FileRef>();
    for (const r of rows)
      for (const f of [r.image, r.image2, r.mask, r.labels]) if (f) refs.set(f.id, fileRef(f as RawFile));
    const bytes = async (f: Omit<RawFile, "content"> | undefined) => {
      if (!f) return undefined;
      const full = await store.getRawFile(f.id);
      if (!full)
        throw new InputError(`file ${f.originalName} was deleted while the job ran`, { file: design.originalName });
      return colocFile(full);
    };
    return {
      inputs: { design: fileRef(design), files: [...refs.values()] },
      options,
      total: rows.length,
      ...(workers === undefined ? {} : { workers }),
      label: (k) => rows[k]!.image.originalName,
      async load(k) {
        const r = rows[k]!;
        const [image, image2, mask, labels] = await Promise.all([
          bytes(r.image),
          bytes(r.image2),
          bytes(r.mask),
          bytes(r.labels),
        ]);
        return {
          kind: "coloc",
          image: image!,
          ...(image2 ? { image2 } : {}),
          ...(mask ? { mask } : {}),
          ...(labels ? { labels } : {}),
          ...(opts.ch1 === undefined ? {} : { ch1: opts.ch1 }),
          ...(opts.ch2 === undefined ? {} : { ch2: opts.ch2 }),
          options: opts,
        };
      },
      itemError: (e, k) => itemError(e, design.originalName, rows[k]!.row),
      finish(results) {
        const summary = summarizeColocBatch(
          rows.map((r, k) => ({
            name: r.image.originalName,
            condition: r.condition,
            time_h: r.time_h,
            labels: r.labels !== undefined,
            result: results[k] as ColocImageResult,
          })),
          { reference, metric, metricField: METRIC_FIELD },
        );
        return {
          schema: "adclab.coloc-batch/1",
          images: summary.images,
          cells: summary.cells,
          metric,
          units: summary.units,
          comparison: summary.comparison,
          tables: summary.tables,
        };
      },
    };
  },
};

export const fitBatch: BatchKind = {
  cli: "adclab fit FILE --json (for each file)",
  async prepare(store, experimentId, inputs, options) {
    const i = record(inputs, "fit-batch needs { files: [file ids] } (plate files or long tables)");
    // The options of the dose-response analysis kind (every flag of `adclab fit`), plus workers.
    const { workers: _w, ...fitOptions } = options;
    const parsed = optionsFromJson(doseResponseContract, fitOptions, ["workers"]);
    const list = i.files;
    if (!Array.isArray(list) || list.length === 0) {
      throw new InputError("no files", {
        field: "inputs.files",
        expected: "a list of the ids of uploaded plate files",
      });
    }
    const workers = workersOption(options);
    const files = await Promise.all(
      list.map(async (ref, k) => {
        const withLayout = typeof ref === "object" && ref !== null && "file" in ref;
        const file = await experimentFile(
          store,
          experimentId,
          withLayout ? (ref as { file: unknown }).file : ref,
          `inputs.files[${k}]`,
        );
        const layoutRef = withLayout ? (ref as { layout?: unknown }).layout : undefined;
        const layout =
          layoutRef === undefined
            ? undefined
            : await experimentFile(store, experimentId, layoutRef, `inputs.files[${k}].layout`);
        return { file: fileRef(file), ...(layout ? { layout: fileRef(layout) } : {}) };
      }),
    );
    const named = async (ref: FileRef) => {
      const f = await store.getRawFile(ref.fileId);
      if (!f) throw new InputError(`file ${ref.name} was deleted while the job ran`, { field: "inputs.files" });
      return { name: f.originalName, content: f.content };
    };
    return {
      inputs: { files },
      options,
      total: files.length,
      ...(workers === undefined ? {} : { workers }),
      label: (k) => files[k]!.file.name,
      async load(k) {
        const f = files[k]!;
        return {
          kind: "fit",
          file: await named(f.file),
          ...(f.layout ? { layout: await named(f.layout) } : {}),
          options: parsed,
        };
      },
      itemError: (e, k) => itemError(e, files[k]!.file.name),
      finish: (results) => ({
        schema: "adclab.fit-batch/1",
        files: results.length,
        results: results as DoseResponseResult[],
      }),
    };
  },
};

/** Enough for a smooth curve over a few decades of strength; more is a typo, not a sweep. */
export const MAX_SWEEP_POINTS = 200;

export const simulateSweep: BatchKind = {
  cli: "adclab simulate … --mechanism ID=STRENGTH --json (for each strength)",
  async prepare(_store, _experimentId, inputs, options) {
    const { sweep, ...body } = record(
      inputs,
      "simulate-sweep needs a POST /api/simulate body plus sweep: { mechanism, strengths: [fold changes] }",
    );
    for (const k of Object.keys(options)) {
      if (k !== "workers") throw new InputError(`unknown option '${k}'`, { field: "options", expected: "workers" });
    }
    const workers = workersOption(options);
    // The request's schema is the simulate contract's, as for POST /api/simulate's body.
    const parsed = SimulateRequest.safeParse(body);
    if (!parsed.success) throw inputErrorFromZod(parsed.error, "inputs");
    const request = parsed.data;
    if (typeof sweep !== "object" || sweep === null || Array.isArray(sweep)) {
      throw new InputError("no sweep", {
        field: "inputs.sweep",
        expected: `{ "mechanism": "<id>", "strengths": [fold changes > 0] }`,
      });
    }
    const { mechanism, strengths } = sweep as { mechanism?: unknown; strengths?: unknown };
    // The simulate procedure's own checks and messages, with the sweep's field names.
    if (typeof mechanism !== "string" || !MECHANISM_IDS.includes(mechanism as (typeof MECHANISM_IDS)[number])) {
      throw new InputError(`unknown mechanism '${mechanism}'`, {
        field: "inputs.sweep.mechanism",
        expected: `one of ${MECHANISM_IDS.join(", ")}`,
      });
    }
    if (!Array.isArray(strengths) || strengths.length === 0 || strengths.length > MAX_SWEEP_POINTS) {
      throw new InputError(Array.isArray(strengths) && strengths.length > 0 ? "too many strengths" : "no strengths", {
        field: "inputs.sweep.strengths",
        expected: `a list of 1 to ${MAX_SWEEP_POINTS} fold changes > 0`,
        got: Array.isArray(strengths) ? `${strengths.length} values` : JSON.stringify(strengths),
      });
    }
    const values = strengths.map(
      (st, k) =>
        validateMechanisms(
          [{ id: mechanism, strength: typeof st === "number" ? st : Number.NaN }],
          `inputs.sweep.strengths[${k}]`,
        )[0]!.strength,
    );
    // The swept mechanism replaces any setting of it in the request (two settings would multiply).
    const others = request.mechanisms.filter((m) => m.id !== mechanism);
    const requests = values.map((strength) => ({ ...request, mechanisms: [...others, { id: mechanism, strength }] }));
    for (const r of requests) simulateContract.parse(r, (k) => `inputs.${k}`); // validates now: bad input, no job
    return {
      // Stored as given (the schema's defaults are the procedure's, not part of the request).
      inputs: { ...body, sweep: { mechanism, strengths: values } },
      options,
      total: values.length,
      ...(workers === undefined ? {} : { workers }),
      label: (k) => `${mechanism}=${values[k]}`,
      load: async (k) => ({ kind: "simulate", request: requests[k]! }),
      itemError: (e, k) => itemError(e, `${mechanism}=${values[k]}`),
      finish: (results) => ({
        schema: "adclab.simulate-sweep/1",
        mechanism,
        points: values.map((strength, k) => ({ strength, result: results[k] as Record<string, unknown> })),
      }),
    };
  },
};

export const BATCH_KINDS: Record<string, BatchKind> = {
  "coloc-batch": colocBatch,
  "fit-batch": fitBatch,
  "simulate-sweep": simulateSweep,
};

export function batchKind(kind: string): BatchKind {
  const k = BATCH_KINDS[kind];
  if (!k)
    throw new InputError(`unknown job '${kind}'`, { field: "kind", expected: Object.keys(BATCH_KINDS).join(", ") });
  return k;
}
