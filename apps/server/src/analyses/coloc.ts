/**
 * The `coloc` analysis: `adclab coloc IMAGE [IMAGE2] [--mask|--labels]` on files already uploaded
 * to the experiment. Inputs name the files by id; what is stored are the ids with each file's
 * name and SHA-256, so the stored analysis says exactly which bytes went in. The result is the
 * object `adclab coloc --json` prints (the image's name is the uploaded name). The options are
 * the analysis's contract (colocContract): checked by it, documented in OpenAPI from it.
 */
import {
  API_COLOC_FIELDS,
  type ColocContractOptions,
  type ColocFile,
  type ColocFiles,
  colocContract,
  colocInputOf,
  optionsFromJson,
  prepareColocImage,
} from "@adclab/analyses";
import { InputError } from "@adclab/core";
import type { RawFile, Store } from "@adclab/db";
import { compute } from "./compute-pool.ts";
import type { AnalysisKind, KindContext } from "./kinds.ts";

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

/**
 * The options of `adclab coloc` from the API's options object, with the CLI's defaults: checked by
 * the contract (colocContract), messages naming `options.<key>`.
 */
export function colocOptions(o: Record<string, unknown>): ColocContractOptions {
  return optionsFromJson(colocContract, o);
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
  const slots = Object.keys(colocContract.files);
  for (const k of Object.keys(i)) {
    if (!slots.includes(k)) {
      throw new InputError(`unknown input '${k}'`, { field: "inputs", expected: slots.join(", ") });
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
  const named = Object.fromEntries(
    Object.entries(files).map(([slot, f]) => [slot, { name: f.originalName, content: f.content }]),
  ) as unknown as ColocFiles;
  return colocInputOf(named, o);
}

export const colocKind: AnalysisKind = {
  cli: "adclab coloc IMAGE [IMAGE2] [--ch1 N|name] [--ch2 N|name] [--mask FILE | --labels FILE] --json",
  async prepare(inputs: unknown, options: Record<string, unknown>, ctx: KindContext) {
    const opts = colocOptions(options);
    const files = await colocInputs(ctx.store, ctx.experimentId, inputs);
    // decoding, channels, sizes and regions are checked now: bad input is a 400 and stores nothing.
    // The decoded pixels are dropped: the worker decodes the bytes again (cheap next to the metrics)
    // rather than this thread keeping a second copy of the image until a worker is free.
    await prepareColocImage(colocInput(files, opts), opts, opts.fields);
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
          fields: opts.fields,
        }),
    };
  },
};
