/**
 * Node-only entry point ("@adclab/report/node"): a DOM for Plot, SVG → PNG, and writing output
 * files (figures, tables) all together or not at all.
 */
export { nodeDocument, svgToPng } from "./dose-response/node.ts";
export { type OutputFile, writeFilesAtomically } from "./files/write-files.ts";
