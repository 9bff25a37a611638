/**
 * `adclab coloc`: Protocol 1's co-localization of labelled T-DM1 with a lysosome marker, with
 * Fiji Coloc 2's metrics, for one image (whole, masked or per cell) or a batch of images with a
 * design table (image → condition, chase time) and the comparison of conditions.
 */
import {
  type ColocContractOptions,
  type ColocFiles,
  type ColocImageResult,
  colocContract,
  colocJson,
  optionsFromFlags,
} from "@adclab/analyses";
import { colocCytofluorogramPng } from "@adclab/analyses/node";
import { colocDisplay } from "@adclab/analyses/tables";
import { InputError } from "@adclab/core";
import { writeFilesAtomically } from "@adclab/report/node";
import type { Command } from "commander";
import { addAnalysisFlags, analysisFiles } from "../analysis-flags.ts";
import { runBatch } from "../coloc/batch.ts";
import type { CommandModule } from "../context.ts";
import { formatTable } from "../format.ts";

/** The flags of the command itself: the figure, the batch (a folder and a design table) and --json. */
type Flags = Record<string, unknown> & {
  mask?: string;
  labels?: string;
  json?: boolean;
  histogram?: string;
  batch?: string;
  design?: string;
  out?: string;
  reference: string;
  metric: string;
  workers?: string;
};

/** Where the help lists each file and option of the contract (its files first otherwise). */
const FLAG_ORDER = [
  "ch1",
  "ch2",
  "mask",
  "labels",
  "threshold",
  "costesIterations",
  "psf",
  "seed",
  "perSlice",
  "kendall",
  "frame",
];

export const colocCommand: CommandModule = {
  name: "coloc",
  register(program: Command, ctx) {
    const command = program.command(colocContract.command).description(colocContract.summary);
    addAnalysisFlags(command, colocContract, FLAG_ORDER)
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
        const common: ColocContractOptions = optionsFromFlags(colocContract, flags);
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
        const files = analysisFiles(colocContract, [image, image2 || undefined], flags) as unknown as ColocFiles;
        const { pixels, ...result } = await colocContract.run(files, common);
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

function positiveInt(s: string, field: string): number {
  const v = Number(s);
  if (!Number.isInteger(v)) throw new InputError("not a whole number", { field, expected: "a whole number", got: s });
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
