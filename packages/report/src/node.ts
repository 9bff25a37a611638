/** Node-only entry point ("@adclab/report/node"): a DOM for Plot and SVG → PNG. */
export { nodeDocument, svgToPng } from "./dose-response/node.ts";
