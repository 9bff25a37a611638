/**
 * From wells to curves: group by sample × compound (× time), normalise to vehicle (100 %) and
 * blank (0 %) or leave raw (as drc fits raw responses), and keep the zero-dose wells in every
 * curve of their sample so that they anchor the top plateau (as drc does with dose 0).
 */
import { InputError } from "../../errors/input-error.ts";
import type { DoseResponseRecord, DoseResponseTable } from "./types.ts";

export type Normalization = "vehicle" | "none";

export interface DoseResponseCurve {
  /** "sample · compound" (with " · 24 h" when the file has several time points). */
  id: string;
  sample: string;
  compound: string;
  time_h?: number;
  /** Every well of the curve, zero-dose wells included (concentration 0). */
  concentration_nM: Float64Array;
  /** Normalised (%) or raw response, aligned with concentration_nM. */
  response: Float64Array;
  /** Source lines, aligned with the arrays. */
  lines: number[];
  replicates: (string | undefined)[];
  /** Distinct non-zero concentrations. */
  concentrations: number;
}

export interface CurveSet {
  file: string;
  normalization: Normalization;
  /** "%" after vehicle normalization, else "raw". */
  responseUnit: "%" | "raw";
  curves: DoseResponseCurve[];
  warnings: string[];
}

export interface CurveOptions {
  /** Default: "vehicle" when the file has vehicle wells, else "none". */
  normalize?: Normalization;
  /** Fewer distinct non-zero concentrations than this is an error (default 4: a 4-parameter model needs them). */
  minConcentrations?: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export function toCurves(data: DoseResponseTable, o: CurveOptions = {}): CurveSet {
  const { file } = data;
  const recs = data.records.filter((r) => r.role !== "t0");
  const vehicles = recs.filter((r) => r.role === "vehicle");
  const blanks = recs.filter((r) => r.role === "blank");
  const normalization: Normalization = o.normalize ?? (vehicles.length > 0 ? "vehicle" : "none");
  const minConc = o.minConcentrations ?? 4;
  const treated = recs.filter((r) => r.role === "sample");
  if (treated.length === 0) {
    throw new InputError("no treated wells", {
      file,
      column: "concentration",
      expected: "wells with a compound at a non-zero concentration",
    });
  }
  const times = new Set(recs.map((r) => r.time_h));
  const timeKey = (r: DoseResponseRecord) => (times.size > 1 ? `\u0000${r.time_h ?? ""}` : "");

  // Scale per well: (x − blank) / (vehicle − blank) × 100, with vehicle and blank taken from
  // the same plate when that plate has them, else from the whole file.
  const scale = new Map<DoseResponseRecord, { top: number; bottom: number }>();
  if (normalization === "vehicle") {
    const vehBy = groupBy(vehicles, (r) => `${r.sample}\u0000${r.plate ?? ""}${timeKey(r)}`);
    const vehBySample = groupBy(vehicles, (r) => `${r.sample}${timeKey(r)}`);
    const blankByPlate = groupBy(blanks, (r) => `${r.plate ?? ""}${timeKey(r)}`);
    const allBlank = blanks.length ? mean(blanks.map((b) => b.response)) : 0;
    for (const r of recs) {
      if (r.role === "blank") continue;
      const veh =
        vehBy.get(`${r.sample}\u0000${r.plate ?? ""}${timeKey(r)}`) ?? vehBySample.get(`${r.sample}${timeKey(r)}`);
      if (!veh) {
        throw new InputError(`no vehicle wells for sample '${r.sample}'; normalization to vehicle needs them`, {
          file,
          row: r.line,
          column: "role",
          expected:
            "wells of this sample at concentration 0 or with role 'vehicle' (or use --normalize none to fit raw responses)",
        });
      }
      const plateBlank = blankByPlate.get(`${r.plate ?? ""}${timeKey(r)}`);
      const bottom = plateBlank ? mean(plateBlank.map((b) => b.response)) : allBlank;
      const top = mean(veh.map((v) => v.response));
      if (!(top > bottom)) {
        throw new InputError(
          `vehicle mean (${top}) is not above the blank (${bottom}) for sample '${r.sample}'; cannot normalise`,
          { file, row: veh[0]!.line, column: "response", expected: "vehicle signal above blank signal" },
        );
      }
      scale.set(r, { top, bottom });
    }
  }
  const value = (r: DoseResponseRecord) => {
    const s = scale.get(r);
    return s ? (100 * (r.response - s.bottom)) / (s.top - s.bottom) : r.response;
  };

  const curves: DoseResponseCurve[] = [];
  const bySample = groupBy(treated, (r) => `${r.sample}${timeKey(r)}`);
  for (const [, sampleRecs] of bySample) {
    const first = sampleRecs[0]!;
    const compounds = new Set(sampleRecs.map((r) => r.compound));
    const zeroes = vehicles.filter((v) => v.sample === first.sample && timeKey(v) === timeKey(first));
    for (const [compound, rs] of groupBy(sampleRecs, (r) => r.compound)) {
      // A vehicle well named after a compound belongs to that curve; an unnamed one to all.
      const own = zeroes.filter((v) => v.compound === compound || !compounds.has(v.compound));
      const all = [...own, ...rs].sort((a, b) => a.concentration_nM - b.concentration_nM || a.line - b.line);
      const distinct = new Set(rs.map((r) => r.concentration_nM)).size;
      const id = `${first.sample} · ${compound}${times.size > 1 ? ` · ${first.time_h ?? "?"} h` : ""}`;
      if (distinct < minConc) {
        throw new InputError(`curve '${id}' has ${distinct} distinct concentration${distinct === 1 ? "" : "s"}`, {
          file,
          row: rs[0]!.line,
          column: "concentration",
          expected: `at least ${minConc} distinct non-zero concentrations to fit a curve`,
        });
      }
      const curve: DoseResponseCurve = {
        id,
        sample: first.sample,
        compound,
        concentration_nM: Float64Array.from(all, (r) => r.concentration_nM),
        response: Float64Array.from(all, value),
        lines: all.map((r) => r.line),
        replicates: all.map((r) => r.replicate),
        concentrations: distinct,
      };
      if (first.time_h !== undefined) curve.time_h = first.time_h;
      curves.push(curve);
    }
  }
  return {
    file,
    normalization,
    responseUnit: normalization === "vehicle" ? "%" : "raw",
    curves,
    warnings: [...data.warnings],
  };
}
