/** Dose–response analysis (`adclab fit`, the API's `dose-response` kind, the demo project). */
export * from "./analysis.ts";
export * from "./contract.ts";
export type { CurveAreaRow, EffectiveConcentrationRow } from "./derived.ts";
export type { GrCurveRow } from "./gr.ts";
export type { ComparisonRow, Ic50CurveRow, RatioRow, ReversalRow } from "./ic50.ts";
export type { ModelComparisonRow } from "./model-comparison.ts";
export * from "./options.ts";
export type { DoseResponseFiles, NamedFile } from "./read.ts";
export { drugWithoutInhibitor } from "./reversal.ts";
export { type ReportUnit, unitFromLabel } from "./units.ts";
