/** Reading one Cq cell: a number, or one of the spellings instruments use for "no Cq". */
import { InputError, type InputLocation } from "../../errors/input-error.ts";
import { parseNumberCell } from "../delimited.ts";
import type { CqStatus, MissingCqChoice } from "./types.ts";

/** "Undetermined" (QuantStudio), "N/A" and "NaN" (CFX), "No Cq", "-", "" and the like. */
const NO_CQ = new Set([
  "",
  "undetermined",
  "undet",
  "undet.",
  "noct",
  "nocq",
  "na",
  "n/a",
  "nan",
  "-",
  "—",
  "none",
  "nd",
]);

export interface CqCellLimits {
  cycleLimit: number;
  cqCutoff_cycles: number;
  undetermined: MissingCqChoice;
  aboveCutoff: MissingCqChoice;
  decimalComma: boolean;
}

export interface ReadCq {
  cq: number;
  status: CqStatus;
  treatment?: MissingCqChoice;
}

export function readCqCell(text: string, limits: CqCellLimits, at: InputLocation): ReadCq {
  const key = text.trim().toLowerCase().replace(/\s+/g, "");
  if (NO_CQ.has(key)) {
    return {
      cq: limits.undetermined === "cycle-limit" ? limits.cycleLimit : Number.NaN,
      status: "undetermined",
      treatment: limits.undetermined,
    };
  }
  const v = parseNumberCell(text, { decimalComma: limits.decimalComma });
  if (v === undefined) {
    throw new InputError("a Cq must be a number or 'Undetermined'", {
      ...at,
      expected: "a number of cycles, 'Undetermined' or empty",
      got: text,
    });
  }
  if (!(v > 0) || v > limits.cycleLimit) {
    throw new InputError("Cq out of range", {
      ...at,
      expected: `a Cq in (0, ${limits.cycleLimit}] cycles (the run's cycle limit; set it if the run had more cycles)`,
      got: text,
    });
  }
  if (v > limits.cqCutoff_cycles) {
    return {
      cq: limits.aboveCutoff === "cycle-limit" ? limits.cycleLimit : Number.NaN,
      status: "above-cutoff",
      treatment: limits.aboveCutoff,
    };
  }
  return { cq: v, status: "measured" };
}
