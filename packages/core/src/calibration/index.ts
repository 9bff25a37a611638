/** Calibration of model quantities to observed IC50s, and the seed-table reproduction. */
export * from "./calibrate.ts";
export * from "./seed-table.ts";
