export * from "./concentration.ts";
export * from "./convert-quantity.ts";
export * from "./molecular-weights.ts";
export * from "./time.ts";
