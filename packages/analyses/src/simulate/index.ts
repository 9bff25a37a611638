/**
 * Virtual experiments on the well model: the contract and its procedure, one request → result for
 * the CLI, the API and the jobs. Browser-safe (`@adclab/analyses/simulate`, which the web
 * explorer imports): zod and @adclab/core only.
 */
export * from "./contract.ts";
export * from "./simulation.ts";
