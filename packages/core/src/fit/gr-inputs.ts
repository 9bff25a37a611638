/**
 * GRmetrics' input conventions, made explicit (GRmetrics vignette, "Input data"; datarail/gr_metrics README):
 *   Case A — every treated row carries its own control count and time-zero count;
 *   separate tables — treated, control and time-zero counts in three tables;
 *   Case C (stacked) — one table where time = 0 rows are time-zero counts and concentration = 0
 *   rows at time > 0 are controls.
 * For the last two, controls and time-zero counts are matched to treated rows on the key columns
 * whose values the two tables share (so a control labelled agent "-" matches every agent, and a
 * time-zero row at time 0 matches every time point), and replicate counts are averaged with the
 * 50 % trimmed mean, as GRmetrics does.
 */
import { InputError } from "../errors/input-error.ts";
import { grValue, relativeCellCount, trimmedMean50 } from "./gr-values.ts";

export interface GrCountRow {
  /** 1-based source line, for errors. */
  line: number;
  /** Key columns (cell line, agent, replicate, time, plate, …) as text. */
  keys: Record<string, string>;
  concentration_nM: number;
  cellCount: number;
}

export interface GrRow extends GrCountRow {
  control: number;
  time0: number;
  gr: number;
  relativeCellCount: number;
}

/** Case A: control and time-zero counts given on each row. */
export function grRowsFromCaseA(rows: (GrCountRow & { control: number; time0: number })[], file?: string): GrRow[] {
  return rows.map((r) => ({
    ...r,
    gr: grValue(r.cellCount, r.control, r.time0, { file, row: r.line }),
    relativeCellCount: relativeCellCount(r.cellCount, r.control),
  }));
}

/** The keys on which `reference` rows are matched to treated rows: those whose values overlap. */
export function matchingKeys(treated: GrCountRow[], reference: GrCountRow[]): string[] {
  const names = new Set(treated.flatMap((r) => Object.keys(r.keys)));
  return [...names].filter((k) => {
    const values = new Set(treated.map((r) => r.keys[k]));
    return reference.some((r) => r.keys[k] !== undefined && values.has(r.keys[k]));
  });
}

function trimmedMeansBy(rows: GrCountRow[], keys: string[]): Map<string, number> {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const k = keys.map((n) => r.keys[n] ?? "").join("\u0000");
    const g = groups.get(k);
    if (g) g.push(r.cellCount);
    else groups.set(k, [r.cellCount]);
  }
  return new Map([...groups].map(([k, v]) => [k, trimmedMean50(v)]));
}

/** Separate tables (or a stacked table already split): match controls and time-zero counts, then compute GR. */
export function grRowsFromTables(
  treated: GrCountRow[],
  controls: GrCountRow[],
  time0: GrCountRow[],
  o: { file?: string; controlFile?: string; time0File?: string } = {},
): GrRow[] {
  if (controls.length === 0) {
    throw new InputError("no control (untreated) counts", {
      file: o.controlFile ?? o.file,
      expected: "control wells: concentration 0 at the treated time point (role 'vehicle')",
    });
  }
  if (time0.length === 0) {
    throw new InputError("no time-zero counts: GR values need the cell count at the time of treatment", {
      file: o.time0File ?? o.file,
      expected: "wells counted at time 0 (role 't0' or time = 0)",
    });
  }
  const ctrlKeys = matchingKeys(treated, controls);
  const t0Keys = matchingKeys(treated, time0);
  const ctrl = trimmedMeansBy(controls, ctrlKeys);
  const t0 = trimmedMeansBy(time0, t0Keys);
  return treated.map((r) => {
    const c = ctrl.get(ctrlKeys.map((n) => r.keys[n] ?? "").join("\u0000"));
    const z = t0.get(t0Keys.map((n) => r.keys[n] ?? "").join("\u0000"));
    const describe = (keys: string[]) => keys.map((k) => `${k}=${r.keys[k]}`).join(", ") || "(no shared keys)";
    if (c === undefined) {
      throw new InputError(`no control count matches this row (${describe(ctrlKeys)})`, {
        file: o.file,
        row: r.line,
        expected: `a control with the same ${ctrlKeys.join(", ")}`,
      });
    }
    if (z === undefined) {
      throw new InputError(`no time-zero count matches this row (${describe(t0Keys)})`, {
        file: o.file,
        row: r.line,
        expected: `a time-zero count with the same ${t0Keys.join(", ")}`,
      });
    }
    return {
      ...r,
      control: c,
      time0: z,
      gr: grValue(r.cellCount, c, z, { file: o.file, row: r.line }),
      relativeCellCount: relativeCellCount(r.cellCount, c),
    };
  });
}

/** Case C: split a stacked table by time (0 → time zero) and concentration (0 → control), then as above. */
export function grRowsFromStacked(rows: (GrCountRow & { time_h: number })[], o: { file?: string } = {}): GrRow[] {
  const time0 = rows.filter((r) => r.time_h === 0);
  const controls = rows.filter((r) => r.time_h > 0 && r.concentration_nM === 0);
  const treated = rows.filter((r) => r.time_h > 0 && r.concentration_nM > 0);
  return grRowsFromTables(treated, controls, time0, o);
}
