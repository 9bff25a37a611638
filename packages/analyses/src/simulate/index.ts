/** Virtual experiments on the well model: one request → result procedure for the CLI and the API. */
export * from "./simulation.ts";
