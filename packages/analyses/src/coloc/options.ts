/**
 * The options of a co-localization analysis: the one schema of `adclab coloc`'s flags and the
 * API's `coloc` options (ColocOptionsSchema, the contract's in ./contract.ts), the typed options
 * every caller passes to the procedure, and the names under which each caller's user knows its
 * inputs (the CLI's `--ch2`, the API's `options.ch2`), so that one procedure gives each caller's
 * user an error that names what they typed.
 */
import { InputError, type ThresholdSpec } from "@adclab/core";
import { z } from "zod";
import { type FileSlot, option } from "../contract/define.ts";
import { faceNames } from "../contract/fields.ts";

export interface ColocAnalysisOptions {
  threshold: ThresholdSpec;
  /** Costes randomizations for the significance test; 0 = not run. */
  costesIterations: number;
  /** Costes block size in pixels (about the PSF width). */
  blockSize: number;
  seed: number;
  /** Analyse a z-stack slice by slice instead of in 3-D. */
  perSlice: boolean;
  kendall: boolean;
  /** Time point of a time series, 1-based (default 1). */
  frame?: number;
}

/** How the caller's user names each input in messages. */
export interface ColocFieldNames {
  image: string;
  image2: string;
  ch1: string;
  ch2: string;
  mask: string;
  labels: string;
  threshold: string;
}

/** The input files: the CLI's arguments and flags, the API's `inputs.<slot>` (raw file ids). */
export const COLOC_FILES = {
  image: {
    cli: "[image]",
    cliField: "IMAGE",
    required: true,
    description: "TIFF / OME-TIFF / ImageJ hyperstack with both channels, or channel 1's file",
  },
  image2: {
    cli: "[image2]",
    cliField: "IMAGE2",
    description: "channel 2's file, when the channels are in separate files",
  },
  mask: { cli: "--mask <file>", description: "binary mask / ROI image: analyse only its non-zero pixels" },
  labels: {
    cli: "--labels <file>",
    description: "label image (one integer per cell, 0 = background): one result per cell",
  },
} as const satisfies Record<string, FileSlot>;

const THRESHOLD_EXPECTED = "costes, costes-classic, otsu or manual:A,B";

/**
 * A whole number as the CLI has always read it (the text as a JS number; at least `min` when
 * given), and as the API has always checked it (a JSON whole number in its range). The API's
 * range is the option's `apiRange`, so OpenAPI documents it.
 */
function wholeNumber(min: 0 | 1 | undefined, api: { minimum: number; maximum: number }) {
  return {
    apiRange: api,
    fromFlag(text: string, field: string): number {
      const v = Number(text);
      if (!Number.isInteger(v))
        throw new InputError("not a whole number", { field, expected: "a whole number", got: text });
      if (min === 0 && v < 0)
        throw new InputError("must not be negative", { field, expected: "a whole number ≥ 0", got: text });
      if (min === 1 && v < 1)
        throw new InputError("must be at least 1", { field, expected: "a whole number ≥ 1", got: text });
      return v;
    },
    fromJson(v: unknown, field: string): number {
      if (typeof v !== "number" || !Number.isInteger(v) || v < api.minimum || v > api.maximum) {
        throw new InputError("not an allowed whole number", {
          field,
          expected: `a whole number from ${api.minimum} to ${api.maximum}`,
          got: JSON.stringify(v),
        });
      }
      return v;
    },
  };
}

/** A switch as the API has always checked it. */
const apiSwitch = {
  fromJson(v: unknown, field: string): boolean {
    if (typeof v !== "boolean") throw new InputError("not true or false", { field, got: JSON.stringify(v) });
    return v;
  },
};

/** A channel: a 1-based number or a name; the API takes a JSON number too. */
const channel = (n: 1 | 2, description: string, example: string) =>
  option(z.union([z.string(), z.number()]).optional(), {
    flag: `--ch${n} <n|name>`,
    description,
    label: `Channel ${n} (e.g. ${example})`,
    placeholder: "number or name",
    fromJson(v: unknown, field: string) {
      if (v === undefined || v === null || v === "") return undefined;
      if (typeof v === "number" || typeof v === "string") return String(v);
      throw new InputError("not a channel", { field, expected: "a 1-based number or a name" });
    },
  });

/**
 * The options of `adclab coloc IMAGE` and of the API's `coloc` kind, as JSON gives them (the
 * CLI's flags in camelCase; `--psf` is `psf`, `--no-kendall` is `kendall: false`). The order is
 * the API's (its unknown-option message lists them so); the CLI's help has its own.
 */
