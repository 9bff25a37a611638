/**
 * The qPCR long table: one row per reaction, with sample, gene and Cq; optionally well, group
 * (cell line or condition; the sample itself when absent), technical replicate, quantity (for
 * standards), amplification factor, role (unknown, standard, NTC, no-RT) and melting temperature.
 * Column names follow what people and instrument programs write ("Sample Name", "Target Name",
 * "CT", "Task", "Well Position"; see columns.ts). "Undetermined", empty and above-cut-off Cq are
 * read as the named choices of the options, and every such reaction gets a note.
 */
import { InputError } from "../../errors/input-error.ts";
import { type DelimitedText, parseDelimited, parseNumberCell } from "../delimited.ts";
import { canonicalWell } from "../dose-response/types.ts";
import { describeQpcrField, mapQpcrColumns, type QpcrField, REQUIRED_QPCR_FIELDS } from "./columns.ts";
import { type CqCellLimits, readCqCell } from "./cq-cell.ts";
import type { QpcrReaction, QpcrReadOptions, QpcrRun, ReactionRole } from "./types.ts";

const ROLE_ALIASES: Record<string, ReactionRole> = {
  unknown: "unknown",
  unkn: "unknown",
  sample: "unknown",
  standard: "standard",
  std: "standard",
  ntc: "ntc",
  notemplate: "ntc",
  notemplatecontrol: "ntc",
  nrt: "nrt",
  nort: "nrt",
  rt: "nrt",
  minusrt: "nrt",
  norevtranscriptase: "nrt",
};

export function parseReactionRole(text: string): ReactionRole | undefined {
  return ROLE_ALIASES[text.toLowerCase().replace(/[\s_\-.]/g, "")];
}

/** The limits of the options with their defaults, checked. */
export function cqLimits(o: QpcrReadOptions, decimalComma: boolean): CqCellLimits {
  const cycleLimit = o.cycleLimit ?? 40;
  if (!(cycleLimit > 0 && cycleLimit <= 100))
    throw new InputError("the cycle limit is out of range", {
      field: "cycleLimit",
      expected: "a number of cycles in (0, 100]",
      got: cycleLimit,
    });
  const cqCutoff_cycles = o.cqCutoff_cycles ?? cycleLimit;
  if (!(cqCutoff_cycles > 0 && cqCutoff_cycles <= cycleLimit)) {
    throw new InputError("the Cq cut-off is out of range", {
      field: "cqCutoff",
      expected: `a number of cycles in (0, ${cycleLimit}] (the cycle limit)`,
      got: cqCutoff_cycles,
    });
  }
  return {
    cycleLimit,
    cqCutoff_cycles,
    undetermined: o.undetermined ?? "exclude",
    aboveCutoff: o.aboveCutoff ?? "exclude",
    decimalComma,
  };
}

export function readQpcrLongTable(text: string, o: QpcrReadOptions): QpcrRun {
  return readQpcrLongTableRows(parseDelimited(text, { file: o.file }), o);
}

