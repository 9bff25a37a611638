/**
 * The qPCR wide table, as the R package pcr takes it: one row per sample (or reaction) and one
 * Cq column per gene, with a `group` column (cell line or condition), and optionally `sample`
 * (rows with the same sample are its technical replicates), `well`, and `quantity` (the input
 * amount of a dilution series, which makes every row a standard). Every other column is a gene.
 */
import { InputError } from "../../errors/input-error.ts";
import { parseDelimited, parseNumberCell } from "../delimited.ts";
import { canonicalWell } from "../dose-response/types.ts";
import { isKnownField } from "./columns.ts";
import { readCqCell } from "./cq-cell.ts";
import { cqLimits, runOf } from "./long-table.ts";
import type { QpcrReaction, QpcrReadOptions, QpcrRun } from "./types.ts";

export function readQpcrWideTable(text: string, o: QpcrReadOptions): QpcrRun {
  const { file } = o;
  const table = parseDelimited(text, { file });
  const [head, ...body] = table.rows;
  if (!head)
    throw new InputError("the file is empty", { file, expected: "a header row: group, then one column per gene" });
  const roles = head.cells.map((h) => isKnownField(h));
  const col = (f: string) => roles.indexOf(f as never);
  const groupCol = col("group");
  const sampleCol = col("sample");
  const quantityCol = col("quantity");
  const wellCol = col("well");
  const geneCols = head.cells.map((h, i) => ({ h, i })).filter(({ i }) => roles[i] === undefined);
  if (groupCol < 0 && quantityCol < 0) {
    throw new InputError("missing column 'group'", {
      file,
      row: head.line,
      column: "group",
      expected: "a 'group' column (or 'quantity' for a dilution series) and one Cq column per gene",
      got: head.cells.join(", "),
    });
  }
  if (geneCols.length === 0)
    throw new InputError("no gene columns", {
      file,
      row: head.line,
      expected: "one Cq column per gene besides group, sample, well and quantity",
    });
  for (const { h } of geneCols)
    if (h === "")
      throw new InputError("a gene column without a name", {
        file,
        row: head.line,
        expected: "a gene name in every header cell",
      });
  if (body.length === 0) throw new InputError("the table has a header but no rows", { file, row: head.line });
  const decimalComma = table.delimiter !== ",";
  const limits = cqLimits(o, decimalComma);
  const reactions: QpcrReaction[] = [];
  body.forEach((r, k) => {
    const at = (i: number) => ({ file, row: r.line, column: head.cells[i] as string });
    const cell = (i: number) => (i < 0 ? "" : (r.cells[i] ?? "").trim());
    let quantity: number | undefined;
    if (quantityCol >= 0) {
      quantity = parseNumberCell(cell(quantityCol), { decimalComma });
      if (quantity === undefined || !(quantity > 0))
        throw new InputError("bad quantity", {
          ...at(quantityCol),
          expected: "a positive input amount",
          got: cell(quantityCol),
        });
    }
    const group = groupCol >= 0 ? cell(groupCol) : `quantity ${cell(quantityCol)}`;
    if (group === "") throw new InputError("empty group", { ...at(groupCol), expected: "a group name" });
    const sample = sampleCol >= 0 && cell(sampleCol) !== "" ? cell(sampleCol) : `row ${k + 1}`;
    let well: string | undefined;
    if (wellCol >= 0 && cell(wellCol) !== "") {
      well = canonicalWell(cell(wellCol));
      if (!well)
        throw new InputError(`unknown well '${cell(wellCol)}'`, {
          ...at(wellCol),
          expected: "a well of a 96- or 384-well plate, A1 … P24",
        });
    }
    for (const { h, i } of geneCols) {
      const read = readCqCell(cell(i), limits, at(i));
      reactions.push({
        line: r.line,
        sample,
        group,
        gene: h,
        cqText: cell(i),
        ...read,
        role: quantity === undefined ? "unknown" : "standard",
        ...(well ? { well } : {}),
        ...(quantity === undefined ? {} : { quantity }),
      });
    }
  });
  return runOf(file, reactions, limits);
}
