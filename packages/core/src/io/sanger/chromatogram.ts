/**
 * The in-memory form of a Sanger read, whichever file it came from (ABIF `.ab1` or `.scf`).
 * Everything is as the file stores it: ADCLab never re-calls bases, so the calls, the Phred
 * qualities and the peak positions are the basecaller's (KB, or whichever wrote the file).
 */

/** The four trace channels by the base each one reports. */
export const TRACE_BASES = ["A", "C", "G", "T"] as const;
export type TraceBase = (typeof TRACE_BASES)[number];

export interface Chromatogram {
  /** File name as the user gave it, for messages. */
  file: string | undefined;
  format: "abif";
  /** The sample name the instrument recorded (ABIF SMPL1), when there is one. */
  sampleName: string | undefined;
  /** The instrument model (ABIF MODL1, e.g. "3730"), when the file says it. */
  instrument: string | undefined;
  /** The base calls, upper case, IUPAC letters as the basecaller wrote them (N, and ambiguity codes). */
  bases: string;
  /** One Phred quality per base (−10·log10 of the error probability), as stored in the file. */
  qualities: Uint8Array;
  /** One trace index per base: where its peak sits in `traces`. */
  peakLocations: Uint32Array;
  /** The analyzed (processed, mobility-corrected) traces, one per base, all of one length. */
  traces: Record<TraceBase, Int32Array>;
  /** Which tags or sections the calls, qualities, peaks and traces were read from, for provenance. */
  sources: { bases: string; qualities: string; peakLocations: string; traces: string };
}
