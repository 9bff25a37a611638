/** The cytofluorogram as PNG: Node-only (resvg), so exported by @adclab/analyses/node. */
import { svgToPng } from "@adclab/report/node";
import type { ColocAnalysedPixels, ColocImageResult } from "./analyze.ts";
import { colocCytofluorogramSvg } from "./cytofluorogram.ts";

/** The same figure as PNG (rendered at 2×). */
export function colocCytofluorogramPng(result: Pick<ColocImageResult, "rows" | "channels">, p: ColocAnalysedPixels) {
  return svgToPng(colocCytofluorogramSvg(result, p), 2);
}
