/**
 * `adclab fit FILE`: dose–response curves from a long table or a plate-reader grid + layout, to
 * per-curve IC50s (or GR metrics), comparisons (fold resistance, shared-LogIC50 F test) and a
 * publication figure. Everything is computed before anything is written; the figure is written
 * to a temporary file and renamed, so a failed run leaves no partial output.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import {
  type ConcentrationUnit,
  type CurveSet,
  type DoseResponseFit,
  type DoseResponseModelName,
  type DoseResponseTable,
  fitDoseResponse,
  fitGrMetrics,
  type GrCurve,
  type GrMetrics,
  grCurvesFromCaseA,
  grCurvesFromSeparateTables,
  grCurvesFromTable,
  InputError,
  ic50Ratio,
  isMassUnit,
  keyColumns,
  logIc50Of,
  looksLikePlateGrid,
  type Normalization,
  normalizeConcentrationUnit,
  parseDelimited,
  profileIc50Interval,
  type RatioInterval,
  readCountTable,
  readGrCaseA,
  readLongTableRows,
  readPlateLayout,
  testSharedParameter,
  toCurves,
} from "@adclab/core";
import {
  type DoseResponseFigureSpec,
  doseResponseBand,
  doseResponseSvg,
  type FigureCurve,
  grBand,
  logGrid,
} from "@adclab/report";
import { nodeDocument, svgToPng } from "@adclab/report/node";
import type { CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";

const MODELS = ["ll4", "prism4", "3pl", "5pl", "gr"] as const;
type ModelOption = (typeof MODELS)[number];

interface FitOptions {
  layout?: string;
  controls?: string;
  time0?: string;
  model: string;
  normalize?: string;
  compare: string[];
  unit?: string;
  mw?: string;
  json?: boolean;
  plot?: string;
}

/** nM per display unit, for reporting in the file's own (molar) unit. */
const NM_PER: Record<string, number> = { M: 1e9, mM: 1e6, µM: 1e3, nM: 1, pM: 1e-3, fM: 1e-6 };

function displayUnit(table: DoseResponseTable): { label: string; perNanomolar: number } {
  const u = table.concentrationUnit;
  const nm = NM_PER[u];
  return nm ? { label: u, perNanomolar: 1 / nm } : { label: "nM", perNanomolar: 1 };
}

