export * from "./curve-model.ts";
export * from "./dose-response.ts";
export * from "./global-fit.ts";
export * from "./levenberg-marquardt.ts";
export * from "./linear-algebra.ts";
export * from "./models.ts";
export * from "./starting-values.ts";
