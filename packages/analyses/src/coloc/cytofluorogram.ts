/**
 * The cytofluorogram of an analysed image: the 2-D histogram of the region's (ch1, ch2) with the
 * Costes regression line and the thresholds (lines only when there is a single region; a per-cell
 * analysis has one pair per cell, listed in its table).
 */
import { cytofluorogramSvg } from "@adclab/report";
import type { ColocAnalysedPixels, ColocImageResult } from "./analyze.ts";

export function colocCytofluorogramSvg(result: Pick<ColocImageResult, "rows" | "channels">, p: ColocAnalysedPixels) {
  const single = result.rows.length === 1 ? result.rows[0] : undefined;
  const name = (c: { index: number; name: string | null }, k: number) => `channel ${k}: ${c.name ?? `#${c.index}`}`;
  return cytofluorogramSvg({
    ch1: p.ch1,
    ch2: p.ch2,
    region: p.region,
    thresholds: single ? single.thresholds : null,
    regression:
      single?.thresholds.slope !== undefined
        ? { slope: single.thresholds.slope, intercept: single.thresholds.intercept as number }
        : null,
    label1: name(result.channels.ch1, 1),
    label2: name(result.channels.ch2, 2),
    title: single
      ? `r = ${(single.pearson.all ?? Number.NaN).toFixed(3)}, thresholds ${single.thresholds.ch1} / ${single.thresholds.ch2} (${single.thresholds.method})`
      : `${result.rows.length} regions (lines per region in the results)`,
  });
}
