/**
 * `adclab coloc`: Protocol 1's co-localization of labelled T-DM1 with a lysosome marker, with
 * Fiji Coloc 2's metrics, for one image (whole, masked or per cell) or a batch of images with a
 * design table (image → condition, chase time) and the comparison of conditions.
 */
import { resolve } from "node:path";
import {
  analyzeColocImage,
  type ColocAnalysisOptions,
  type ColocImageResult,
  type ColocRow,
  colocCytofluorogramPng,
  colocJson,
  parseColocThreshold,
} from "@adclab/analyses";
import { InputError } from "@adclab/core";
import type { Command } from "commander";
import { writeFilesAtomically } from "../coloc/atomic-write.ts";
import { runBatch } from "../coloc/batch.ts";
import { readInputFile } from "../coloc/files.ts";
import type { CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";

interface Flags {
  ch1?: string;
  ch2?: string;
  mask?: string;
  labels?: string;
  threshold: string;
  costesIterations: string;
  psf: string;
  seed: string;
  perSlice?: boolean;
  kendall: boolean;
  frame: string;
  json?: boolean;
  histogram?: string;
  batch?: string;
  design?: string;
  out?: string;
  reference: string;
  metric: string;
  workers?: string;
}

export const colocCommand: CommandModule = {
  name: "coloc",
  register(program: Command, ctx) {
    program
      .command("coloc")
      .description(
        "co-localization of two channels (Protocol 1) with Fiji Coloc 2's metrics; per cell with a label image",
      )
      .argument("[image]", "TIFF / OME-TIFF / ImageJ hyperstack with both channels, or channel 1's file")
      .argument("[image2]", "channel 2's file, when the channels are in separate files")
      .option("--ch1 <n|name>", "channel 1 (e.g. T-DM1): 1-based number or name from the OME-XML", undefined)
      .option("--ch2 <n|name>", "channel 2 (e.g. LAMP1 / LysoTracker)", undefined)
      .option("--mask <file>", "binary mask / ROI image: analyse only its non-zero pixels")
      .option("--labels <file>", "label image (one integer per cell, 0 = background): one result per cell")
      .option("--threshold <method>", "costes | costes-classic | otsu | manual:A,B", "costes")
      .option("--costes-iterations <n>", "Costes randomizations for the significance test (0 = skip)", "100")
      .option("--psf <px>", "block size for the Costes test, about the PSF width in pixels", "3")
      .option("--seed <n>", "seed of the Costes shuffles", "1")
      .option("--per-slice", "analyse a z-stack slice by slice (default: the whole stack in 3-D)")
      .option("--no-kendall", "skip Kendall's tau-b (the slowest metric)")
      .option("--frame <n>", "time point of a time series (1-based)", "1")
      .option("--histogram <out.png>", "write the cytofluorogram (2-D histogram with regression and thresholds) as PNG")
      .option("--batch <folder>", "analyse every image of the design table in this folder")
      .option(
        "--design <design.csv>",
        "batch: table with columns image, condition, time_h (optional image2, mask, labels)",
      )
      .option(
        "--out <folder>",
        "batch: where to write coloc-images.csv, coloc-cells.csv, coloc-comparison.csv (default: the batch folder)",
      )
      .option("--reference <condition>", "batch: the condition the others are compared with", "parental")
      .option(
        "--metric <name>",
        "batch: metric compared between conditions (pearson, spearman, kendall, m1, m2, tm1, tm2, moc, icq)",
        "pearson",
      )
      .option("--workers <n>", "batch: worker threads (default: all cores)")
      .option("--json", "print JSON")
      .addHelpText(
        "after",
        [
          "",
          "Examples:",
          "  adclab coloc cells.ome.tif --ch1 T-DM1 --ch2 LAMP1 --labels cells_cp_masks.tif",
          "  adclab coloc tdm1.tif lamp1.tif --mask roi.tif --threshold manual:300,250 --json",
          "  adclab coloc --batch images/ --design design.csv --reference parental --metric tm1",
          "",
          "Metrics follow Fiji's Coloc 2 (https://imagej.net/plugins/coloc-2); see packages/core/src/coloc.",
        ].join("\n"),
      )
      .action(async (image: string | undefined, image2: string | undefined, flags: Flags) => {
        const common = commonOptions(flags);
        if (flags.batch || flags.design) {
          if (!flags.batch || !flags.design) {
            throw new InputError("batch mode needs both --batch FOLDER and --design design.csv", {
              field: flags.batch ? "--design" : "--batch",
            });
          }
          if (image) throw new InputError("give either an IMAGE or --batch, not both", { field: "IMAGE", got: image });
          await runBatch(ctx, {
            folder: flags.batch,
            design: flags.design,
            out: flags.out ?? flags.batch,
            reference: flags.reference,
            metric: flags.metric,
            workers: flags.workers === undefined ? undefined : positiveInt(flags.workers, "--workers"),
            json: !!flags.json,
            common,
          });
          return;
        }
        if (!image) throw new InputError("missing IMAGE (or --batch FOLDER --design design.csv)", { field: "IMAGE" });
        if (flags.mask && flags.labels)
          throw new InputError("give --mask or --labels, not both", { field: "--labels" });
        const { pixels, ...result } = await analyzeColocImage(
          {
            image: readInputFile(image, "IMAGE"),
            ...(image2 ? { image2: readInputFile(image2, "IMAGE2") } : {}),
            ...(flags.mask ? { mask: readInputFile(flags.mask, "--mask") } : {}),
            ...(flags.labels ? { labels: readInputFile(flags.labels, "--labels") } : {}),
            ...(flags.ch1 === undefined ? {} : { ch1: flags.ch1 }),
            ...(flags.ch2 === undefined ? {} : { ch2: flags.ch2 }),
          },
          common,
        );
        if (flags.histogram) {
          // rendered after the analysis succeeded, written atomically: an error leaves nothing behind
          writeFilesAtomically([{ path: resolve(flags.histogram), data: colocCytofluorogramPng(result, pixels) }]);
        }
        ctx.print(
          colocJson(result, common, { mask: flags.mask, labels: flags.labels }),
          () => human(result.rows, result),
          !!flags.json,
        );
      });
  },
};

function commonOptions(f: Flags): ColocAnalysisOptions {
  return {
    threshold: parseColocThreshold(f.threshold),
    costesIterations: nonNegativeInt(f.costesIterations, "--costes-iterations"),
    blockSize: positiveInt(f.psf, "--psf"),
    seed: integer(f.seed, "--seed"),
    perSlice: !!f.perSlice,
    kendall: f.kendall !== false,
    frame: positiveInt(f.frame, "--frame"),
  };
}

function integer(s: string, field: string): number {
  const v = Number(s);
  if (!Number.isInteger(v)) throw new InputError("not a whole number", { field, expected: "a whole number", got: s });
  return v;
}
function nonNegativeInt(s: string, field: string): number {
  const v = integer(s, field);
  if (v < 0) throw new InputError("must not be negative", { field, expected: "a whole number ≥ 0", got: s });
  return v;
}
function positiveInt(s: string, field: string): number {
  const v = integer(s, field);
  if (v < 1) throw new InputError("must be at least 1", { field, expected: "a whole number ≥ 1", got: s });
  return v;
}

const METRIC_COLUMNS: [string, (r: ColocRow) => number | null][] = [
  ["pearson", (r) => r.pearson.all],
  ["pearson<T", (r) => r.pearson.belowThreshold],
  ["pearson>T", (r) => r.pearson.aboveThreshold],
  ["spearman", (r) => r.spearman],
  ["kendall", (r) => r.kendallTauB],
  ["M1", (r) => r.manders.m1],
  ["M2", (r) => r.manders.m2],
  ["tM1", (r) => r.manders.tM1],
  ["tM2", (r) => r.manders.tM2],
  ["MOC", (r) => r.overlapCoefficient],
  ["ICQ", (r) => r.liIcq],
  ["T1", (r) => r.thresholds.ch1],
  ["T2", (r) => r.thresholds.ch2],
  ["costesP", (r) => r.costes?.costesPValue ?? null],
  ["randP", (r) => r.costes?.pValue ?? null],
];

function human(rows: ColocRow[], result: ColocImageResult): string {
  const name = (c: { index: number; name: string | null }) => (c.name ? `${c.index} (${c.name})` : String(c.index));
  const head = `${result.image.file}${result.image.file2 ? ` + ${result.image.file2}` : ""}: ${result.image.width}×${result.image.height}${result.image.slices > 1 ? `×${result.image.slices}` : ""} ${result.image.sampleType}, ch1 ${name(result.channels.ch1)} vs ch2 ${name(result.channels.ch2)}`;
  const fmt = (v: number | null) => (v === null ? "—" : Number.isNaN(v) ? "NaN" : formatNumber(v, 4));
  const lines = [head];
  if (rows.length === 1) {
    const r = rows[0] as ColocRow;
    lines.push(
      `pixels ${r.nPixels}, thresholds (${r.thresholds.method}) ch1 ${fmt(r.thresholds.ch1)}, ch2 ${fmt(r.thresholds.ch2)}`,
    );
    lines.push(
      formatTable(
        ["metric", "value"],
        METRIC_COLUMNS.slice(0, 11).map(([k, f]) => [k, fmt(f(r))]),
      ),
    );
    if (r.costes) {
      lines.push(
        `Costes test (${r.costes.iterations} shuffles, ${r.costes.blockSize}-px blocks): shuffled r ${fmt(r.costes.shuffledMean)} ± ${fmt(r.costes.shuffledSd)}, Coloc 2 P ${fmt(r.costes.costesPValue)} (≥ 0.95 = co-localized), randomization P ${fmt(r.costes.pValue)}`,
      );
    }
    for (const w of r.thresholds.warnings) lines.push(`warning: ${w}`);
  } else {
    const keys = ["slice", "cell", "pixels", ...METRIC_COLUMNS.map(([k]) => k)];
    lines.push(
      formatTable(
        keys,
        rows.map((r) => [r.slice ?? "", r.label ?? "", r.nPixels, ...METRIC_COLUMNS.map(([, f]) => fmt(f(r)))]),
      ),
    );
  }
  return lines.join("\n");
}