function readText(path: string, field: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`, {
      file: path,
      field,
    });
  }
}

function parseOptions(o: FitOptions) {
  if (!(MODELS as readonly string[]).includes(o.model)) {
    throw new InputError(`unknown model '${o.model}'`, { field: "--model", expected: MODELS.join(", ") });
  }
  if (o.normalize !== undefined && o.normalize !== "vehicle" && o.normalize !== "none") {
    throw new InputError(`unknown normalization '${o.normalize}'`, {
      field: "--normalize",
      expected: "vehicle or none",
    });
  }
  let unit: ConcentrationUnit | undefined;
  if (o.unit !== undefined) {
    unit = normalizeConcentrationUnit(o.unit);
    if (!unit) throw new InputError(`unknown unit '${o.unit}'`, { field: "--unit", expected: "nM, µM, µg/mL, …" });
  }
  let mw: number | undefined;
  if (o.mw !== undefined) {
    mw = Number(o.mw);
    if (!(Number.isFinite(mw) && mw > 0)) {
      throw new InputError("not a molecular weight", {
        field: "--mw",
        expected: "a positive number of g/mol",
        got: o.mw,
      });
    }
  }
  if (o.plot !== undefined && ![".svg", ".png"].includes(extname(o.plot).toLowerCase())) {
    throw new InputError("the figure must be .svg or .png", { field: "--plot", got: o.plot });
  }
  const compare = o.compare.map((c) => {
    const parts = c.split(":");
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new InputError("a comparison is REFERENCE:TEST", {
        field: "--compare",
        expected: "e.g. 'BT-474:BT-474-TR' (fold = IC50(TEST)/IC50(REFERENCE))",
        got: c,
      });
    }
    return { reference: parts[0], test: parts[1] };
  });
  return { model: o.model as ModelOption, normalize: o.normalize as Normalization | undefined, unit, mw, compare };
}

// ───────────────────────────── per-curve IC50 fits ─────────────────────────────

interface CurveResult {
  id: string;
  sample: string;
  compound: string;
  fit: DoseResponseFit;
  /** Profile-likelihood 95 % CI of the IC50 in nM (upper null when open), or null. */
  profile: [number, number | null] | null;
  x: Float64Array;
  y: Float64Array;
}

/**
 * The IC50 to report. The engine gives no number for a fit that did not converge; when it also
 * says the IC50 lies beyond the tested range, the tested limit is still a true bound ("> 1000 nM").
 */
function reportedIc50(f: DoseResponseFit): number {
  const v = f.ic50.value_nM;
  if (Number.isFinite(v) || f.ic50.qualifier === "=") return v;
  return f.ic50.qualifier === ">" ? f.testedRange_nM[1] : f.testedRange_nM[0];
}

function ic50Row(r: CurveResult, unit: { label: string; perNanomolar: number }, responseUnit: string) {
  const f = r.fit;
  const k = unit.perNanomolar;
  return {
    id: r.id,
    sample: r.sample,
    compound: r.compound,
    model: f.model,
    ic50: {
      value: reportedIc50(f) * k,
      qualifier: f.ic50.qualifier,
      ci95: f.ic50.ci95_nM ? [f.ic50.ci95_nM[0] * k, f.ic50.ci95_nM[1] * k] : null,
      unit: unit.label,
    },
    ic50_nM: reportedIc50(f),
    ic50_ci95_nM: f.ic50.ci95_nM,
    ic50_profileCi95_nM: r.profile,
    logIC50: { value: f.params.logIC50, se: f.se.logIC50 },
    hill: { value: f.params.hill, se: f.se.hill },
    top: { value: f.params.top, se: f.se.top },
    bottom: { value: f.params.bottom, se: f.se.bottom },
    ...(f.params.asymmetry !== undefined ? { asymmetry: { value: f.params.asymmetry, se: f.se.asymmetry } } : {}),
    native: Object.fromEntries(
      f.native.names.map((name, i) => [name, { value: f.native.values[i], se: f.native.se[i] }]),
    ),
    responseUnit,
    r2: f.r2,
    rse: f.rse,
    n: f.n,
    df: f.df,
    converged: f.converged,
    reason: f.reason,
    flags: f.flags,
  };
}

function findCurve<T extends { id: string; sample: string }>(curves: T[], name: string): T {
  const exact = curves.find((c) => c.id === name);
  if (exact) return exact;
  const bySample = curves.filter((c) => c.sample === name);
  if (bySample.length === 1) return bySample[0]!;
  throw new InputError(
    bySample.length > 1
      ? `'${name}' names ${bySample.length} curves; give the full curve name`
      : `no curve named '${name}'`,
    { field: "--compare", expected: curves.map((c) => `'${c.id}'`).join(", ") },
  );
}

/**
 * Fold = IC50(test)/IC50(reference) from the two independent fits, with the engine's delta-method,
 * Fieller and log-scale 95 % CIs (drc's EDcomp intervals), and the shared-LogIC50 F test.
 */
function compareRow(ref: CurveResult, test: CurveResult, model: DoseResponseModelName) {
  const a = ref.fit;
  const b = test.fit;
  let qualifier: "=" | ">" | "<" | "?" = "=";
  if (a.ic50.qualifier !== "=" || b.ic50.qualifier !== "=") {
    const up =
      (b.ic50.qualifier === ">" || b.ic50.qualifier === "=") && (a.ic50.qualifier === "<" || a.ic50.qualifier === "=");
    const down =
      (b.ic50.qualifier === "<" || b.ic50.qualifier === "=") && (a.ic50.qualifier === ">" || a.ic50.qualifier === "=");
    qualifier = up ? ">" : down ? "<" : "?";
  }
  // Beyond the tested range the fold is a bound from the reported IC50s, never an extrapolation.
  const fold = reportedIc50(b) / reportedIc50(a);
  const interval = (i: RatioInterval) => (i.bounded ? [i.lower, i.upper] : [i.lower, null]);
  let ci95: { delta: (number | null)[]; fieller: (number | null)[]; log: (number | null)[] } | null = null;
  let se: number | null = null;
  let df: number | null = null;
  if (qualifier === "=" && a.converged && b.converged) {
    const r = ic50Ratio(logIc50Of(b), logIc50Of(a));
    ci95 = { delta: interval(r.delta), fieller: interval(r.fieller), log: interval(r.log) };
    se = r.se;
    df = r.df;
  }
  let fTest: { f: number; df1: number; df2: number; pValue: number } | null = null;
  let fTestNote: string | undefined;
  if (model === "5pl") {
    fTestNote = "the shared-LogIC50 F test is fitted with the 4PL; not run for 5PL";
  } else {
    const fixed = model === "3pl" ? { bottom: 0 } : {};
    const t = testSharedParameter(
      [
        { concentration_nM: ref.x, response: ref.y },
        { concentration_nM: test.x, response: test.y },
      ],
      "logIC50",
      { fixed },
    );
    fTest = { f: t.fTest.f, df1: t.fTest.dfNumerator, df2: t.fTest.dfDenominator, pValue: t.fTest.pValue };
  }
  return {
    reference: ref.id,
    test: test.id,
    fold: { value: fold, qualifier, se, df, ci95 },
    sharedLogIC50FTest: fTest,
    ...(fTestNote ? { note: fTestNote } : {}),
  };
}

function fitIc50Curves(set: CurveSet, model: DoseResponseModelName): CurveResult[] {
  return set.curves.map((c) => {
    const data = { concentration_nM: c.concentration_nM, response: c.response };
    const fit = fitDoseResponse(data, { model });
    // The profile-likelihood interval (R's confint.nls) follows the SSR surface; only for IC50s in range.
    let profile: [number, number | null] | null = null;
    if (fit.ic50.qualifier === "=" && fit.converged && fit.df > 0) {
      const [lo, hi] = profileIc50Interval(data, fit, { model }).ci_nM;
      if (Number.isFinite(lo) && !Number.isNaN(hi)) profile = [lo, Number.isFinite(hi) ? hi : null];
    }
    return { id: c.id, sample: c.sample, compound: c.compound, fit, profile, x: c.concentration_nM, y: c.response };
  });
}

function ic50Figure(
  results: CurveResult[],
  unit: { label: string; perNanomolar: number },
  yLabel: string,
): DoseResponseFigureSpec {
  const curves: FigureCurve[] = results.map((r) => {
    const positive = [...r.x].filter((v) => v > 0);
    const grid = logGrid(Math.min(...positive) / 2, Math.max(...positive) * 2);
    const band = doseResponseBand(r.fit, grid);
    const p = r.fit.params;
    return {
      id: r.id,
      points: [...r.x].map((x, i) => ({ concentration_nM: x, response: r.y[i]! })),
      fitted: band,
      ic50: { value_nM: r.fit.ic50.value_nM, qualifier: r.fit.ic50.qualifier, response: (p.top + p.bottom) / 2 },
    };
  });
  return { curves, unit, yLabel };
}

// ───────────────────────────── GR metrics ─────────────────────────────

function grRow(c: GrCurve, m: GrMetrics, unit: { label: string; perNanomolar: number }) {
  const k = unit.perNanomolar;
  const finite = (v: number) => (Number.isFinite(v) ? v : v > 0 ? "Infinity" : "-Infinity");
  return {
    id: c.id,
    sample: c.sample,
    compound: c.compound,
    model: "gr",
    fit: m.fit,
    GR50: { value: finite(m.GR50_nM * k), qualifier: m.GR50_qualifier, unit: unit.label },
    GR50_nM: finite(m.GR50_nM),
    GRmax: m.GRmax,
    GRinf: { value: m.GRinf, se: m.se?.GRinf ?? null },
    GEC50: { value: m.GEC50_nM * k, se: m.se ? m.se.GEC50_nM * k : null, unit: unit.label },
    h_GR: { value: m.h_GR, se: m.se?.h_GR ?? null },
    GR_AOC: m.GR_AOC,
    r2: m.r2,
    pValue: m.pValue,
    n: m.n,
    converged: m.converged,
    flags: m.flags,
    relativeCellCount: relativeCellCountRow(c, unit),
  };
}

/**
 * The classic view of the same wells: relative cell count (x/x_ctrl, in %) fitted with the
 * engine's 4PL, and Emax = the lowest mean relative count at the two highest doses (as GRmetrics).
 */
function relativeCellCountRow(c: GrCurve, unit: { label: string; perNanomolar: number }) {
  const x = c.concentration_nM;
  const y = Float64Array.from(c.relativeCellCount, (v) => 100 * v);
  const doses = [...new Set(x)].sort((a, b) => a - b);
  const meanAt = (d: number) => {
    const ys = y.filter((_v, i) => x[i] === d);
    return ys.reduce((a, b) => a + b, 0) / ys.length;
  };
  const Emax_percent = Math.min(...doses.slice(-2).map(meanAt));
  try {
    const f = fitDoseResponse({ concentration_nM: x, response: y });
    const v = reportedIc50(f);
    return {
      IC50: { value: v * unit.perNanomolar, qualifier: f.ic50.qualifier, unit: unit.label },
      IC50_nM: v,
      ic50_ci95_nM: f.ic50.ci95_nM,
      Emax_percent,
      converged: f.converged,
      flags: f.flags,
    };
  } catch (e) {
    if (e instanceof InputError) return { IC50: null, Emax_percent, error: e.problem };
    throw e;
  }
}

function grFigure(
  curves: GrCurve[],
  metrics: GrMetrics[],
  unit: { label: string; perNanomolar: number },
): DoseResponseFigureSpec {
  return {
    unit,
    yLabel: "GR value",
    yRule: 0,
    curves: curves.map((c, i) => {
      const m = metrics[i]!;
      const grid = logGrid(c.concentration_nM[0]! / 2, c.concentration_nM[c.concentration_nM.length - 1]! * 2);
      return {
        id: c.id,
        points: [...c.concentration_nM].map((x, j) => ({ concentration_nM: x, response: c.gr[j]! })),
        fitted: grBand(m, grid),
        ...(Number.isFinite(m.GR50_nM)
          ? { ic50: { value_nM: m.GR50_nM, qualifier: m.GR50_qualifier, response: 0.5 } }
          : {}),
      };
    }),
  };
}

// ───────────────────────────── output ─────────────────────────────

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

function readTable(
  file: string,
  o: ReturnType<typeof parseOptions> & { controls?: string; time0?: string },
  layout?: string,
) {
  const text = readText(file, "FILE");
  const readOptions = { file, defaultUnit: o.unit, molecularWeight_g_per_mol: o.mw };
  if (layout !== undefined) {
    return {
      table: readPlateLayout({ file, text }, { file: layout, text: readText(layout, "--layout") }, readOptions),
    };
  }
  const parsed = parseDelimited(text, { file });
  if (o.model === "gr" && (o.controls !== undefined || o.time0 !== undefined)) {
    if (o.controls === undefined || o.time0 === undefined) {
      throw new InputError("separate GR tables need both --controls and --time0", {
        field: o.controls === undefined ? "--controls" : "--time0",
      });
    }
    const separate = {
      keys: keyColumns(parsed),
      controls: readCountTable(readText(o.controls, "--controls"), o.controls),
      time0: readCountTable(readText(o.time0, "--time0"), o.time0),
      controlFile: o.controls,
      time0File: o.time0,
    };
    return { table: readLongTableRows(parsed, readOptions), separate };
  }
  if (o.model === "gr") {
    const caseA = readGrCaseA(text, readOptions);
    if (caseA) return { table: caseA.table, caseA };
  }
  if (looksLikePlateGrid(parsed)) {
    throw new InputError("this is a plate grid; give its layout with --layout", {
      file,
      field: "--layout",
      expected: "a layout file (grids labelled sample, compound, concentration; or a table with a well column)",
    });
  }
  return { table: readLongTableRows(parsed, readOptions) };
}

export const fitCommand: CommandModule = {
  name: "fit",
  register(program, ctx) {
    program
      .command("fit")
      .description("fit dose–response curves (IC50 with CI, or GR metrics), compare lines, draw the figure")
      .argument("<file>", "long table (CSV/TSV, one row per well) or plate-reader grid (with --layout)")
      .option("--layout <file>", "plate layout for a plate-reader grid: labelled grids or a table with a well column")
      .option("--model <model>", `curve model: ${MODELS.join(", ")}`, "ll4")
      .option(
        "--normalize <how>",
        "vehicle (100 %) and blank (0 %), or none (default: vehicle when the file has vehicle wells)",
      )
      .option(
        "--compare <ref:test>",
        "fold = IC50(test)/IC50(ref) with CI and shared-LogIC50 F test (repeatable)",
        (v: string, acc: string[]) => [...acc, v],
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
        "\nExamples:\n  adclab fit examples/dose-response/tdm1-long.csv --compare BT-474:BT-474-TR --plot fig.svg\n  adclab fit examples/dose-response/plate-96.csv --layout examples/dose-response/plate-96-layout.csv\n  adclab fit examples/dose-response/gr-counts.csv --model gr --json",
      )
      .action((file: string, raw: FitOptions) => {
        const o = parseOptions(raw);
        const { table, caseA, separate } = readTable(
          file,
          { ...o, controls: raw.controls, time0: raw.time0 },
          raw.layout,
        );
        const unit = displayUnit(table);
        const warnings = [...table.warnings];
        if (isMassUnit(table.concentrationUnit as ConcentrationUnit)) {
          warnings.push(
            `concentrations in ${table.concentrationUnit} were converted to nM; results are reported in nM`,
          );
        }
        let result: Record<string, unknown>;
        let human: () => string;
        let figure: DoseResponseFigureSpec;
        if (o.model === "gr") {
          if (o.compare.length) throw new InputError("--compare is for IC50 models, not gr", { field: "--compare" });
          const curves = separate
            ? grCurvesFromSeparateTables(table, separate.keys, separate.controls, separate.time0, separate)
            : caseA
              ? grCurvesFromCaseA(caseA.table, caseA.controls, caseA.time0)
              : grCurvesFromTable(table);
          const metrics = curves.map((c) => fitGrMetrics({ concentration_nM: c.concentration_nM, gr: c.gr }));
          const rows = curves.map((c, i) => grRow(c, metrics[i]!, unit));
          result = { file, model: "gr", concentrationUnit: unit.label, curves: rows, comparisons: [], warnings };
          figure = grFigure(curves, metrics, unit);
          human = () =>
            formatTable(
              [
                "curve",
                "fit",
                `GR50 (${unit.label})`,
                "GRmax",
                "GRinf",
                `GEC50 (${unit.label})`,
                "h_GR",
                "GR_AOC",
                "r2",
                "n",
              ],
              rows.map((r, i) => {
                const m = metrics[i]!;
                const gr50 = Number.isFinite(m.GR50_nM)
                  ? formatNumber(m.GR50_nM * unit.perNanomolar)
                  : m.GR50_nM > 0
                    ? "∞"
                    : "−∞";
                return [
                  r.id,
                  m.fit,
                  `${m.GR50_qualifier === "=" ? "" : m.GR50_qualifier}${gr50}`,
                  m.GRmax,
                  m.GRinf,
                  m.GEC50_nM * unit.perNanomolar,
                  m.h_GR,
                  m.GR_AOC,
                  m.r2,
                  m.n,
                ];
              }),
            ) + footer(warnings);
        } else {
          const set = toCurves(table, { ...(o.normalize ? { normalize: o.normalize } : {}) });
          const results = fitIc50Curves(set, o.model);
          const responseUnit = set.responseUnit;
          const rows = results.map((r) => ic50Row(r, unit, responseUnit));
          const comparisons = o.compare.map((c) =>
            compareRow(findCurve(results, c.reference), findCurve(results, c.test), o.model as DoseResponseModelName),
          );
          result = {
            file,
            model: o.model,
            normalization: set.normalization,
            responseUnit,
            concentrationUnit: unit.label,
            curves: rows,
            comparisons,
            warnings: [...warnings, ...set.warnings.filter((w) => !warnings.includes(w))],
          };
          figure = ic50Figure(results, unit, responseUnit === "%" ? "Response (% of vehicle)" : "Response");
          human = () => {
            const t = formatTable(
              [
                "curve",
                `IC50 (${unit.label})`,
                "95% CI",
                "95% CI (profile)",
                "hill",
                "top",
                "bottom",
                "R²",
                "n",
                "flags",
              ],
              results.map((r) => {
                const f = r.fit;
                const k = unit.perNanomolar;
                const ci = f.ic50.ci95_nM
                  ? `${formatNumber(f.ic50.ci95_nM[0] * k)}–${formatNumber(f.ic50.ci95_nM[1] * k)}`
                  : "—";
                const q = f.ic50.qualifier === "=" ? "" : f.ic50.qualifier;
                return [
                  r.id,
                  Number.isNaN(reportedIc50(f)) ? "not converged" : `${q}${formatNumber(reportedIc50(f) * k)}`,
                  ci,
                  r.profile ? range(r.profile.map((v) => (v === null ? null : v * k))) : "—",
                  f.params.hill,
                  f.params.top,
                  f.params.bottom,
                  f.r2,
                  f.n,
                  f.flags.join(" "),
                ];
              }),
            );
            const cmp = comparisons.length
              ? `\n\n${formatTable(
                  ["reference", "test", "fold", "95% CI (Fieller)", "95% CI (delta)", "F-test p (shared LogIC50)"],
                  comparisons.map((c) => [
                    c.reference,
                    c.test,
                    `${c.fold.qualifier === "=" ? "" : c.fold.qualifier}${formatNumber(c.fold.value)}`,
                    c.fold.ci95 ? range(c.fold.ci95.fieller) : "—",
                    c.fold.ci95 ? range(c.fold.ci95.delta) : "—",
                    c.sharedLogIC50FTest ? formatNumber(c.sharedLogIC50FTest.pValue) : "—",
                  ]),
                )}`
              : "";
            return `${t}${cmp}\nresponse: ${responseUnit === "%" ? "% of vehicle" : "raw"} (normalization: ${set.normalization})${footer(result.warnings as string[])}`;
          };
        }
        // Render before writing anything, so that an error leaves no file behind.
        let bytes: string | Uint8Array | undefined;
        if (raw.plot !== undefined) {
          const svg = doseResponseSvg(figure, nodeDocument());
          bytes = extname(raw.plot).toLowerCase() === ".png" ? svgToPng(svg) : svg;
        }
        if (raw.plot !== undefined && bytes !== undefined) {
          writeAtomically(raw.plot, bytes);
          result.figure = raw.plot;
        }
        const plotted = raw.plot;
        ctx.print(result, plotted === undefined ? human : () => `${human()}\nfigure: ${plotted}`, !!raw.json);
      });
  },
};

function range([lo, hi]: (number | null)[]): string {
  return `${formatNumber(lo!)}–${hi === null || hi === undefined ? "∞" : formatNumber(hi)}`;
}

function footer(warnings: string[]): string {
  return warnings.length ? `\n${warnings.map((w) => `warning: ${w}`).join("\n")}` : "";
}
