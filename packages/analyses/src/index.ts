/**
 * The public barrel, browser-safe (the web app bundles it; browser-safe.test.ts checks): each area
 * adds its `export * from "./<area>/index.ts";` line. Node-only parts are in ./node.ts.
 */
export * from "./coloc/index.ts";
export * from "./contract/index.ts";
export * from "./diagnose/index.ts";
export * from "./dose-response/index.ts";
export * from "./simulate/index.ts";
