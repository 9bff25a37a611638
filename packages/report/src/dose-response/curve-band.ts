/**
 * The fitted curve and its pointwise confidence band for the figure, from a fit of the engine:
 * band = f(x) ± t(level, df) · √(gᵀ·Cov·g), g = ∂f/∂p at x (delta method, the same asymptotic
 * approximation as drc's predict(…, interval = "confidence") and Prism's confidence bands).
 */
import {
  type DoseResponseFit,
  type GrMetrics,
  grSigmoidModel,
  prism4Model,
  prism5Model,
  tCritical,
} from "@adclab/core";

export interface CurveBand {
  concentration_nM: number[];
  response: number[];
  lower?: number[];
  upper?: number[];
}

/** `points` concentrations log-spaced over [lo, hi] nM. */
export function logGrid(lo_nM: number, hi_nM: number, points = 120): number[] {
  const a = Math.log10(lo_nM);
  const b = Math.log10(hi_nM);
  return Array.from({ length: points }, (_, i) => 10 ** (a + ((b - a) * i) / (points - 1)));
}

/** Curve and band of a dose–response fit (internal parameters [Bottom, Top, LogIC50, Hill(, S)]). */
export function doseResponseBand(fit: DoseResponseFit, grid_nM: number[], level = 0.95): CurveBand {
  const model = fit.lm.params.length === 5 ? prism5Model : prism4Model;
  const p = fit.lm.params;
  const g = new Float64Array(p.length);
  const response: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const cov = fit.cov;
  const t = fit.df > 0 ? tCritical(level, fit.df) : Number.NaN;
  for (const x of grid_nM) {
    const f = model.valueAndGradient ? model.valueAndGradient(x, p, g) : model.value(x, p);
    response.push(f);
    if (cov) {
      let v = 0;
      for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) v += g[i]! * (cov[i]?.[j] ?? 0) * g[j]!;
      const half = t * Math.sqrt(Math.max(v, 0));
      lower.push(f - half);
      upper.push(f + half);
    }
  }
  const ok = cov && Number.isFinite(t) && lower.every(Number.isFinite);
  return ok ? { concentration_nM: grid_nM, response, lower, upper } : { concentration_nM: grid_nM, response };
}

/** Curve and band of a GR fit (parameters [h_GR, GRinf, log10 GEC50]); a flat fit has no band. */
export function grBand(m: GrMetrics, grid_nM: number[], level = 0.95): CurveBand {
  if (m.fit === "flat") return { concentration_nM: grid_nM, response: grid_nM.map(() => m.GRinf) };
  const p = m.lm.params;
  const cov = m.lm.covariance;
  const n = p.length;
  const g = new Float64Array(n);
  const t = m.lm.df > 0 ? tCritical(level, m.lm.df) : Number.NaN;
  const response: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const x of grid_nM) {
    const f = grSigmoidModel.valueAndGradient!(x, p, g);
    response.push(f);
    if (cov) {
      let v = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += g[i]! * cov[i * n + j]! * g[j]!;
      const half = t * Math.sqrt(Math.max(v, 0));
      lower.push(f - half);
      upper.push(f + half);
    }
  }
  const ok = cov && Number.isFinite(t) && lower.every(Number.isFinite);
  return ok ? { concentration_nM: grid_nM, response, lower, upper } : { concentration_nM: grid_nM, response };
}
