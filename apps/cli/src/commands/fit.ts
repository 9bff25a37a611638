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
  type RatioRow,
  runDoseResponse,
  unitFromLabel,
} from "@adclab/analyses";
import { InputError } from "@adclab/core";
import { nodeDocument, svgToPng } from "@adclab/report/node";
import type { CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";

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

/** The human tables; the web page's Dose–response tables show the same cells. */
export function fitText(result: DoseResponseResult): string {
  return result.model === "gr" ? grText(result) : ic50Text(result);
}

function ic50Text(result: Ic50Result): string {
  const unit = unitFromLabel(result.concentrationUnit);
  const k = unit.perNanomolar;
  const t = formatTable(
    ["curve", `IC50 (${unit.label})`, "95% CI", "95% CI (profile)", "hill", "top", "bottom", "R²", "n", "flags"],
    result.curves.map((c) => {
      const q = c.ic50.qualifier === "=" ? "" : c.ic50.qualifier;
      return [
        c.id,
        Number.isNaN(c.ic50_nM) ? "not converged" : `${q}${formatNumber(c.ic50.value)}`,
        c.ic50.ci95 ? range(c.ic50.ci95) : "—",
        c.ic50_profileCi95_nM ? range(c.ic50_profileCi95_nM.map((v) => (v === null ? null : v * k))) : "—",
        c.hill.value,
        c.top.value,
        c.bottom.value,
        c.r2,
        c.n,
        c.flags.join(" "),
      ];
    }),
  );
  const bound = (r: { qualifier: string; value: number }) =>
    `${r.qualifier === "=" ? "" : r.qualifier}${formatNumber(r.value)}`;
  const cmp = result.comparisons.length
    ? `\n\n${formatTable(
        ["reference", "test", "fold", "95% CI (Fieller)", "95% CI (delta)", "F-test p (shared LogIC50)"],
        result.comparisons.map((c) => [
          c.reference,
          c.test,
          bound(c.fold),
          c.fold.ci95 ? range(c.fold.ci95.fieller) : "—",
          c.fold.ci95 ? range(c.fold.ci95.delta) : "—",
          c.sharedLogIC50FTest ? formatNumber(c.sharedLogIC50FTest.pValue) : "—",
        ]),
      )}`
    : "";
  const ci = (r: RatioRow) => (r.ci95 ? range(r.ci95.fieller) : "—");
  const rev = result.reversals.length
    ? `\n\n${formatTable(
        [
          "sample",
          "inhibitor",
          "drug",
          "reversal",
          "95% CI (Fieller)",
          "parental",
          "parental reversal",
          "95% CI (Fieller)",
          "ratio to parental",
          "95% CI (log)",
        ],
        result.reversals.map((r) => [
          r.sample,
          r.inhibitor,
          r.compound,
          bound(r.reversal),
          ci(r.reversal),
          r.parental?.sample ?? "—",
          r.parental ? bound(r.parental.reversal) : "—",
          r.parental ? ci(r.parental.reversal) : "—",
          r.ratioToParental ? bound(r.ratioToParental) : "—",
          r.ratioToParental?.ci95 ? range(r.ratioToParental.ci95) : "—",
        ]),
      )}\nreversal = IC50(drug alone) / IC50(drug + inhibitor)`
    : "";
  const robust = result.curves.some((c) => c.rout) ? `\n${outlierText(result)}` : "";
  const derived = result.curves.some((c) => c.effectiveConcentrations || c.auc !== undefined)
    ? `\n\n${derivedText(result)}`
    : "";
  const models = result.modelComparisons ? `\n\n${modelComparisonText(result)}` : "";
  return `${t}${robust}${derived}${cmp}${rev}${models}\nresponse: ${result.responseUnit === "%" ? "% of vehicle" : "raw"} (normalization: ${result.normalization})${constraintText(result)}${footer(result.warnings)}`;
}

/** What was held, bounded or shared, so a constrained fit is never read as a free one. */
function constraintText(result: Ic50Result): string {
  const c = result.constraints;
  if (!c) return "";
  const parts = [
    ...(c.fix.length ? [`fixed: ${c.fix.join(", ")}`] : []),
    ...(c.bounds.length ? [`bounds: ${c.bounds.join(", ")}`] : []),
    ...(c.share.length ? [`shared by the curves of each compound (one global fit): ${c.share.join(", ")}`] : []),
  ];
  return `\n${parts.join("; ")}`;
}

function outlierText(result: Ic50Result): string {
  const unit = unitFromLabel(result.concentrationUnit);
  const q = result.curves.find((c) => c.rout)?.rout?.q_percent;
  const lines = result.curves.map((c) => {
    const o = c.outliers ?? [];
    const wells = o.map(
      (w) => `${formatNumber(w.concentration_nM * unit.perNanomolar)} ${unit.label} (${formatNumber(w.response)})`,
    );
    return `  ${c.id}: ${wells.length ? wells.join(", ") : "none"}`;
  });
  return `outliers left out of the fit (ROUT, Q = ${q} %):\n${lines.join("\n")}`;
}

function derivedText(result: Ic50Result): string {
  const rows = result.curves.flatMap((c) => [
    ...(c.effectiveConcentrations ?? []).map((e) => [
      c.id,
      e.kind === "relative" ? `${e.label} (${e.unit})` : `${e.label} (${e.unit}, response = ${e.at})`,
      e.value === null ? (e.note ?? "—") : `${e.qualifier === "=" ? "" : e.qualifier}${formatNumber(e.value)}`,
      e.ci95 ? range(e.ci95) : "—",
    ]),
    ...(c.auc !== undefined
      ? [
          [c.id, `AUC (${c.auc?.unit ?? "log10 conc"})`, c.auc ? formatNumber(c.auc.value) : "not converged", "—"],
          [
            c.id,
            `Emax (${c.responseUnit} at the top dose)`,
            c.emax ? formatNumber(c.emax.value) : "not converged",
            "—",
          ],
        ]
      : []),
  ]);
  const withAuc = result.curves.some((c) => c.auc !== undefined);
  return `${formatTable(["curve", "quantity", "value", "95% CI"], rows)}${
    withAuc ? "\nAUC: area under the fitted curve over log10 concentration across the tested non-zero doses" : ""
  }`;
}

function modelComparisonText(result: Ic50Result): string {
  const rows = result.modelComparisons ?? [];
  return `${formatTable(
    ["curve", "simpler", "complex", "F", "df", "p", "ΔAICc", "P(complex)", "preferred (F test)", "preferred (AICc)"],
    rows.map((m) => [
      m.curve,
      m.simpler,
      m.complex,
      m.fTest ? m.fTest.f : "—",
      m.fTest ? `${m.fTest.df1}, ${m.fTest.df2}` : "—",
      m.fTest ? formatNumber(m.fTest.pValue) : "—",
      m.aicc ? m.aicc.difference : "—",
      m.aicc ? m.aicc.probabilityComplex : "—",
      m.preferredByFTest ? (m.preferredByFTest === "complex" ? m.complex : m.simpler) : (m.note ?? "—"),
      m.aicc ? (m.aicc.preferred === "complex" ? m.complex : m.simpler) : "—",
    ]),
  )}\nΔAICc = AICc(simpler) − AICc(complex): above 0 favours the complex model; the F test prefers it when p < 0.05`;
}

function grText(result: GrResult): string {
  const unit = unitFromLabel(result.concentrationUnit);
  return (
    formatTable(
      ["curve", "fit", `GR50 (${unit.label})`, "GRmax", "GRinf", `GEC50 (${unit.label})`, "h_GR", "GR_AOC", "r2", "n"],
      result.curves.map((c) => {
        const v = c.GR50.value;
        const gr50 = typeof v === "number" ? formatNumber(v) : v === "Infinity" ? "∞" : "−∞";
        return [
          c.id,
          c.fit,
          `${c.GR50.qualifier === "=" ? "" : c.GR50.qualifier}${gr50}`,
          c.GRmax,
          c.GRinf.value,
          c.GEC50.value,
          c.h_GR.value,
          c.GR_AOC,
          c.r2,
          c.n,
        ];
      }),
    ) + footer(result.warnings)
  );
}

function range([lo, hi]: readonly (number | null)[]): string {
  return `${formatNumber(lo!)}–${hi === null || hi === undefined ? "∞" : formatNumber(hi)}`;
}

function footer(warnings: string[]): string {
  return warnings.length ? `\n${warnings.map((w) => `warning: ${w}`).join("\n")}` : "";
}
