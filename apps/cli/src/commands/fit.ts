/**
 * `adclab fit FILE`: dose–response curves from a long table or a plate-reader grid + layout, to
 * per-curve IC50s (or GR metrics), comparisons (fold resistance, shared-LogIC50 F test), inhibitor
 * reversal and a publication figure. The analysis is @adclab/analyses' runDoseResponse (the same
 * one the API and the demo project run); this command reads the files, prints, and writes the
 * figure to a temporary file that is then renamed, so a failed run leaves no partial output.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import {
  DOSE_RESPONSE_MODELS,
  type DoseResponseResult,
  doseResponseFigureSvg,
  type GrResult,
  type Ic50Result,
  type NamedFile,
  parseDoseResponseOptions,
  runDoseResponse,
} from "@adclab/analyses";
import {
  comparisonTable,
  constraintLine,
  curveTable,
  type DisplayTable,
  derivedTable,
  modelComparisonTable,
  outlierLines,
  reversalTable,
} from "@adclab/analyses/tables";
import { InputError } from "@adclab/core";
import { nodeDocument, svgToPng } from "@adclab/report/node";
import type { CommandModule } from "../context.ts";
import { formatTable } from "../format.ts";

interface FitFlags {
  layout?: string;
  controls?: string;
  time0?: string;
  model: string;
  normalize?: string;
  compare: string[];
  reversal: string[];
  compareModels?: boolean;
  ec?: string;
  absoluteEc?: string;
  auc?: boolean;
  robust?: boolean;
  routQ?: string;
  fix: string[];
  bounds: string[];
  share: string[];
  unit?: string;
  mw?: string;
  json?: boolean;
  plot?: string;
}

function readNamed(path: string, field: string): NamedFile {
  try {
    return { name: path, content: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`, {
      file: path,
      field,
    });
  }
}

/** Write bytes next to the target under a temporary name, then rename: readers never see half a file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write the figure (${code ?? String(e)})`, { field: "--plot", got: path });
  }
}

const repeatable = (v: string, acc: string[]) => [...acc, v];

export const fitCommand: CommandModule = {
  name: "fit",
  register(program, ctx) {
    program
      .command("fit")
      .description("fit dose–response curves (IC50 with CI, or GR metrics), compare lines, draw the figure")
      .argument("<file>", "long table (CSV/TSV, one row per well) or plate-reader grid (with --layout)")
      .option("--layout <file>", "plate layout for a plate-reader grid: labelled grids or a table with a well column")
      .option("--model <model>", `curve model: ${DOSE_RESPONSE_MODELS.join(", ")}`, "ll4")
      .option(
        "--normalize <how>",
        "vehicle (100 %) and blank (0 %), or none (default: vehicle when the file has vehicle wells)",
      )
      .option(
        "--compare <ref:test>",
        "fold = IC50(test)/IC50(ref) with CI and shared-LogIC50 F test (repeatable)",
        repeatable,
        [] as string[],
      )
      .option(
        "--reversal <sample:inhibitor[:parental]>",
        "inhibitor reversal IC50(DRUG)/IC50(DRUG + inhibitor) in sample, and its ratio to the parental line's (repeatable)",
        repeatable,
        [] as string[],
      )
      .option("--compare-models", "per curve: 3PL vs 4PL and 4PL vs 5PL by extra-sum-of-squares F test and AICc")
      .option(
        "--ec <percents>",
        "relative ECanything (Prism): e.g. 50,90 — F % of the way from the top plateau to the bottom",
      )
      .option("--absolute-ec <levels>", "absolute EC: where the fitted curve crosses a response level, e.g. 50 (%)")
      .option("--auc", "AUC over log10 concentration across the tested doses, and Emax (response at the top dose)")
      .option("--robust", "robust fit with outlier removal (ROUT, Motulsky & Brown 2006); outliers listed per curve")
      .option("--rout-q <percent>", "ROUT's false discovery rate Q in percent (default 1)")
      .option(
        "--fix <param=value>",
        "hold a parameter at a value, e.g. bottom=0 or hill=-1 (the model's names, case-insensitive; repeatable)",
        repeatable,
        [] as string[],
      )
      .option(
        "--bounds <param=lo:hi>",
        "keep a parameter in [lo, hi]; either side may be empty, e.g. hill=-3: (repeatable)",
        repeatable,
        [] as string[],
      )
      .option(
        "--share <param>",
        "one value of the parameter for all curves of a compound: a global fit, e.g. hill (repeatable)",
        repeatable,
        [] as string[],
      )
      .option("--controls <file>", "gr: control counts in a separate table (GRmetrics' separate-table input)")
      .option("--time0 <file>", "gr: time-zero counts in a separate table")
      .option("--unit <unit>", "unit of bare concentration numbers (when neither header nor cells give one)")
      .option("--mw <g/mol>", "molecular weight for mass concentrations (default: the compound's, else T-DM1's)")
      .option("--plot <out.svg|out.png>", "write the figure")
      .option("--json", "print JSON (schema: docs/cli/fit.md)")
      .addHelpText(
        "after",
        "\nExamples:\n  adclab fit examples/dose-response/tdm1-long.csv --compare BT-474:BT-474-TR --plot fig.svg\n  adclab fit examples/dose-response/reversal-long.csv --reversal 'KPL-4 T-DM1R:verapamil:KPL-4'\n  adclab fit examples/dose-response/plate-96.csv --layout examples/dose-response/plate-96-layout.csv\n  adclab fit examples/dose-response/gr-counts.csv --model gr --json\n  adclab fit examples/dose-response/tdm1-long.csv --model prism4 --fix bottom=0 --share hill",
      )
      .action((file: string, raw: FitFlags) => {
        const options = parseDoseResponseOptions(raw);
        if (raw.plot !== undefined && ![".svg", ".png"].includes(extname(raw.plot).toLowerCase())) {
          throw new InputError("the figure must be .svg or .png", { field: "--plot", got: raw.plot });
        }
        const files = {
          file: readNamed(file, "FILE"),
          ...(raw.layout !== undefined ? { layout: readNamed(raw.layout, "--layout") } : {}),
          ...(raw.controls !== undefined ? { controls: readNamed(raw.controls, "--controls") } : {}),
          ...(raw.time0 !== undefined ? { time0: readNamed(raw.time0, "--time0") } : {}),
        };
        const analysis = runDoseResponse(files, options);
        const result = analysis.result;
        // Render before writing anything, so that an error leaves no file behind.
        if (raw.plot !== undefined) {
          const svg = doseResponseFigureSvg(analysis, nodeDocument());
          writeAtomically(raw.plot, extname(raw.plot).toLowerCase() === ".png" ? svgToPng(svg) : svg);
          result.figure = raw.plot;
        }
        const plotted = raw.plot;
        ctx.print(result, () => `${fitText(result)}${plotted === undefined ? "" : `\nfigure: ${plotted}`}`, !!raw.json);
      });
  },
};

/** The human tables (built by @adclab/analyses/tables, which the web page's Dose–response tables also use). */
export function fitText(result: DoseResponseResult): string {
  return result.model === "gr" ? grText(result) : ic50Text(result);
}

