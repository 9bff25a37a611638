/**
 * `adclab fit FILE`: dose–response curves from a long table or a plate-reader grid + layout, to
 * per-curve IC50s (or GR metrics), comparisons (fold resistance, shared-LogIC50 F test), inhibitor
 * reversal and a publication figure. The analysis is @adclab/analyses' runDoseResponse (the same
 * one the API and the demo project run); this command reads the files, prints, and writes the
 * figure to a temporary file that is then renamed, so a failed run leaves no partial output.
 */
import { extname } from "node:path";
import {
  type DoseResponseFiles,
  type DoseResponseResult,
  doseResponseContract,
  doseResponseFigureSvg,
  type GrResult,
  type Ic50Result,
  optionsFromFlags,
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
import { nodeDocument, svgToPng, writeFilesAtomically } from "@adclab/report/node";
import { addAnalysisFlags, analysisFiles } from "../analysis-flags.ts";
import type { CommandModule } from "../context.ts";
import { formatTable } from "../format.ts";

/** Where the help lists each file and option (the contract's order puts the files first). */
const FLAG_ORDER = [
  "layout",
  "model",
  "normalize",
  "compare",
  "reversal",
  "compareModels",
  "ec",
  "absoluteEc",
  "auc",
  "robust",
  "routQ",
  "fix",
  "bounds",
  "share",
  "controls",
  "time0",
];

export const fitCommand: CommandModule = {
  name: "fit",
  register(program, ctx) {
    const command = program.command(doseResponseContract.command).description(doseResponseContract.summary);
    addAnalysisFlags(command, doseResponseContract, FLAG_ORDER)
      .option("--plot <out.svg|out.png>", "write the figure")
      .option("--json", "print JSON (schema: docs/cli/fit.md)")
      .addHelpText(
        "after",
        "\nExamples:\n  adclab fit examples/dose-response/tdm1-long.csv --compare BT-474:BT-474-TR --plot fig.svg\n  adclab fit examples/dose-response/reversal-long.csv --reversal 'KPL-4 T-DM1R:verapamil:KPL-4'\n  adclab fit examples/dose-response/plate-96.csv --layout examples/dose-response/plate-96-layout.csv\n  adclab fit examples/dose-response/gr-counts.csv --model gr --json\n  adclab fit examples/dose-response/tdm1-long.csv --model prism4 --fix bottom=0 --share hill",
      )
      .action((file: string, raw: Record<string, unknown> & { plot?: string; json?: boolean }) => {
        const options = optionsFromFlags(doseResponseContract, raw);
        if (raw.plot !== undefined && ![".svg", ".png"].includes(extname(raw.plot).toLowerCase())) {
          throw new InputError("the figure must be .svg or .png", { field: "--plot", got: raw.plot });
        }
        const files = analysisFiles(doseResponseContract, file, raw) as unknown as DoseResponseFiles;
        const analysis = runDoseResponse(files, options);
        const result = analysis.result;
        // Render before writing anything, so that an error leaves no file behind.
        if (raw.plot !== undefined) {
          const svg = doseResponseFigureSvg(analysis, nodeDocument());
          writeFilesAtomically([
            {
              path: raw.plot,
              data: extname(raw.plot).toLowerCase() === ".png" ? svgToPng(svg) : svg,
              field: "--plot",
              what: "the figure",
            },
          ]);
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
