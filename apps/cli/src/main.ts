/**
 * The adclab program: builds the command tree from the registry, runs it, and maps every
 * outcome to an exit code (0 ok, 1 failure, 2 bad input) and at most one line on stderr.
 */
import { ADCLAB_VERSION } from "@adclab/core";
import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands/index.ts";
import { makeContext } from "./context.ts";
import { describeError, EXIT_BAD_INPUT, EXIT_OK, exitCodeFor } from "./errors.ts";
import { type CliIo, processIo } from "./io.ts";

export function buildProgram(io: CliIo): Command {
  const ctx = makeContext(io);
  const program = new Command("adclab")
    .description("ADCLab — model and analyse T-DM1 / Lys-SMCC-DM1 resistance in HER2-positive cells")
    .version(ADCLAB_VERSION, "-V, --version")
    .option("--debug", "print stack traces for errors")
    .showSuggestionAfterError(true);
  for (const m of COMMANDS) m.register(program, ctx);
  // Errors from commander (unknown option, missing argument…) become our one-line errors.
  const quiet = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: () => {},
      outputError: () => {},
    });
    for (const sub of cmd.commands) quiet(sub);
  };
  quiet(program);
  return program;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const debug = argv.includes("--debug");
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") {
        return EXIT_OK;
      }
      // commander's messages start with "error: "; keep ours uniform.
      const msg = e.message.replace(/^error:\s*/, "");
      io.stderr.write(`adclab: ${msg}${hintFor(e)}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`${describeError(e, debug)}\n`);
    return exitCodeFor(e);
  }
}

function hintFor(e: CommanderError): string {
  return e.code === "commander.unknownCommand" || e.code === "commander.unknownOption" ? " (see 'adclab --help')" : "";
}
