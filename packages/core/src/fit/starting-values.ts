/**
 * Data-driven starting values for the 4PL in Prism's form [Bottom, Top, LogIC50, HillSlope]:
 * plateaus from the extreme dose-group means (stretched by 1 % so the logit stays finite, as
 * drc's self-starter does), then LogIC50 and HillSlope from the straight line
 * log10((Top − y)/(y − Bottom)) = HillSlope·LogIC50 − HillSlope·log10 x fitted to the group means.
 */

export interface Start4 {
  bottom: number;
  top: number;
  logIc50: number;
  hill: number;
}

/**
 * Means of y for each distinct x, sorted by x; with `logX` (log10 of each x, as logDoses gives)
 * also each group's log10 dose, so that no logarithm is taken twice.
 */
export function doseGroupMeans(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  logX?: ArrayLike<number>,
): { x: number[]; mean: number[]; logX: number[] } {
  // Sort point indices by dose, then average runs of equal doses (cheaper than a Map per fit).
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < x.length; i++) {
    order.push(i);
    if (i > 0 && x[i]! < x[i - 1]!) sorted = false;
  }
  // Doses usually come in ascending order already; then the (stable) sort would change nothing.
  if (!sorted) order.sort((a, b) => x[a]! - x[b]!);
  const xs: number[] = [];
  const mean: number[] = [];
  const logs: number[] = [];
  let i = 0;
  while (i < order.length) {
    const dose = x[order[i]!]!;
    logs.push(logX !== undefined ? logX[order[i]!]! : dose > 0 ? Math.log10(dose) : Number.NEGATIVE_INFINITY);
    let sum = 0;
    let count = 0;
    while (i < order.length && x[order[i]!] === dose) {
      sum += y[order[i]!]!;
      count++;
      i++;
    }
    xs.push(dose);
    mean.push(sum / count);
  }
  return { x: xs, mean, logX: logs };
}

export function startingValues4(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  fixed: { bottom?: number; top?: number; logIc50?: number; hill?: number } = {},
  logX?: ArrayLike<number>,
): Start4 {
  const groups = doseGroupMeans(x, y, logX);
  const n = groups.x.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const m of groups.mean) {
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  // Falling when the low-dose third responds more than the high-dose third.
  const third = Math.max(1, Math.floor(n / 3));
  let lowMean = 0;
  let highMean = 0;
  for (let i = 0; i < third; i++) {
    lowMean += groups.mean[i]! / third;
    highMean += groups.mean[n - 1 - i]! / third;
  }
  const falling = lowMean >= highMean;
  const stretch = 0.01 * (hi - lo || Math.abs(hi) || 1);
  lo -= stretch;
  hi += stretch;
  const bottom = fixed.bottom ?? lo;
  const top = fixed.top ?? hi;
  const positive: number[] = [];
  for (let i = 0; i < n; i++) if (groups.x[i]! > 0) positive.push(i);
  // log10 of the lowest and highest positive dose (0 when there is none).
  const minLog = positive.length > 0 ? groups.logX[positive[0]!]! : 0;
  const maxLog = positive.length > 0 ? groups.logX[positive[positive.length - 1]!]! : 0;

  // Least-squares line through the logit-transformed group means (only those strictly inside the plateaus).
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let k = 0;
  const upper = Math.max(bottom, top);
  const lower = Math.min(bottom, top);
  for (const i of positive) {
    const m = groups.mean[i]!;
    if (!(m > lower && m < upper)) continue;
    const X = groups.logX[i]!;
    const Y = Math.log10((top - m) / (m - bottom));
    sx += X;
    sy += Y;
    sxx += X * X;
    sxy += X * Y;
    k++;
  }
  let hill = falling === top > bottom ? -1 : 1;
  let logIc50 = (minLog + maxLog) / 2;
  const det = k * sxx - sx * sx;
  if (k >= 2 && det > 0) {
    const slope = (k * sxy - sx * sy) / det;
    const intercept = (sy - slope * sx) / k;
    const h = -slope;
    if (Number.isFinite(h) && Math.abs(h) > 1e-3) {
      hill = Math.max(-10, Math.min(10, h));
      logIc50 = intercept / h;
    }
  }
  const span = Math.max(maxLog - minLog, 1);
  if (!Number.isFinite(logIc50)) logIc50 = (minLog + maxLog) / 2;
  logIc50 = Math.max(minLog - span, Math.min(maxLog + span, logIc50));
  return { bottom, top, logIc50: fixed.logIc50 ?? logIc50, hill: fixed.hill ?? hill };
}
