/** The dose–response figure spec (log-x axis, points, fitted curves with CI bands, IC50 markers). */
import type { GrCurve, GrMetrics } from "@adclab/core";
import { type DoseResponseFigureSpec, doseResponseBand, type FigureCurve, grBand, logGrid } from "@adclab/report";
import type { CurveFit } from "./ic50.ts";
import type { ReportUnit } from "./units.ts";

export function ic50Figure(results: CurveFit[], unit: ReportUnit, yLabel: string): DoseResponseFigureSpec {
  const curves: FigureCurve[] = results.map((r) => {
    const positive = [...r.x].filter((v) => v > 0);
    const grid = logGrid(Math.min(...positive) / 2, Math.max(...positive) * 2);
    const band = doseResponseBand(r.fit, grid);
    const p = r.fit.params;
    return {
      id: r.id,
      // Every well is drawn, the outliers a --robust fit left out included.
      points: [...[...r.x].map((x, i) => ({ concentration_nM: x, response: r.y[i]! })), ...(r.robust?.outliers ?? [])],
      fitted: band,
      ic50: { value_nM: r.fit.ic50.value_nM, qualifier: r.fit.ic50.qualifier, response: (p.top + p.bottom) / 2 },
    };
  });
  return { curves, unit, yLabel };
}

export function grFigure(curves: GrCurve[], metrics: GrMetrics[], unit: ReportUnit): DoseResponseFigureSpec {
  return {
    unit,
    yLabel: "GR value",
    yRule: 0,
    curves: curves.map((c, i) => {
      const m = metrics[i]!;
      const grid = logGrid(c.concentration_nM[0]! / 2, c.concentration_nM[c.concentration_nM.length - 1]! * 2);
      return {
        id: c.id,
        points: [...c.concentration_nM].map((x, j) => ({ concentration_nM: x, response: c.gr[j]! })),
        fitted: grBand(m, grid),
        ...(Number.isFinite(m.GR50_nM)
          ? { ic50: { value_nM: m.GR50_nM, qualifier: m.GR50_qualifier, response: 0.5 } }
          : {}),
      };
    }),
  };
}