/** A table as text, with its explanatory line under it. */
const text = (t: DisplayTable) => `${formatTable(t.headers, t.rows)}${t.note ? `\n${t.note}` : ""}`;
const section = (t: DisplayTable | null) => (t ? `\n\n${text(t)}` : "");

function ic50Text(result: Ic50Result): string {
  const outliers = outlierLines(result);
  const robust = outliers ? `\n${outliers.join("\n")}` : "";
  const derived = section(derivedTable(result));
  const cmp = section(result.comparisons.length ? comparisonTable(result) : null);
  const rev = section(result.reversals.length ? reversalTable(result) : null);
  const models = section(modelComparisonTable(result));
  // A constrained fit says so even when every list is empty (then an empty line), as it always has.
  const constraints = result.constraints ? `\n${constraintLine(result)}` : "";
  return `${text(curveTable(result))}${robust}${derived}${cmp}${rev}${models}\nresponse: ${result.responseUnit === "%" ? "% of vehicle" : "raw"} (normalization: ${result.normalization})${constraints}${footer(result.warnings)}`;
}

function grText(result: GrResult): string {
  return text(curveTable(result)) + footer(result.warnings);
}

function footer(warnings: string[]): string {
  return warnings.length ? `\n${warnings.map((w) => `warning: ${w}`).join("\n")}` : "";
}
