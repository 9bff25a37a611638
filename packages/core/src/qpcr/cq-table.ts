/**
 * The qPCR computations' input: Cq values by row (a reaction, or a sample after its technical
 * replicates are averaged) and gene, as the R package pcr takes them (one column per gene, a group
 * per row). A missing or excluded Cq is NaN and is left out of every statistic of its gene, never
 * counted as a number.
 */
import { InputError } from "../errors/input-error.ts";

export interface CqTable {
  /** The group (cell line, condition) of each row. */
  group: readonly string[];
  /** The sample of each row, when known (biological replicate; rows of one sample are technical). */
  sample?: readonly string[];
  /** The genes, in the order the input gave them. */
  genes: readonly string[];
  /** Per gene, the Cq (cycles) of each row; NaN where there is none. */
  cq: Readonly<Record<string, Float64Array>>;
}

/** The groups of a table, sorted as R's order() sorts them (code-unit order for plain names). */
export function groupsOf(t: CqTable): string[] {
  return [...new Set(t.group)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The Cq column of a gene, or an InputError that names the genes there are (typos included). */
export function cqOf(t: CqTable, gene: string, field: string): Float64Array {
  const v = t.cq[gene];
  if (!v) {
    throw new InputError(`no gene '${gene}' in the data`, {
      field,
      expected: `one of ${t.genes.join(", ")}${closestHint(gene, t.genes)}`,
      got: gene,
    });
  }
  return v;
}

/** Checks that a group is present, naming the groups there are. */
export function requireGroup(t: CqTable, group: string, field: string): void {
  if (!t.group.includes(group)) {
    throw new InputError(`no group '${group}' in the data`, {
      field,
      expected: `one of ${groupsOf(t).join(", ")}${closestHint(group, groupsOf(t))}`,
      got: group,
    });
  }
}

/** The finite values of `v` in the rows of `group`. */
export function valuesIn(t: CqTable, v: Float64Array, group: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < v.length; i++)
    if (t.group[i] === group && Number.isFinite(v[i] as number)) out.push(v[i] as number);
  return out;
}

/** " (did you mean 'X'?)" when a name is one edit or a case change away from a known one. */
function closestHint(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  const near = known.find((k) => k.toLowerCase() === lower || editDistance(k.toLowerCase(), lower) <= 2);
  return near === undefined ? "" : ` (did you mean '${near}'?)`;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
