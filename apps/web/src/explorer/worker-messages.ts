/**
 * The messages between the explorer page and its simulator worker. The worker answers each
 * request with the same id; the page ignores answers to requests it has since replaced.
 */
import type { Ic50Report } from "@adclab/core";

export interface MechanismStrength {
  id: string;
  strength: number;
}

export interface ExplorerRequest {
  id: number;
  cellLine: string;
  /** Only the mechanisms switched on. */
  mechanisms: MechanismStrength[];
  /** Viability read-out time (h). */
  time_h: number;
}

/** One simulated viability curve with its 4PL fit (Prism form, HillSlope negative when falling). */
export interface Curve {
  drug: string;
  concentration_nM: number[];
  viability: number[];
  ic50: Ic50Report;
  fit: { bottom: number; top: number; logIC50: number; hill: number; flags: string[] };
  /** The model's own curve on a dense dose grid (what the line in the chart draws). */
  model: { concentration_nM: number[]; viability: number[] };
}

/** The read-outs the virtual assays give for one configuration (units in the names). */
export interface Readouts {
  tdm1: Curve;
  freeDm1: Curve;
  /** Protocol 1 pulse–chase (10 µg/mL, 1 h), per chase time. */
  pulseChase: {
    chase_h: number;
    fractionInternalized: number;
    fractionInLysosomes: number;
    lysosomalOverlap: number;
  }[];
  /** LC-MS/MS after 24 h of continuous 10 nM T-DM1, pmol per 10⁶ cells. */
  catabolite: { time_h: number; adc_nM: number; lysosomal: number; cytosolicFree: number; total: number };
  /** Flow: drug-free surface HER2 relative to the parental line. */
  surfaceHer2_relative: number;
  /** ELISA: shed ECD in the supernatant of untreated cells at 72 h. */
  shedEcd_ng_per_mL: number;
  /** qPCR fold change vs parental, per gene. */
  expression: { gene: string; foldChange: number }[];
}

export interface ExplorerResult {
  cellLine: string;
  time_h: number;
  current: Readouts;
  /** The same line without mechanisms, for comparison. */
  parental: Readouts;
}

export type ExplorerResponse =
  | { id: number; ok: true; result: ExplorerResult; elapsed_ms: number }
  | { id: number; ok: false; message: string };

/** What the worker tells the page once, at start: the choices the model offers. */
export interface ExplorerCatalogue {
  type: "catalogue";
  cellLines: { id: string; description: string }[];
  mechanisms: { id: string; name: string; changes: string; literature: string; min: number; max: number }[];
}
