/**
 * `adclab serve`: the workbench (web app + HTTP API) on http://127.0.0.1:5174 by default.
 * The server is its own program (@adclab/server's main): the CLI runs it as a child process,
 * forwards its output and Ctrl-C, and turns its exit into ours (docs/adr/0002).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { InputError } from "@adclab/core";
import type { Command } from "commander";
import type { CliContext, CommandModule } from "../context.ts";
import { CommandFailure } from "../errors.ts";
import type { CliIo } from "../io.ts";

export const DEFAULT_PORT = 5174;

export interface ServeFlags {
  port?: string;
  host?: string;
  data?: string;
  database?: string;
  serverMode?: boolean;
  maxUploadMib?: string;
  apiOnly?: boolean;
}

export function serverArgs(f: ServeFlags): string[] {
  const args: string[] = [];
  if (f.port !== undefined) args.push("--port", f.port);
  if (f.host !== undefined) args.push("--host", f.host);
  if (f.data !== undefined) args.push("--data", f.data);
  if (f.database !== undefined) args.push("--database", f.database);
  if (f.serverMode) args.push("--server-mode");
  if (f.maxUploadMib !== undefined) args.push("--max-upload-mib", f.maxUploadMib);
  if (f.apiOnly) args.push("--api-only");
  return args;
}

export function addServeOptions(cmd: Command): Command {
  return cmd
    .option("--port <n>", `TCP port (default ${DEFAULT_PORT})`)
    .option("--host <address>", "address to listen on (default 127.0.0.1; others need server mode)")
    .option("--data <dir>", "embedded database folder, created on first run (default .adclab-data)")
    .option("--database <url>", "a PostgreSQL server (postgres://user@host:port/db) instead; implies --server-mode")
    .option("--server-mode", "require login (users, API tokens), per-project access, audit log")
    .option("--max-upload-mib <n>", "largest accepted upload in MiB (default 50)")
    .option("--api-only", "serve the HTTP API without the web app");
}

export interface RunningWorkbench {
  child: ChildProcess;
  /** Resolves when the server process ends; rejects with its error line as InputError/CommandFailure. */
  done: Promise<void>;
}

/**
 * Starts the server program with the given flags. Output is forwarded line by line; the latest
 * stderr line is held back for half a second, because if the process then ends with an error it
 * is the one error line that main() prints (once, with the exit code: 2 bad input, 1 failure).
 */
export function runWorkbench(flags: ServeFlags, io: CliIo): RunningWorkbench {
  const main = fileURLToPath(import.meta.resolve("@adclab/server/main"));
  const child = spawn(process.execPath, ["--import", "tsx", main, ...serverArgs(flags)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
  });
  child.stdout!.on("data", (d: Buffer) => io.stdout.write(d.toString()));
  let pending = "";
  let held: string | undefined;
  let release: NodeJS.Timeout | undefined;
  const flushHeld = () => {
    if (held !== undefined) io.stderr.write(`${held}\n`);
    held = undefined;
  };
  child.stderr!.on("data", (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      flushHeld();
      held = line;
    }
    // A progress line (the server goes on) is shown after a moment; an error line is followed
    // by the exit within milliseconds, and main() prints it.
    clearTimeout(release);
    release = setTimeout(flushHeld, 500);
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward("SIGINT");
  const onTerm = forward("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  const done = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(release);
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      const last = (held ?? pending).replace(/^adclab: /, "");
      if (code === 0 || code === null) {
        if (held !== undefined) io.stderr.write(`${held}\n`);
        resolve();
      } else if (code === 2) reject(new InputError(last));
      else reject(new CommandFailure(last || `the server exited with code ${code}`));
    });
  });
  return { child, done };
}

export const serveCommand: CommandModule = {
  name: "serve",
  register(program, ctx: CliContext) {
    addServeOptions(
      program
        .command("serve")
        .description(
          `serve the workbench (web app + HTTP API, OpenAPI at /openapi.json) on http://127.0.0.1:${DEFAULT_PORT}`,
        ),
    )
      .addHelpText(
        "after",
        [
          "",
          "Examples:",
          "  adclab serve                                   # embedded database in .adclab-data, 127.0.0.1 only",
          "  ADCLAB_ADMIN_USER=admin ADCLAB_ADMIN_PASSWORD=… \\",
          "    adclab serve --host 0.0.0.0 --database postgres://adclab@db/adclab   # a lab server, login required",
        ].join("\n"),
      )
      .action(async (flags: ServeFlags) => {
        await runWorkbench(flags, ctx.io).done;
      });
  },
};
