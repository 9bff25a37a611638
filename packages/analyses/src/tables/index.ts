/**
 * `@adclab/analyses/tables`: the results as tables of display strings, for the CLI's text and the
 * web page's HTML. Browser-safe: nothing here (or below) imports a Node module, and the types of
 * the documents come from the analyses that make them (type-only imports, erased in the bundle).
 */

export { type ReportUnit, unitFromLabel } from "../dose-response/units.ts";
export * from "./coloc.ts";
export * from "./diagnose.ts";
export * from "./fit.ts";
export * from "./format.ts";
