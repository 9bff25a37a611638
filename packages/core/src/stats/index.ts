export * from "./distributions.ts";
export * from "./model-comparison.ts";
