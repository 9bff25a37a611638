/** `--histogram out.png`: the cytofluorogram of the analysed pixels, rendered to PNG with resvg. */
import { cytofluorogramSvg } from "@adclab/report";
import { Resvg } from "@resvg/resvg-js";
import type { ColocFileResult } from "./analyze-files.ts";

export function renderHistogram(result: ColocFileResult): Uint8Array {
  const p = result.pixels;
  if (!p) throw new Error("renderHistogram needs the pixels (analyzeFiles with keepPixels)");
  const single = result.rows.length === 1 ? result.rows[0] : undefined;
  const name = (c: { index: number; name: string | null }, k: number) => `channel ${k}: ${c.name ?? `#${c.index}`}`;
  const svg = cytofluorogramSvg({
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
      ? `r = ${single.pearson.all.toFixed(3)}, thresholds ${single.thresholds.ch1} / ${single.thresholds.ch2} (${single.thresholds.method})`
      : `${result.rows.length} regions (lines per region in the results)`,
  });
  return new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { loadSystemFonts: true } }).render().asPng();
}
