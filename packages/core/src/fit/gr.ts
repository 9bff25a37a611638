/** GR values and GR metrics (Hafner et al. 2016), with GRmetrics' conventions. */
export * from "./gr-curves.ts";
export * from "./gr-inputs.ts";
export * from "./gr-metrics.ts";
export * from "./gr-values.ts";
