/**
 * Node-only helpers: a DOM for Observable Plot (linkedom) and SVG → PNG (resvg, which bundles
 * its own renderer, so no browser is needed). Not for the browser bundle.
 */
import { Resvg } from "@resvg/resvg-js";
import { parseHTML } from "linkedom";
import type { FigureDocument } from "./figure.ts";

/** A fresh document for Plot to build SVG in. */
export function nodeDocument(): FigureDocument {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as FigureDocument;
}

/** Rasterise SVG text to PNG bytes at `scale` × its size (2 gives a 300-dpi-ish figure at 640 px). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return r.render().asPng();
}
