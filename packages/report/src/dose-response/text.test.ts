/**
 * Text measured from the advance table (dejavu-sans-widths.ts, made from the font file by
 * scripts/fixtures/report/dejavu-sans-widths.py) against resvg — the renderer of our PNGs — drawing
 * the same strings in DejaVu Sans: the estimate must never be narrower than the ink, and no more
 * than a glyph's side bearings wider. And fitLabel's wrapping: line widths, "…" only when cut.
 *
 * resvg is given the font file itself (found where its system-font scan looks), so no other font
 * can stand in. Without the font the check skips on a developer's machine, but fails when CI is
 * set (.ci/run sets it and installs fonts-dejavu-core): a check that skips in CI checks nothing.
 */
import assert from "node:assert/strict";
import { type Dirent, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Resvg } from "@resvg/resvg-js";
import { fitLabel, textWidth } from "./text.ts";

/** The font directories resvg's loadSystemFonts (fontdb) scans, per platform. */
function fontDirs(): string[] {
  const home = homedir();
  if (process.platform === "darwin") return ["/Library/Fonts", "/System/Library/Fonts", join(home, "Library/Fonts")];
  if (process.platform === "win32") return [join(process.env.WINDIR ?? "C:\\Windows", "Fonts")];
  const data = process.env.XDG_DATA_HOME ?? join(home, ".local/share");
  return ["/usr/share/fonts", "/usr/local/share/fonts", join(home, ".fonts"), join(data, "fonts")];
}

/** Path of DejaVuSans.ttf (the Book face) under `dir`, searched recursively. */
function findFile(dir: string, name: string): string | undefined {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isFile() && e.name === name) return p;
    const found = e.isDirectory() ? findFile(p, name) : undefined;
    if (found) return found;
  }
  return undefined;
}

const dejaVuFile = fontDirs()
  .map((d) => findFile(d, "DejaVuSans.ttf"))
  .find((f) => f !== undefined);
const MISSING = "DejaVu Sans (DejaVuSans.ttf) is not in the system's font directories (Debian: fonts-dejavu-core)";

function inkWidth(text: string, size: number): number {
  assert.ok(dejaVuFile, `${MISSING}; CI must have it`);
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="10" y="60" font-family="DejaVu Sans" font-size="${size}">${esc}</text></svg>`;
  const r = new Resvg(svg, {
    font: { fontFiles: [dejaVuFile], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return r.getBBox()!.width;
}

const LABELS = [
  "KPL-4 T-DM1R · T-DM1 + verapamil",
  "BT-474-TR · T-DM1",
  "Response (% of vehicle)",
  "Concentration (µM)",
  "GR value",
  "HCC1954 · Lys-SMCC-DM1 + tariquidar 100 nM",
  "SK-BR-3 Δ SLC46A3 · α-tubulin",
  "−10",
  "0.001",
  "WWWMMM",
  "iiill",
  "AVAVAV",
  "To Ty Yo",
];

describe("textWidth (DejaVu Sans advances)", {
  skip: dejaVuFile || process.env.CI ? false : MISSING,
}, () => {
  for (const size of [12, 13]) {
    it(`bounds resvg's rendered width at ${size} px`, () => {
      for (const label of LABELS) {
        const est = textWidth(label, size);
        const ink = inkWidth(label, size);
        // The ink leaves out the first glyph's left and the last glyph's right side bearing, and
        // resvg kerns pairs such as "T-" and "To" (measured: 0.11–0.51 em narrower here).
        assert.ok(est >= ink, `${label}: estimate ${est} < drawn ${ink}`);
        assert.ok(est - ink <= 0.6 * size, `${label}: estimate ${est} vs drawn ${ink}`);
      }
    });
  }
});

describe("textWidth", () => {
  it("adds advances: digits are 0.637 em in DejaVu Sans, unknown characters a full em", () => {
    assert.equal(textWidth("00", 10), 12.74);
    assert.equal(textWidth("漢", 12), 12);
    assert.equal(textWidth("", 12), 0);
  });
});

describe("fitLabel", () => {
  it("keeps a label that fits on one line", () => {
    assert.deepEqual(fitLabel("BT-474 · T-DM1", 180, 12), { lines: ["BT-474 · T-DM1"], truncated: false });
  });
  it("wraps at spaces into lines no wider than the limit, losing no word", () => {
    const text = "KPL-4 T-DM1R · T-DM1 + verapamil";
    const r = fitLabel(text, 150, 12);
    assert.equal(r.truncated, false);
    assert.equal(r.lines.length, 2);
    for (const l of r.lines) assert.ok(textWidth(l, 12) <= 150, l);
    assert.equal(r.lines.join(" "), text);
  });
  it("breaks after hyphens, and inside a word that is wider than a line", () => {
    const r = fitLabel("patient-derived-xenograft-line", 100, 12, 3);
    assert.equal(r.truncated, false);
    assert.ok(r.lines.length > 1);
    for (const l of r.lines.slice(0, -1)) assert.ok(l.endsWith("-"), l);
    for (const l of r.lines) assert.ok(textWidth(l, 12) <= 100, l);
    assert.equal(r.lines.join(""), "patient-derived-xenograft-line");
    const w = fitLabel("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 60, 12, 3);
    for (const l of w.lines) assert.ok(textWidth(l, 12) <= 60, l);
    assert.ok(w.lines[0]!.length > 1);
  });
  it("cuts what does not fit in the last line with an ellipsis", () => {
    const text = "Patient-derived xenograft line 12 (HER2 3+, T-DM1 refractory) · T-DM1 + tariquidar 100 nM";
    const r = fitLabel(text, 180, 12);
    assert.equal(r.truncated, true);
    assert.equal(r.lines.length, 2);
    assert.ok(r.lines[1]!.endsWith("…"));
    for (const l of r.lines) assert.ok(textWidth(l, 12) <= 180, l);
    // What is shown is the text's beginning.
    const shown = `${r.lines[0]} ${r.lines[1]!.slice(0, -1)}`;
    assert.ok(text.replace(/-\s/g, "-").startsWith(shown.replace(/- /g, "-")), shown);
  });
});
