/**
 * Text measured without a DOM (linkedom has no layout, and the figure must lay out the same in
 * Node and the browser): the advances of DejaVu Sans, the figures' first font. Browsers without it
 * fall back to Arial, which is narrower, so a label measured here never overflows its box.
 */
import { DEJAVU_SANS_ADVANCES, DEJAVU_SANS_CHARS } from "./dejavu-sans-widths.ts";

const ADVANCE = new Map<string, number>([...DEJAVU_SANS_CHARS].map((c, i) => [c, DEJAVU_SANS_ADVANCES[i]!]));
/** Characters outside the table (CJK, rare symbols) count as a full em: wide, never too narrow. */
const UNKNOWN = 1000;

/** Width in px of `text` set in DejaVu Sans at `fontSize` px (sum of advances, no kerning). */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const c of text) w += ADVANCE.get(c) ?? UNKNOWN;
  return (w * fontSize) / 1000;
}

export interface FittedLabel {
  /** The lines to draw, each at most maxWidth wide. */
  lines: string[];
  /** True when text was cut (the last line ends in "…"): the figure then carries the full text. */
  truncated: boolean;
}

const ELLIPSIS = "…";

/** Pieces of `text` a line may end after: words (the space is dropped at a break) and hyphen/slash parts. */
function pieces(text: string): string[] {
  return text.match(/[^\s\-/]*[-/]+|[^\s\-/]+\s*|\s+/g) ?? [];
}

/** The longest prefix of `text` that fits in `maxWidth` with "…" after it. */
function ellipsize(text: string, maxWidth: number, fontSize: number): string {
  const chars = [...text.trimEnd()];
  let n = chars.length;
  while (n > 0 && textWidth(`${chars.slice(0, n).join("").trimEnd()}${ELLIPSIS}`, fontSize) > maxWidth) n--;
  return `${chars.slice(0, n).join("").trimEnd()}${ELLIPSIS}`;
}

/**
 * Wrap `text` into at most `maxLines` lines of at most `maxWidth` px: greedily at spaces, hyphens
 * and slashes, a word wider than a line split between characters; what still does not fit is cut
 * with "…".
 */
export function fitLabel(text: string, maxWidth: number, fontSize: number, maxLines = 2): FittedLabel {
  const clean = text.replace(/\s+/g, " ").trim();
  if (textWidth(clean, fontSize) <= maxWidth) return { lines: [clean], truncated: false };
  // Lines as taken from the text, trailing space kept, so that the rest can be joined back.
  const raw: string[] = [];
  let line = "";
  const queue = pieces(clean);
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (textWidth((line + p).trimEnd(), fontSize) <= maxWidth) {
      line += p;
      continue;
    }
    if (line.trim() === "") {
      // One piece wider than a whole line: as many characters as fit, the rest goes on.
      const chars = [...p];
      let n = chars.length - 1;
      while (n > 1 && textWidth(chars.slice(0, n).join(""), fontSize) > maxWidth) n--;
      raw.push(chars.slice(0, n).join(""));
      queue.unshift(chars.slice(n).join(""));
    } else {
      raw.push(line);
      queue.unshift(p);
    }
    line = "";
    if (raw.length === maxLines) break;
  }
  if (raw.length < maxLines) {
    if (line.trim() !== "") raw.push(line);
    return { lines: raw.map((l) => l.trimEnd()), truncated: false };
  }
  // Out of lines: the last one takes the rest of the text and is cut to fit.
  const lines = raw.slice(0, -1).map((l) => l.trimEnd());
  const rest = [raw[raw.length - 1]!, line, ...queue].join("").trim();
  if (textWidth(rest, fontSize) <= maxWidth) return { lines: [...lines, rest], truncated: false };
  return { lines: [...lines, ellipsize(rest, maxWidth, fontSize)], truncated: true };
}
