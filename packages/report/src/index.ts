/**
 * @adclab/report — public barrel: figures that run in Node and the browser. Node-only helpers
 * (linkedom document, PNG via resvg) are in "@adclab/report/node".
 */
export * from "./cytofluorogram/index.ts";
export * from "./dose-response/index.ts";
