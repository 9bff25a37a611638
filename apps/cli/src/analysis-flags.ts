/**
 * An analysis contract's files and options as a command's arguments and flags: the flag, its help
 * line and its default come from the contract (@adclab/analyses' optionFields), so a new option
 * of an analysis is a new flag with no edit here. The command adds its own face-only flags
 * (--plot, --json) after these.
 */
import { readFileSync } from "node:fs";
import { type AnalysisContract, isPositional, type NamedFile, optionFields } from "@adclab/analyses";
import { InputError } from "@adclab/core";
import type { Command } from "commander";

const repeatable = (v: string, acc: string[]) => [...acc, v];
/** A repeatable flag whose value may list several: `--mechanism a=2,b=3` (empty items dropped). */
const splitting = (separator: string) => (v: string, acc: string[]) => [
  ...acc,
  ...v.split(separator).filter((s) => s.trim() !== ""),
];

/**
 * Registers the contract's file slots (the positional one as an argument, optional when written
 * "[file]") and options, in `order` (keys of either; those not named follow in the contract's order).
 */
export function addAnalysisFlags(cmd: Command, contract: AnalysisContract, order: readonly string[] = []): Command {
  const fields = new Map(optionFields(contract).map((f) => [f.key, f]));
  const slots = Object.entries(contract.files);
  for (const [, slot] of slots) if (isPositional(slot)) cmd.argument(slot.cli, slot.description);
  const keys = [...order, ...slots.map(([k]) => k), ...fields.keys()].filter((k, i, all) => all.indexOf(k) === i);
  for (const key of keys) {
    const slot = contract.files[key];
    if (slot) {
      if (!isPositional(slot)) cmd.option(slot.cli, slot.description);
      continue;
    }
    const f = fields.get(key);
    if (!f) throw new Error(`${contract.command}: '${key}' in the flag order is neither a file nor an option`);
    const help = f.meta.help ?? f.meta.description;
    if (f.meta.repeatable) {
      const collect = f.meta.separator === undefined ? repeatable : splitting(f.meta.separator);
      cmd.option(f.meta.flag, help, collect, [] as string[]);
    } else {
      const dflt = f.meta.cliDefault ?? (typeof f.default === "string" ? f.default : undefined);
      if (dflt === undefined) cmd.option(f.meta.flag, help);
      else cmd.option(f.meta.flag, help, dflt);
    }
  }
  return cmd;
}

/** Reads one file the user named; a missing or unreadable file is an InputError naming it. */
export function readNamedFile(path: string, field: string): NamedFile {
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

/**
 * The contract's files from the command line: the positional arguments (in the slots' order; one
 * not given is left out) and the file flags given.
 */
export function analysisFiles(
  contract: AnalysisContract,
  positional: string | undefined | readonly (string | undefined)[],
  flags: Record<string, unknown>,
): Record<string, NamedFile> {
  const args = typeof positional === "string" || positional === undefined ? [positional] : [...positional];
  const out: Record<string, NamedFile> = {};
  for (const [key, slot] of Object.entries(contract.files)) {
    if (isPositional(slot)) {
      const path = args.shift();
      if (path !== undefined) out[key] = readNamedFile(path, slot.cliField ?? key.toUpperCase());
    } else if (typeof flags[key] === "string") out[key] = readNamedFile(flags[key], slot.cli.split(/\s+/)[0] as string);
  }
  return out;
}
