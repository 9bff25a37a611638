/**
 * Mechanism strengths on a slider: a fold change is read on a log scale, so the slider steps
 * through round values (1, 1.5, 2, 3, 5, 7 per decade) from the mechanism's lower to its upper
 * bound. The value simulated is exactly the value shown.
 */
const MANTISSAS = [1, 1.5, 2, 3, 5, 7];

export function strengthLadder(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of MANTISSAS) {
      const v = Number((m * 10 ** e).toPrecision(3));
      if (v >= min && v <= max) out.push(v);
    }
  }
  if (out[0] !== min) out.unshift(min);
  if (out.at(-1) !== max) out.push(max);
  return out;
}

/** The strength a switch turns on with: 10-fold, or the upper bound when that is lower. */
export function defaultStrength(ladder: readonly number[]): number {
  return ladder.includes(10) ? 10 : ladder.at(-1)!;
}

export function nearestIndex(ladder: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < ladder.length; i++) {
    if (Math.abs(Math.log(ladder[i]! / value)) < Math.abs(Math.log(ladder[best]! / value))) best = i;
  }
  return best;
}
