/**
 * The `coloc` analysis: `adclab coloc IMAGE [IMAGE2] [--mask|--labels]` on files already uploaded
 * to the experiment. Inputs name the files by id; what is stored are the ids with each file's
 * name and SHA-256, so the stored analysis says exactly which bytes went in. The result is the
 * object `adclab coloc --json` prints (the image's name is the uploaded name).
 */
import {
  type ColocAnalysisOptions,
  type ColocFieldNames,
  type ColocFile,
  parseColocThreshold,
  prepareColocImage,
} from "@adclab/analyses";
import { InputError } from "@adclab/core";
import type { RawFile, Store } from "@adclab/db";
import { compute } from "./compute-pool.ts";
import type { AnalysisKind, KindContext } from "./kinds.ts";

/** How the API's user names the inputs in messages. */
export const API_COLOC_FIELDS: ColocFieldNames = {
  image: "inputs.image",
  image2: "inputs.image2",
  ch1: "options.ch1",
  ch2: "options.ch2",
  mask: "inputs.mask",
  labels: "inputs.labels",
  threshold: "options.threshold",
  metric: "options.metric",
};

/** A stored input file: what the analysis records about it. */
export interface FileRef {
  fileId: string;
  name: string;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A file of this experiment, by id (or by a stored FileRef on re-run: then its SHA-256 must still
 * match). Another experiment's file is refused like a missing one, so ids reveal nothing.
 */
export async function experimentFile(
  store: Store,
  experimentId: string | null,
  ref: unknown,
  field: string,
): Promise<RawFile> {
  const id = typeof ref === "object" && ref !== null ? (ref as { fileId?: unknown }).fileId : ref;
  if (typeof id !== "string" || !UUID.test(id)) {
    throw new InputError("not a file id", {
      field,
      expected: "the id of a file uploaded to this experiment",
      got: String(id),
    });
  }
  const file = await store.getRawFile(id);
  if (!file || file.experimentId !== experimentId) {
    throw new InputError(`no file ${id} in this experiment`, {
      field,
      expected: "the id of a file uploaded to this experiment",
    });
  }
  const want = typeof ref === "object" && ref !== null ? (ref as { sha256?: unknown }).sha256 : undefined;
  if (typeof want === "string" && want !== file.sha256) {
    throw new InputError(`file ${file.originalName} is not the one analysed before (SHA-256 differs)`, { field });
  }
  return file;
}

export const fileRef = (f: RawFile): FileRef => ({ fileId: f.id, name: f.originalName, sha256: f.sha256 });
export const colocFile = (f: RawFile): ColocFile => ({ name: f.originalName, bytes: f.content });

const OPTION_NAMES = ["ch1", "ch2", "threshold", "costesIterations", "psf", "seed", "perSlice", "kendall", "frame"];

function int(o: Record<string, unknown>, key: string, def: number, min: number, max: number): number {
  const v = o[key];
  if (v === undefined) return def;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new InputError("not an allowed whole number", {
      field: `options.${key}`,
      expected: `a whole number from ${min} to ${max}`,
      got: JSON.stringify(v),
    });
  }
  return v;
}

function bool(o: Record<string, unknown>, key: string, def: boolean): boolean {
  const v = o[key];
  if (v === undefined) return def;
  if (typeof v !== "boolean")
    throw new InputError("not true or false", { field: `options.${key}`, got: JSON.stringify(v) });
  return v;
}

function channel(o: Record<string, unknown>, key: "ch1" | "ch2"): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "number" || typeof v === "string") return String(v);
  throw new InputError("not a channel", { field: `options.${key}`, expected: "a 1-based number or a name" });
}