export function readQpcrLongTableRows(table: DelimitedText, o: QpcrReadOptions): QpcrRun {
  const { file } = o;
  const [head, ...body] = table.rows;
  if (!head) throw new InputError("the file is empty", { file, expected: "a header row and one row per reaction" });
  const cols = mapQpcrColumns(head.cells);
  for (const f of REQUIRED_QPCR_FIELDS) {
    if (cols.index[f] === undefined) {
      throw new InputError(`missing column '${f}'`, {
        file,
        row: head.line,
        column: f,
        expected: describeQpcrField(f),
        got: head.cells.join(", "),
      });
    }
  }
  if (body.length === 0) throw new InputError("the table has a header but no rows", { file, row: head.line });
  const decimalComma = table.delimiter !== ",";
  const limits = cqLimits(o, decimalComma);
  const cell = (cells: string[], f: QpcrField) => {
    const i = cols.index[f];
    return i === undefined ? undefined : (cells[i] ?? "").trim();
  };
  const reactions: QpcrReaction[] = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    const at = (f: QpcrField) => ({ file, row: r.line, column: cols.header[f] ?? f });
    const sample = cell(r.cells, "sample") as string;
    const gene = cell(r.cells, "gene") as string;
    if (sample === "") throw new InputError("empty sample", { ...at("sample"), expected: "a sample name" });
    if (gene === "") throw new InputError("empty gene", { ...at("gene"), expected: "a gene (target) name" });
    const group = cell(r.cells, "group") || sample;
    const reaction: QpcrReaction = {
      line: r.line,
      sample,
      group,
      gene,
      role: "unknown",
      ...readCqCell(cell(r.cells, "cq") as string, limits, at("cq")),
      cqText: cell(r.cells, "cq") as string,
    };
    const wellText = cell(r.cells, "well");
    if (wellText) {
      const well = canonicalWell(wellText);
      if (!well)
        throw new InputError(`unknown well '${wellText}'`, {
          ...at("well"),
          expected: "a well of a 96- or 384-well plate, A1 … P24",
        });
      const key = `${well}\u0000${gene}`;
      const before = seen.get(key);
      if (before !== undefined) {
        throw new InputError(`well ${well} has ${gene} twice`, {
          ...at("well"),
          expected: `one row per well and gene (also on line ${before})`,
        });
      }
      seen.set(key, r.line);
      reaction.well = well;
    }
    const roleText = cell(r.cells, "role");
    if (roleText) {
      const role = parseReactionRole(roleText);
      if (!role)
        throw new InputError(`unknown role '${roleText}'`, {
          ...at("role"),
          expected: "unknown, standard, NTC or NRT (also Unkn, Std, no template, no RT)",
        });
      reaction.role = role;
    }
    const rep = cell(r.cells, "replicate");
    if (rep) reaction.replicate = rep;
    const numberAt = (f: QpcrField, check: (v: number) => boolean, expected: string) => {
      const t = cell(r.cells, f);
      if (t === undefined || t === "") return undefined;
      const v = parseNumberCell(t, { decimalComma });
      if (v === undefined || !check(v)) throw new InputError(`bad ${f}`, { ...at(f), expected, got: t });
      return v;
    };
    const quantity = numberAt("quantity", (v) => v > 0, "a positive amount");
    if (quantity !== undefined) reaction.quantity = quantity;
    const eff = numberAt(
      "efficiency",
      (v) => (v > 0 && v <= 1.2) || (v > 1.5 && v <= 3) || (v > 10 && v <= 150),
      "an efficiency as a percentage (10–150), a fraction (up to 1.2) or an amplification factor (1.5–3)",
    );
    if (eff !== undefined) reaction.amplification = amplificationFactor(eff);
    const tm = numberAt("tm", (v) => v > 40 && v < 100, "a melting temperature in °C (40–100)");
    if (tm !== undefined) reaction.tm_C = tm;
    if (reaction.role === "standard" && reaction.quantity === undefined && reaction.status === "measured") {
      throw new InputError("a standard without a quantity", {
        ...at("quantity"),
        expected: "the input amount of each standard reaction",
      });
    }
    reactions.push(reaction);
  }
  return runOf(file, reactions, limits);
}

/**
 * An efficiency as written → the amplification factor 1 + E: a percentage (95), a fraction up to
 * 1.2 (0.95, 1.05), or the factor itself from 1.5 to 3 (1.95). Values between (1.2–1.5, 3–10)
 * would be ambiguous or meaningless, and the reader refuses them.
 */
export function amplificationFactor(v: number): number {
  if (v > 10) return 1 + v / 100;
  if (v <= 1.2) return 1 + v;
  return v;
}

export function runOf(file: string, reactions: QpcrReaction[], limits: CqCellLimits): QpcrRun {
  const notes: string[] = [];
  for (const r of reactions) {
    if (r.status === "measured") continue;
    const what =
      r.status === "undetermined"
        ? `no Cq ('${r.cqText}')`
        : `Cq ${r.cqText} above the cut-off ${limits.cqCutoff_cycles}`;
    const did = r.treatment === "cycle-limit" ? `set to the cycle limit ${limits.cycleLimit}` : "excluded";
    notes.push(`line ${r.line}${r.well ? ` (well ${r.well})` : ""}: ${r.gene} in ${r.sample} has ${what}: ${did}`);
  }
  const unique = (f: (r: QpcrReaction) => string) => [...new Set(reactions.map(f))];
  return {
    file,
    reactions,
    genes: unique((r) => r.gene),
    samples: unique((r) => r.sample),
    groups: unique((r) => r.group),
    cycleLimit: limits.cycleLimit,
    cqCutoff_cycles: limits.cqCutoff_cycles,
    notes,
  };
}
