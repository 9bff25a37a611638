/**
 * --share: the curves of each compound are fitted together with the shared parameters in common
 * (core's fitGlobal, the machinery of the shared-LogIC50 F test) — per exposure time when the file has several —, and each curve is then reported
 * like a separate fit (core's curveFitsOfGlobal: the global covariance and df), with the profile CI
 * of its IC50 within the global fit (core's profileGlobalIc50Interval). A compound with a
 * single curve is a global fit of one curve, i.e. its ordinary fit.
 */
import {
  type CurveSet,
  curveFitsOfGlobal,
  type DoseResponseModelName,
  fitGlobal,
  type GlobalFitOptions,
  globalParameterIndex,
  profileGlobalIc50Interval,
  type Shareable,
} from "@adclab/core";
import { type CurveFit, reportedProfile } from "./ic50.ts";

/** The global fit's options for `model` and the run's constraints (the 3PL is the 4PL with a plateau fixed). */
export function globalFitOptions(
  model: DoseResponseModelName,
  constraints: Pick<GlobalFitOptions, "fixed" | "bounds" | "shared">,
): GlobalFitOptions {
  // Bottom at 0 unless Top is the plateau given.
  const fixed = {
    ...(model === "3pl" && constraints.fixed?.top === undefined ? { bottom: 0 } : {}),
    ...constraints.fixed,
  };
  return {
    model: model === "5pl" ? "5pl" : "prism4",
    ...(constraints.shared?.length ? { shared: constraints.shared } : {}),
    ...(Object.keys(fixed).length ? { fixed } : {}),
    ...(constraints.bounds ? { bounds: constraints.bounds } : {}),
  };
}

export function fitSharedCurves(
  set: CurveSet,
  model: DoseResponseModelName,
  constraints: {
    fixed: Partial<Record<Shareable, number>>;
    bounds: Partial<Record<Shareable, [number, number]>>;
    shared: Shareable[];
  },
): CurveFit[] {
  const options = globalFitOptions(model, constraints);
  const fixed = options.fixed ?? {};
  const fixedNames = Object.keys(fixed);
  const out = new Map<string, CurveFit>();
  // Curves of one compound at one exposure time form a group (several times are separate experiments).
  const groupOf = (c: CurveSet["curves"][number]) => `${c.compound}\u0000${c.time_h ?? ""}`;
  for (const group of new Set(set.curves.map(groupOf))) {
    const curves = set.curves.filter((c) => groupOf(c) === group);
    const data = curves.map((c) => ({ concentration_nM: c.concentration_nM, response: c.response }));
    const global = fitGlobal(data, options);
    const fits = curveFitsOfGlobal(global, data, model, fixedNames);
    // Each curve's LogIC50 profiled within the global fit (every other parameter refitted), under
    // the same conditions as a separate fit's; a shared LogIC50 is one parameter, profiled once.
    const profiles = new Map<number, CurveFit["profile"]>();
    const profileOf = (index: number): CurveFit["profile"] => {
      const f = fits[index]!;
      if (f.ic50.qualifier !== "=" || !global.converged || global.df <= 0 || fixed.logIC50 !== undefined) return null;
      const j = globalParameterIndex(global, index, "logIC50");
      if (!profiles.has(j)) {
        profiles.set(j, reportedProfile(profileGlobalIc50Interval(data, global, options, index)));
      }
      return profiles.get(j)!;
    };
    curves.forEach((c, index) => {
      out.set(c.id, {
        id: c.id,
        sample: c.sample,
        compound: c.compound,
        ...(c.time_h !== undefined ? { time_h: c.time_h } : {}),
        fit: fits[index]!,
        global: { fit: global, index, curves: data, options },
        profile: profileOf(index),
        x: c.concentration_nM,
        y: c.response,
      });
    });
  }
  return set.curves.map((c) => out.get(c.id)!);
}
