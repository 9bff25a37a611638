/** The public barrel: each area adds its `export * from "./<area>/index.ts";` line. */
export * from "./coloc/index.ts";
export * from "./contract/index.ts";
export * from "./dose-response/index.ts";
export * from "./simulate/index.ts";
