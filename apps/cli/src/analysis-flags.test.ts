import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  colocContract,
  diagnoseContract,
  doseResponseContract,
  optionsFromFlags,
  simulateContract,
} from "@adclab/analyses";
import { doseResponseWithOneMoreOption as extended, TRIM_OPTION } from "@adclab/analyses/test-helpers";
import { InputError } from "@adclab/core";
import { Command } from "commander";
import { addAnalysisFlags, analysisFiles } from "./analysis-flags.ts";

function parsed(contract: typeof extended | typeof doseResponseContract, argv: string[]) {
  let seen: { file: string; flags: Record<string, unknown> } | undefined;
  const cmd = addAnalysisFlags(new Command("fit").exitOverride(), contract).action((file: string, flags) => {
    seen = { file, flags };
  });
  cmd.parse(argv, { from: "user" });
  return { cmd, seen: seen as NonNullable<typeof seen> };
}

describe("a contract's files and options as a command's argument and flags", () => {
  it("registers the positional file, the file flags and every option with its help line and default", () => {
    const { cmd, seen } = parsed(doseResponseContract, ["plate.csv", "--compare", "A:B", "--compare", "A:C"]);
    const help = cmd.helpInformation();
    assert.match(help, /Usage: fit \[options\] <file>/);
    assert.match(help, /--layout <file>\s+plate layout/);
    assert.match(help, /--model <model>\s+curve model: ll4, prism4, 3pl, 5pl, gr \(default: "ll4"\)/);
    assert.equal(seen.file, "plate.csv");
    assert.deepEqual(seen.flags.compare, ["A:B", "A:C"]);
    assert.equal(seen.flags.model, "ll4");
  });
  it("an option added to the schema is a flag, with its help line, that reaches the options", () => {
    const { cmd, seen } = parsed(extended, ["plate.csv", "--trim-fraction", "0.1"]);
    assert.ok(cmd.helpInformation().includes(`${TRIM_OPTION.flag}`));
    assert.ok(cmd.helpInformation().replace(/\s+/g, " ").includes(TRIM_OPTION.description));
    assert.equal(optionsFromFlags(extended, seen.flags)[TRIM_OPTION.key as never], 0.1);
  });
  it("a positional slot written [file] is an optional argument; without it, no file is read", () => {
    let seen: { file: string | undefined; flags: Record<string, unknown> } | undefined;
    const cmd = addAnalysisFlags(new Command("diagnose").exitOverride(), diagnoseContract).action(
      (file: string | undefined, flags) => {
        seen = { file, flags };
      },
    );
    cmd.parse(["--draws", "50"], { from: "user" });
    assert.match(cmd.helpInformation(), /Usage: diagnose \[options\] \[observations\]/);
    assert.match(cmd.helpInformation(), /--cell-line <name>\s+parental line/);
    assert.equal(seen?.file, undefined);
    assert.deepEqual(optionsFromFlags(diagnoseContract, seen?.flags ?? {}), { draws: 50 });
    assert.deepEqual(analysisFiles(diagnoseContract, undefined, seen?.flags ?? {}), {});
  });
});

describe("a contract without files, whose flags differ from its keys and split at commas", () => {
  it("registers no argument; a repeatable flag with a separator collects each item, the options follow", () => {
    let flags: Record<string, unknown> = {};
    const cmd = addAnalysisFlags(new Command("simulate").exitOverride(), simulateContract).action((f) => {
      flags = f;
    });
    cmd.parse(["--cell-line", "KPL-4", "--mechanism", "mdr1-up=20,slc46a3-loss=4", "--mechanism", "her2-loss=2"], {
      from: "user",
    });
    const help = cmd.helpInformation();
    assert.match(help, /Usage: simulate \[options\]\n/);
    assert.match(help, /--mechanism <id=strength>\s+resistance mechanism and its fold change/);
    assert.match(help, /--experiment <name>\s+one of viability, pulse-chase/);
    assert.deepEqual(flags.mechanism, ["mdr1-up=20", "slc46a3-loss=4", "her2-loss=2"]);
    assert.equal(flags.experiment, "viability");
    const parsed = optionsFromFlags(simulateContract, flags);
    assert.deepEqual(parsed.config.mechanisms, [
      { id: "mdr1-up", strength: 20 },
      { id: "slc46a3-loss", strength: 4 },
      { id: "her2-loss", strength: 2 },
    ]);
    assert.equal(parsed.experiment, "viability");
  });
});

describe("a contract whose files are optional arguments and whose switch is a --no- flag", () => {
  it("registers [image] [image2], the help line of --no-kendall, and reads only the arguments given", () => {
    let seen: { args: (string | undefined)[]; flags: Record<string, unknown> } | undefined;
    const cmd = addAnalysisFlags(new Command("coloc").exitOverride(), colocContract).action(
      (image: string | undefined, image2: string | undefined, flags) => {
        seen = { args: [image, image2], flags };
      },
    );
    cmd.parse(["--no-kendall", "--psf", "4"], { from: "user" });
    const help = cmd.helpInformation();
    assert.match(help, /Usage: coloc \[options\] \[image\] \[image2\]/);
    assert.match(help, /--no-kendall\s+skip Kendall's tau-b \(the slowest metric\)\n/);
    assert.match(help, /--psf <px>\s+block size .* \(default: "3"\)/s);
    const options = optionsFromFlags(colocContract, seen?.flags ?? {});
    assert.equal(options.kendall, false);
    assert.equal(options.blockSize, 4);
    assert.deepEqual(analysisFiles(colocContract, seen?.args ?? [], seen?.flags ?? {}), {});
    assert.throws(
      () => analysisFiles(colocContract, ["no-such-image.tif"], {}),
      (e: unknown) => e instanceof InputError && e.message === "no-such-image.tif, IMAGE: file not found",
    );
  });
});