/** The options of `adclab coloc` from the API's options object, with the CLI's defaults. */
export function colocOptions(o: Record<string, unknown>): ColocAnalysisOptions & { ch1?: string; ch2?: string } {
  for (const k of Object.keys(o)) {
    if (!OPTION_NAMES.includes(k)) {
      throw new InputError(`unknown option '${k}'`, { field: "options", expected: OPTION_NAMES.join(", ") });
    }
  }
  const threshold = o.threshold === undefined ? "costes" : o.threshold;
  if (typeof threshold !== "string") {
    throw new InputError("not a threshold method", {
      field: "options.threshold",
      expected: "costes, costes-classic, otsu or manual:A,B",
    });
  }
  const ch1 = channel(o, "ch1");
  const ch2 = channel(o, "ch2");
  return {
    threshold: parseColocThreshold(threshold, API_COLOC_FIELDS.threshold),
    costesIterations: int(o, "costesIterations", 100, 0, 100_000),
    blockSize: int(o, "psf", 3, 1, 1000),
    seed: int(o, "seed", 1, -(2 ** 31), 2 ** 31 - 1),
    perSlice: bool(o, "perSlice", false),
    kendall: bool(o, "kendall", true),
    frame: int(o, "frame", 1, 1, 1_000_000),
    ...(ch1 === undefined ? {} : { ch1 }),
    ...(ch2 === undefined ? {} : { ch2 }),
  };
}

export interface ColocInputs {
  image: RawFile;
  image2?: RawFile;
  mask?: RawFile;
  labels?: RawFile;
}

/** The files named in `inputs` ({ image, image2?, mask?, labels? }), all of this experiment. */
export async function colocInputs(store: Store, experimentId: string | null, inputs: unknown): Promise<ColocInputs> {
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) {
    throw new InputError("coloc needs { image, image2?, mask?, labels? } (file ids)", { field: "inputs" });
  }
  const i = inputs as Record<string, unknown>;
  for (const k of Object.keys(i)) {
    if (!["image", "image2", "mask", "labels"].includes(k)) {
      throw new InputError(`unknown input '${k}'`, { field: "inputs", expected: "image, image2, mask, labels" });
    }
  }
  if (i.image === undefined) throw new InputError("missing the image", { field: API_COLOC_FIELDS.image });
  if (i.mask !== undefined && i.labels !== undefined)
    throw new InputError("give a mask or labels, not both", { field: API_COLOC_FIELDS.labels });
  const get = (k: "image2" | "mask" | "labels") =>
    i[k] === undefined || i[k] === null ? undefined : experimentFile(store, experimentId, i[k], `inputs.${k}`);
  const [image, image2, mask, labels] = await Promise.all([
    experimentFile(store, experimentId, i.image, API_COLOC_FIELDS.image),
    get("image2"),
    get("mask"),
    get("labels"),
  ]);
  return { image, ...(image2 ? { image2 } : {}), ...(mask ? { mask } : {}), ...(labels ? { labels } : {}) };
}

/** The analysis input of the package from the stored files and the channel options. */
export function colocInput(files: ColocInputs, o: { ch1?: string; ch2?: string }) {
  return {
    image: colocFile(files.image),
    ...(files.image2 ? { image2: colocFile(files.image2) } : {}),
    ...(files.mask ? { mask: colocFile(files.mask) } : {}),
    ...(files.labels ? { labels: colocFile(files.labels) } : {}),
    ...(o.ch1 === undefined ? {} : { ch1: o.ch1 }),
    ...(o.ch2 === undefined ? {} : { ch2: o.ch2 }),
  };
}

export const colocKind: AnalysisKind = {
  cli: "adclab coloc IMAGE [IMAGE2] [--ch1 N|name] [--ch2 N|name] [--mask FILE | --labels FILE] --json",
  async prepare(inputs: unknown, options: Record<string, unknown>, ctx: KindContext) {
    const opts = colocOptions(options);
    const files = await colocInputs(ctx.store, ctx.experimentId, inputs);
    // decoding, channels, sizes and regions are checked now: bad input is a 400 and stores nothing.
    // The decoded pixels are dropped: the worker decodes the bytes again (cheap next to the metrics)
    // rather than this thread keeping a second copy of the image until a worker is free.
    await prepareColocImage(colocInput(files, opts), opts, API_COLOC_FIELDS);
    const stored: Record<string, FileRef> = {};
    for (const [k, f] of Object.entries(files)) stored[k] = fileRef(f);
    const regions = { mask: files.mask?.originalName, labels: files.labels?.originalName };
    return {
      inputs: stored,
      run: () =>
        compute(ctx.compute, {
          kind: "coloc",
          input: colocInput(files, opts),
          options: opts,
          regions,
          fields: API_COLOC_FIELDS,
        }),
    };
  },
};