export const ColocOptionsSchema = z.object({
  ch1: channel(1, "channel 1 (e.g. T-DM1): 1-based number or name from the OME-XML", "T-DM1"),
  ch2: channel(2, "channel 2 (e.g. LAMP1 / LysoTracker)", "LAMP1"),
  threshold: option(z.string().default("costes"), {
    flag: "--threshold <method>",
    description: "costes | costes-classic | otsu | manual:A,B",
    label: "Thresholds",
    placeholder: "costes, otsu or manual:A,B",
    example: "manual:400,300",
    fromFlag(text: string, field: string) {
      parseColocThreshold(text, field);
      return text;
    },
    fromJson(v: unknown, field: string) {
      if (typeof v !== "string")
        throw new InputError("not a threshold method", { field, expected: THRESHOLD_EXPECTED });
      parseColocThreshold(v, field);
      return v;
    },
  }),
  costesIterations: option(z.number().int().min(0).default(100), {
    flag: "--costes-iterations <n>",
    description: "Costes randomizations for the significance test (0 = skip)",
    label: "Costes shuffles (0 = no test)",
    cliDefault: "100",
    ...wholeNumber(0, { minimum: 0, maximum: 100_000 }),
  }),
  psf: option(z.number().int().min(1).default(3), {
    flag: "--psf <px>",
    description: "block size for the Costes test, about the PSF width in pixels",
    label: "Block size (PSF)",
    unit: "px",
    cliDefault: "3",
    ...wholeNumber(1, { minimum: 1, maximum: 1000 }),
  }),
  seed: option(z.number().int().default(1), {
    flag: "--seed <n>",
    description: "seed of the Costes shuffles",
    label: "Seed of the shuffles",
    cliDefault: "1",
    ...wholeNumber(undefined, { minimum: -(2 ** 31), maximum: 2 ** 31 - 1 }),
  }),
  perSlice: option(z.boolean().default(false), {
    flag: "--per-slice",
    description: "analyse a z-stack slice by slice (default: the whole stack in 3-D)",
    label: "Slice by slice (z-stacks)",
    ...apiSwitch,
  }),
  kendall: option(z.boolean().default(true), {
    flag: "--no-kendall",
    description: "Kendall's tau-b, the slowest metric (false skips it)",
    help: "skip Kendall's tau-b (the slowest metric)",
    label: "Kendall's τ-b",
    ...apiSwitch,
  }),
  frame: option(z.number().int().min(1).default(1), {
    flag: "--frame <n>",
    description: "time point of a time series (1-based)",
    label: "Time point (1-based)",
    cliDefault: "1",
    ...wholeNumber(1, { minimum: 1, maximum: 1_000_000 }),
  }),
});

/** What the faces' users call each input: from the file slots and the schema (faceNames). */
export function colocFieldNames(name: (key: string) => string): ColocFieldNames {
  const keys = ["image", "image2", "ch1", "ch2", "mask", "labels", "threshold"] as const;
  return Object.fromEntries(keys.map((k) => [k, name(k)])) as unknown as ColocFieldNames;
}

/** The file slots and options as ./contract.ts declares them, for the names (no cycle through the procedure). */
export const COLOC_NAMING = { id: "coloc", files: COLOC_FILES, options: ColocOptionsSchema, apiNames: "key" } as const;

/** The CLI's names: IMAGE, IMAGE2, --ch1, --mask, … */
export const CLI_FIELD_NAMES: ColocFieldNames = colocFieldNames(faceNames(COLOC_NAMING, "cli"));
/** The API's names: inputs.image, options.ch1, … */
export const API_COLOC_FIELDS: ColocFieldNames = colocFieldNames(faceNames(COLOC_NAMING, "api"));

/** The typed options of the contract: what the procedure takes, the channels, and the face's names. */
export interface ColocContractOptions extends ColocAnalysisOptions {
  ch1?: string;
  ch2?: string;
  /** What the face's user calls each input, for the messages of the procedure. */
  fields: ColocFieldNames;
}

/** The contract's `parse`: the schema's values as the procedure takes them. */
export function resolveColocOptions(
  o: z.output<typeof ColocOptionsSchema>,
  name: (key: string) => string,
): ColocContractOptions {
  return {
    threshold: parseColocThreshold(o.threshold, name("threshold")),
    costesIterations: o.costesIterations,
    blockSize: o.psf,
    seed: o.seed,
    perSlice: o.perSlice,
    kendall: o.kendall,
    frame: o.frame,
    ...(o.ch1 === undefined ? {} : { ch1: String(o.ch1) }),
    ...(o.ch2 === undefined ? {} : { ch2: String(o.ch2) }),
    fields: colocFieldNames(name),
  };
}

/** The threshold flag: costes | costes-classic | otsu | manual:A,B. */
export function parseColocThreshold(spec: string, field = CLI_FIELD_NAMES.threshold): ThresholdSpec {
  const s = spec.trim().toLowerCase();
  if (s === "costes") return { method: "costes", regression: "bisection" };
  if (s === "costes-classic") return { method: "costes", regression: "costes" };
  if (s === "otsu") return { method: "otsu" };
  const m = /^manual:\s*([-+0-9.eE]+)\s*,\s*([-+0-9.eE]+)$/.exec(spec.trim());
  if (m && Number.isFinite(Number(m[1])) && Number.isFinite(Number(m[2]))) {
    return { method: "manual", ch1: Number(m[1]), ch2: Number(m[2]) };
  }
  throw new InputError(`unknown threshold '${spec}'`, {
    field,
    expected: "costes, costes-classic, otsu or manual:A,B (A for channel 1, B for channel 2)",
  });
}

/** The `options` object of `adclab coloc --json`: what was asked, so a result can be reproduced. */
export function describeColocOptions(o: ColocAnalysisOptions, regions: { mask?: string; labels?: string }) {
  return {
    threshold: o.threshold,
    costesIterations: o.costesIterations,
    blockSize_px: o.blockSize,
    seed: o.seed,
    perSlice: o.perSlice,
    mask: regions.mask ?? null,
    labels: regions.labels ?? null,
  };
}
