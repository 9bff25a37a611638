/**
 * `adclab coloc`: Protocol 1's co-localization of labelled T-DM1 with a lysosome marker, with
 * Fiji Coloc 2's metrics, for one image (whole, masked or per cell) or a batch of images with a
 * design table (image → condition, chase time) and the comparison of conditions.
 */
import {
  analyzeColocImage,
  type ColocAnalysisOptions,
  type ColocImageResult,
  colocJson,
  parseColocThreshold,
} from "@adclab/analyses";
import { colocCytofluorogramPng } from "@adclab/analyses/node";
import { colocDisplay } from "@adclab/analyses/tables";
import { InputError } from "@adclab/core";
import { writeFilesAtomically } from "@adclab/report/node";
import type { Command } from "commander";
import { runBatch } from "../coloc/batch.ts";
import { readInputFile } from "../coloc/files.ts";
import type { CommandModule } from "../context.ts";
import { formatTable } from "../format.ts";

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
          writeFilesAtomically([
            {
              path: flags.histogram,
              data: colocCytofluorogramPng(result, pixels),
              field: "--histogram",
              what: "the cytofluorogram",
            },
          ]);
        }
        ctx.print(
          colocJson(result, common, { mask: flags.mask, labels: flags.labels }),
          () => human(result),
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

/** The lines and tables (from @adclab/analyses/tables, as the web page's) as text. */
function human(result: ColocImageResult): string {
  const d = colocDisplay(result);
  const lines = [d.head];
  if (d.region) {
    const { thresholds, metrics, costes, warnings } = d.region;
    lines.push(thresholds, formatTable(metrics.headers, metrics.rows));
    if (costes) lines.push(costes);
    for (const w of warnings) lines.push(`warning: ${w}`);
  }
  if (d.rows) lines.push(formatTable(d.rows.headers, d.rows.rows));
  return lines.join("\n");
}
