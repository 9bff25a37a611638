/**
 * @adclab/core — the public barrel: this file is the table of contents of the core.
 * Pure TypeScript only (no node:*, no DOM): the web app runs the same code in the browser.
 */
export * from "./calibration/index.ts";
export * from "./coloc/index.ts";
export * from "./errors/input-error.ts";
export * from "./experiments/index.ts";
export * from "./fit/gr.ts";
export * from "./fit/index.ts";
export * from "./io/index.ts";
export * from "./io/tiff/index.ts";
export * from "./knowledge/assays.ts";
export * from "./knowledge/index.ts";
export * from "./knowledge/protocols.ts";
export * from "./knowledge/troubleshooting-table.ts";
export * from "./model/index.ts";
export * from "./ode/index.ts";
export * from "./random/rng.ts";
export * from "./stats/index.ts";
export * from "./troubleshoot/index.ts";
export * from "./units/index.ts";
export { ADCLAB_VERSION } from "./version.ts";
