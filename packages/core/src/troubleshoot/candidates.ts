/**
 * Candidate explanations: every single mechanism and every pair (the documents' resistant lines
 * often carry two), each with the strengths over which its likelihood is marginalized and its
 * prior.
 *
 * Strengths. A mechanism's strength s runs from 1 (none) to its calibration bound s_max
 * (knowledge/mechanisms.ts, each bound with its reason). We do not know how strong a line's
 * mechanism is, so the likelihood averages over a log-uniform grid of strengths:
 * s = s_max^f with f ∈ SINGLE_GRADES for single mechanisms and f ∈ PAIR_GRADES (each member) for
 * pairs — a coarser grid for pairs keeps the simulator table small (66 pairs × 9 cells).
 */
import { MECHANISMS, type MechanismId } from "../knowledge/mechanisms.ts";
import type { MechanismStrengths } from "./predict.ts";

export const SINGLE_GRADES = [1 / 6, 2 / 6, 3 / 6, 4 / 6, 5 / 6, 1] as const;
export const PAIR_GRADES = [1 / 3, 2 / 3, 1] as const;

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
