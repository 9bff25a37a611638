/**
 * The Node-only entry ("@adclab/analyses/node"): what needs Node's zlib or the PNG renderer of
 * @adclab/report/node. Everything else is in the main entry, which the web app bundles.
 */
export { colocCytofluorogramPng } from "./coloc/cytofluorogram-png.ts";
export { colocImageInfo } from "./coloc/previews.ts";
