/**
 * One dose–response analysis — what `adclab fit` prints with --json, what the API stores and what
 * the demo project holds: the files' bytes and the options in; the result, the figure spec out.
 * Nothing here touches a disk or a network; the caller writes the outputs.
 */
import { type ConcentrationUnit, isMassUnit, toCurves } from "@adclab/core";
import { type DoseResponseFigureSpec, doseResponseSvg, type FigureDocument } from "@adclab/report";
import { resolveConstraints } from "./constraints.ts";
import { areaAndEmax, effectiveConcentrationRows } from "./derived.ts";
import { grFigure, ic50Figure } from "./figure.ts";
import { fitGrCurves, type GrCurveRow, grCurvesOf, grRow } from "./gr.ts";
import {
  type ComparisonRow,
  compareRow,
  findCurve,
  fitIc50Curves,
  type Ic50CurveRow,
  ic50Row,
  type ReversalRow,
} from "./ic50.ts";
import { compareModelsRows, type ModelComparisonRow } from "./model-comparison.ts";
import type { DoseResponseOptions } from "./options.ts";
import { type DoseResponseFiles, readDoseResponseTable } from "./read.ts";
import { reversalRows } from "./reversal.ts";
import { fitSharedCurves } from "./shared-fit.ts";
import { reportUnit } from "./units.ts";

/** The `adclab fit --json` document (docs/cli/fit.md), IC50 models. */
export interface Ic50Result {
  file: string;
  model: Exclude<DoseResponseOptions["model"], "gr">;
  normalization: "vehicle" | "none";
  responseUnit: "%" | "raw";
  concentrationUnit: string;
  curves: Ic50CurveRow[];
  comparisons: ComparisonRow[];
  reversals: ReversalRow[];
  /** Present with --fix, --bounds or --share: the flags as given. */
  constraints?: { fix: string[]; bounds: string[]; share: string[] };
  /** Present with --compare-models: per curve, 3PL vs 4PL and 4PL vs 5PL. */
  modelComparisons?: ModelComparisonRow[];
  warnings: string[];
  /** The path written by --plot (CLI only). */
  figure?: string;
}

/** The `adclab fit --model gr --json` document. */
export interface GrResult {
  file: string;
  model: "gr";
  concentrationUnit: string;
  curves: GrCurveRow[];
  comparisons: [];
  reversals: [];
  warnings: string[];
  figure?: string;
}

export type DoseResponseResult = Ic50Result | GrResult;

export interface DoseResponseAnalysis {
  result: DoseResponseResult;
  figure: DoseResponseFigureSpec;
}

/** Runs the analysis; `o` comes from parseDoseResponseOptions (checked before any file is read). */
export function runDoseResponse(files: DoseResponseFiles, o: DoseResponseOptions): DoseResponseAnalysis {
  const read = readDoseResponseTable(files, o);
  const { table } = read;
  const file = files.file.name;
  const unit = reportUnit(table);
  const warnings = [...table.warnings];
  if (isMassUnit(table.concentrationUnit as ConcentrationUnit)) {
    warnings.push(`concentrations in ${table.concentrationUnit} were converted to nM; results are reported in nM`);
  }
  if (o.model === "gr") {
    const curves = grCurvesOf(read);
    const metrics = fitGrCurves(curves);
    return {
      result: {
        file,
        model: "gr",
        concentrationUnit: unit.label,
        curves: curves.map((c, i) => grRow(c, metrics[i]!, unit)),
        comparisons: [],
        reversals: [],
        warnings,
      },
      figure: grFigure(curves, metrics, unit),
    };
  }
  const model = o.model;
  const set = toCurves(table, o.normalize ? { normalize: o.normalize } : {});
  // --fix/--bounds/--share: IC50 values were given in the report unit; the engine wants log10 nM.
  const constraints = o.constraints ? resolveConstraints(o.constraints, unit.perNanomolar) : undefined;
  const fits = constraints?.shared.length
    ? fitSharedCurves(set, model, constraints)
    : fitIc50Curves(
        set,
        model,
        o.robust ? o.routQ_percent : undefined,
        constraints && { fixed: constraints.fixed, bounds: constraints.bounds },
      );
  const comparisons = o.compare.map((c) =>
    compareRow(findCurve(fits, c.reference), findCurve(fits, c.test), model, constraints),
  );
  const reversals = reversalRows(fits, o.reversal);
  return {
    result: {
      file,
      model,
      normalization: set.normalization,
      responseUnit: set.responseUnit,
      concentrationUnit: unit.label,
      curves: fits.map((r) => {
        const row = ic50Row(r, unit, set.responseUnit);
        if (o.ec || o.absoluteEc) {
          row.effectiveConcentrations = effectiveConcentrationRows(r, o.ec ?? [], o.absoluteEc ?? [], unit);
        }
        if (o.auc) Object.assign(row, areaAndEmax(r, set.responseUnit));
        return row;
      }),
      comparisons,
      reversals,
      ...(o.constraints ? { constraints: o.constraints.given } : {}),
      ...(o.compareModels ? { modelComparisons: compareModelsRows(fits, set.responseUnit) } : {}),
      warnings: [...warnings, ...set.warnings.filter((w) => !warnings.includes(w))],
    },
    figure: ic50Figure(fits, unit, set.responseUnit === "%" ? "Response (% of vehicle)" : "Response"),
  };
}

/** The figure as SVG text; `document` is the browser's or @adclab/report/node's nodeDocument(). */
export function doseResponseFigureSvg(a: DoseResponseAnalysis, document: FigureDocument): string {
  return doseResponseSvg(a.figure, document);
}
