/** What every command gets: where to write, how to report progress, how to print results. */
import type { Command } from "commander";
import type { CliIo } from "./io.ts";
import { createProgress, type Progress, type ProgressOptions } from "./progress.ts";

export interface CliContext {
  io: CliIo;
  progress(o: ProgressOptions): Progress;
  /** Print a result: JSON (stable schema, 2-space indent) with --json, else the human text. */
  print(result: unknown, human: () => string, json: boolean): void;
}

export function makeContext(io: CliIo): CliContext {
  return {
    io,
    progress: (o) => createProgress(io, o),
    print(result, human, json) {
      io.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : ensureNewline(human()));
    },
  };
}

function ensureNewline(s: string): string {
  return s.endsWith("\n") ? s : `${s}\n`;
}

/** A command module: one file per command in ./commands, registered in ./commands/index.ts. */
export interface CommandModule {
  name: string;
  register(program: Command, ctx: CliContext): void;
}
