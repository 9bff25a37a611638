/** The troubleshooter: observations → ranked resistance mechanisms, evidence, next experiment. */
export * from "./candidates.ts";
export * from "./diagnose.ts";
export * from "./explain.ts";
export * from "./infer.ts";
export * from "./likelihood-table.ts";
export * from "./model-fingerprint.ts";
export * from "./next-experiment.ts";
export * from "./observations.ts";
export * from "./parse-observations.ts";
export * from "./predict.ts";
export * from "./priors.ts";
export * from "./table-rows.ts";
