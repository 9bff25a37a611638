/**
 * The options of a co-localization analysis, as every caller passes them, and the names under
 * which each caller's user knows its inputs (the CLI's `--ch2`, the API's `options.ch2`), so
 * that one procedure gives each caller's user an error that names what they typed.
 */
import { InputError, type ThresholdSpec } from "@adclab/core";

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
  metric: string;
}

export const CLI_FIELD_NAMES: ColocFieldNames = {
  image: "IMAGE",
  image2: "IMAGE2",
  ch1: "--ch1",
  ch2: "--ch2",
  mask: "--mask",
  labels: "--labels",
  threshold: "--threshold",
  metric: "--metric",
};

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
