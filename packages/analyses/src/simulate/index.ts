/**
 * Virtual experiments on the well model: the contract and its procedure, one request → result for
 * the CLI, the API and the jobs; the web explorer imports its defaults. Browser-safe.
 */
export * from "./contract.ts";
export * from "./simulation.ts";
