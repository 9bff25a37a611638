/** What the qPCR readers return: one record per reaction (well × gene), with how each Cq was read. */

/** What a reaction is for (MIQE's sample types; QuantStudio's Task, CFX's Content). */
export type ReactionRole = "unknown" | "standard" | "ntc" | "nrt";
export const REACTION_ROLES: readonly ReactionRole[] = ["unknown", "standard", "ntc", "nrt"];

/**
 * How a Cq cell was read: a number in range (`measured`), or a named choice for a reaction
 * without one: "Undetermined", "No Cq", "N/A", "-" or empty (`undetermined`), or a Cq above the
 * cut-off (`above-cutoff`); either excluded or set to the cycle limit, as the options say.
 */
export type CqStatus = "measured" | "undetermined" | "above-cutoff";

/** The named choices for a reaction without a usable Cq. */
export type MissingCqChoice = "exclude" | "cycle-limit";
export const MISSING_CQ_CHOICES: readonly MissingCqChoice[] = ["exclude", "cycle-limit"];

export interface QpcrReaction {
  /** 1-based line in the file, for messages. */
  line: number;
  /** Canonical well (A1 … P24), when the file names it. */
  well?: string;
  sample: string;
  group: string;
  gene: string;
  /** Cq (cycles) used in the analysis; NaN when excluded. */
  cq: number;
  /** The Cq cell as written. */
  cqText: string;
  status: CqStatus;
  /** What was done with a reaction whose status is not `measured`. */
  treatment?: MissingCqChoice;
  role: ReactionRole;
  /** Technical replicate label, when given. */
  replicate?: string;
  /** Input amount of a standard (any unit; only ratios matter). */
  quantity?: number;
  /** Amplification factor given in the file for the gene (2 = 100 %). */
  amplification?: number;
  /** Melting temperature (°C), when the export has it. */
  tm_C?: number;
}

export interface QpcrReadOptions {
  /** File name as the user gave it, for messages. */
  file: string;
  /** The run's number of cycles: a Cq above it is an error (default 40). */
  cycleLimit?: number;
  /** Cq above this are `above-cutoff` (default: the cycle limit, so none). */
  cqCutoff_cycles?: number;
  /** What to do with "Undetermined"/empty Cq (default exclude). */
  undetermined?: MissingCqChoice;
  /** What to do with a Cq above the cut-off (default exclude). */
  aboveCutoff?: MissingCqChoice;
}

export interface QpcrRun {
  file: string;
  reactions: QpcrReaction[];
  genes: string[];
  samples: string[];
  groups: string[];
  cycleLimit: number;
  cqCutoff_cycles: number;
  /** One sentence per reaction that was excluded or set to the limit, naming its line and well. */
  notes: string[];
}
