/**
 * Candidate explanations: every single mechanism and every pair (the documents' resistant lines
 * often carry two), each with the strengths over which its likelihood is marginalized and its
 * prior.
 *
 * Strengths. A mechanism's strength s runs from 1 (none) to its calibration bound s_max
 * (knowledge/mechanisms.ts, each bound with its reason). We do not know how strong a line's
 * mechanism is, so the likelihood averages over a log-uniform grid of strengths:
 * s = s_max^f with f ∈ SINGLE_GRADES for single mechanisms and f ∈ PAIR_GRADES (each member) for
 * pairs — a coarser grid for pairs keeps the simulator table small (66 pairs × 16 cells).
 *
 * Why 12 and 4 steps: the simulator's T-DM1 fold resistance rises steeply once a line's maximal kill
 * at saturating T-DM1 falls below half (the IC50 then moves to the µM range where fluid-phase uptake
 * delivers payload). For raised lysosomal pH, MDR1, SLC46A3 loss, altered tubulin and survival
 * signalling the 10–50-fold resistances that resistant lines typically show (source document's
 * table: 16–1000-fold) lie in a narrow band of strengths — e.g. lysosomal pH +1.41 to +1.58 gives
 * 6–34-fold on SK-BR-3 — that a 6-step grid (steps of pH +0.33) stepped over, so those mechanisms
 * got almost no likelihood for a 10-fold line while smoothly acting ones (slower internalization)
 * did. Halving the step is a better quadrature of the same integral, not a change of the model.
 */
import { MECHANISMS, type MechanismId } from "../knowledge/mechanisms.ts";
import { fnv1a64 } from "./model-fingerprint.ts";
import type { MechanismStrengths } from "./predict.ts";

export const SINGLE_GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => k / 12);
export const PAIR_GRADES = [1 / 4, 2 / 4, 3 / 4, 1] as const;

export interface Candidate {
  /** "mdr1-up" or "her2-loss+mdr1-up" (members in MECHANISMS order). */
  id: string;
  mechanisms: readonly MechanismId[];
}

export function strengthAt(id: MechanismId, grade: number): number {
  const m = MECHANISMS.find((x) => x.id === id);
  if (!m) throw new Error(`no mechanism '${id}'`);
  return m.bounds.max ** grade;
}

export function candidateId(mechanisms: readonly MechanismId[]): string {
  const order = MECHANISMS.map((m) => m.id);
  return [...mechanisms].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join("+");
}

export function allCandidates(): Candidate[] {
  const ids = MECHANISMS.map((m) => m.id);
  const out: Candidate[] = ids.map((id) => ({ id, mechanisms: [id] }));
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      out.push({ id: candidateId([ids[i]!, ids[j]!]), mechanisms: [ids[i]!, ids[j]!] });
    }
  }
  return out;
}

/** The strength settings (grid cells) a candidate's likelihood is averaged over. */
export function gradeSettings(c: Candidate): MechanismStrengths[] {
  if (c.mechanisms.length === 1) {
    const id = c.mechanisms[0]!;
    return SINGLE_GRADES.map((g) => ({ [id]: strengthAt(id, g) }));
  }
  const [a, b] = c.mechanisms as [MechanismId, MechanismId];
  const out: MechanismStrengths[] = [];
  for (const ga of PAIR_GRADES)
    for (const gb of PAIR_GRADES) out.push({ [a]: strengthAt(a, ga), [b]: strengthAt(b, gb) });
  return out;
}

/**
 * A fingerprint of the whole strength grid: every candidate's id and its cells in gradeSettings()
 * order. The likelihood tables store only values, cell by cell, so a table records the grid it was
 * computed on and is refused when the grid changes (grades, bounds, candidates or their order).
 * Six significant digits, as in the model fingerprint: blind to last-bit differences of `**`.
 */
export function gridFingerprint(): string {
  const text = allCandidates()
    .map(
      (c) =>
        `${c.id}:${gradeSettings(c)
          .map((s) =>
            Object.entries(s)
              .map(([k, v]) => `${k}=${v!.toPrecision(6)}`)
              .join(","),
          )
          .join(";")}`,
    )
    .join("\n");
  return fnv1a64(text);
}
