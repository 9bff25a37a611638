import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { doseResponseContract, optionsFromFlags } from "@adclab/analyses";
import { doseResponseWithOneMoreOption as extended, TRIM_OPTION } from "@adclab/analyses/test-helpers";
import { Command } from "commander";
import { addAnalysisFlags } from "./analysis-flags.ts";

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
});
