/** The unit results are reported in: the file's own molar unit, or nM when the file uses mass units. */
import type { DoseResponseTable } from "@adclab/core";

export interface ReportUnit {
  label: string;
  /** Multiply a value in nM by this to get it in `label`. */
  perNanomolar: number;
}

const NM_PER: Record<string, number> = { M: 1e9, mM: 1e6, µM: 1e3, nM: 1, pM: 1e-3, fM: 1e-6 };

export function reportUnit(table: Pick<DoseResponseTable, "concentrationUnit">): ReportUnit {
  return unitFromLabel(table.concentrationUnit);
}

/** The same unit from the label a result carries (`concentrationUnit`), e.g. to redo the text table. */
export function unitFromLabel(label: string): ReportUnit {
  const nm = NM_PER[label];
  return nm ? { label, perNanomolar: 1 / nm } : { label: "nM", perNanomolar: 1 };
}
