export * from "./distributions.ts";
export * from "./mann-whitney.ts";
export * from "./model-comparison.ts";
export * from "./welch.ts";
