export * from "./concentration.ts";
export * from "./molecular-weights.ts";
export * from "./time.ts";
