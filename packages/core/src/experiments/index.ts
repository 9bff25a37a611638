/** Virtual experiments on the well model: what each real assay would read out. */
export * from "./assays.ts";
export * from "./viability.ts";
