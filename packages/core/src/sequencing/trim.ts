/**
 * Quality trimming by Richard Mott's modified algorithm, exactly as Biopython's `abi-trim` format
 * (`Bio.SeqIO.AbiIO._abi_trim`, Biopython 1.7x–1.8x) and phred's `-trim_alt` do it:
 *
 *   score_i = cutoff − 10^(−q_i / 10)          (cutoff 0.05: an error probability of 5 %)
 *   S_0 = 0;  S_i = max(0, S_{i−1} + score_i)   (the first base is always trimmed)
 *   start = the first i ≥ 1 with S_i ≥ 0 after adding score_i (i.e. S_{i−1} + score_i ≥ 0)
 *   end   = the first index of the largest S_i; the kept read is [start, end)
 *
 * Reads of `minimumLength` (20) bases or fewer are kept whole, as Biopython does. The kept
 * interval excludes the base at `end` (the one with the largest running score); that is
 * Biopython's choice and kept here so that ADCLab's trimmed reads equal its `abi-trim` reads.
 * Sources: R. Mott, phred documentation (http://www.phrap.org/phredphrap/phred.html);
 * CLC Genomics Workbench manual, "Quality trimming".
 */

export interface TrimOptions {
  /** The error probability above which a base counts against the segment (default 0.05). */
  errorCutoff?: number;
  /** Reads this long or shorter are not trimmed (default 20, Biopython's `segment`). */
  minimumLength?: number;
}

export interface TrimResult {
  /** First kept base, 0-based. */
  start: number;
  /** One past the last kept base (0-based, exclusive). */
  end: number;
  method: string;
}

export const DEFAULT_TRIM_CUTOFF = 0.05;
export const DEFAULT_TRIM_MINIMUM_LENGTH = 20;

export function mottTrim(qualities: ArrayLike<number>, o: TrimOptions = {}): TrimResult {
  const cutoff = o.errorCutoff ?? DEFAULT_TRIM_CUTOFF;
  const minimumLength = o.minimumLength ?? DEFAULT_TRIM_MINIMUM_LENGTH;
  const method = `Mott's modified trimming (error cutoff ${cutoff}; as Biopython's abi-trim)`;
  const n = qualities.length;
  if (n <= minimumLength) return { start: 0, end: n, method };
  let running = 0;
  let best = 0;
  let end = 0;
  let start = 0;
  let started = false;
  for (let i = 1; i < n; i++) {
    const score = running + (cutoff - 10 ** (qualities[i]! / -10));
    if (score < 0) {
      running = 0;
    } else {
      running = score;
      if (!started) {
        start = i;
        started = true;
      }
    }
    if (running > best) {
      best = running;
      end = i;
    }
  }
  // Biopython slices [start:end]; when no base ever scored (end 0 < start) the slice is empty.
  return { start, end: Math.max(start, end), method };
}
