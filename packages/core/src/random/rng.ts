/**
 * A small, deterministic, seedable random number generator for tests and simulations
 * (Costes shuffles, synthetic data, noise models). Not for cryptography.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021), 32-bit state words, period 2^128 − 1. The state is seeded
 * from one 32-bit integer with SplitMix32 so that nearby seeds give unrelated streams.
 */
export interface Rng {
  /** Uniform in [0, 1) with 32 random bits. */
  uniform(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in [0, n), unbiased (rejection sampling). */
  int(n: number): number;
  /** Standard normal deviate (Marsaglia polar method). */
  normal(): number;
  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T;
  /** Snapshot of the 128-bit state, to resume a stream exactly. */
  state(): [number, number, number, number];
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** SplitMix32 step (as in the reference seeding advice for xoshiro). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator from an integer seed, or from a saved `state()`. */
export function createRng(seed: number | readonly [number, number, number, number] = 1): Rng {
  const s = new Uint32Array(4);
  if (typeof seed === "number") {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    const sm = splitmix32(seed);
    for (let i = 0; i < 4; i++) s[i] = sm();
  } else {
    for (let i = 0; i < 4; i++) s[i] = (seed[i] as number) >>> 0;
  }
  if (s.every((w) => w === 0)) s[0] = 1; // the all-zero state is a fixed point

  const uint32 = (): number => {
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = s[2] as number;
    const s3 = s[3] as number;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s[2] = s2 ^ s0;
    s[3] = s3 ^ s1;
    s[1] = s1 ^ (s[2] as number);
    s[0] = s0 ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  };

  const uniform = (): number => uint32() / 4294967296;

  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const v = spare;
      spare = undefined;
      return v;
    }
    let u: number;
    let v: number;
    let r: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      r = u * u + v * v;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    spare = v * f;
    return u * f;
  };

  const int = (n: number): number => {
    if (!(Number.isInteger(n) && n > 0 && n <= 4294967296)) throw new RangeError(`int(n) needs 1 ≤ n ≤ 2^32, got ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let x: number;
    do x = uint32();
    while (x >= limit);
    return x % n;
  };

  return {
    uniform,
    uint32,
    int,
    normal,
    shuffle(a) {
      for (let i = a.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
      }
      return a;
    },
    state: () => [s[0] as number, s[1] as number, s[2] as number, s[3] as number],
  };
}
