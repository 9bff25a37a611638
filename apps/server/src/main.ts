/**
 * The workbench server as a program: `node --import tsx apps/server/src/main.ts [--port N]
 * [--host H] [--data DIR] [--database postgres://…] [--server-mode] [--max-upload-mib N] [--api-only]`.
 * `adclab serve` and `npm start` run this. Prints one line with the URL once listening; stops
 * cleanly on SIGINT/SIGTERM. Bad flags: one line on stderr and exit code 2, as the CLI.
 */
import { parseArgs } from "node:util";
import { InputError, isInputError } from "@adclab/core";
import { checkBindAddress, DEFAULT_DATA_DIR, DEFAULT_PORT, startServer } from "./listen.ts";
import { ensureWebBuild } from "./web-build.ts";

function positiveInt(text: string | undefined, field: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new InputError("not a valid number", { field, expected: `an integer from 0 to ${max}`, got: text });
  }
  return n;
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      database: { type: "string" },
      "server-mode": { type: "boolean" },
      "max-upload-mib": { type: "string" },
      "api-only": { type: "boolean" },
    },
    strict: true,
  });
  // Check every flag before the (slow) web build, so bad input fails at once with one line.
  const serverMode = values["server-mode"] || values.database !== undefined;
  const port = positiveInt(values.port, "--port", DEFAULT_PORT, 65535);
  const maxUploadBytes = positiveInt(values["max-upload-mib"], "--max-upload-mib", 50, 10_000) * 1024 * 1024;
  checkBindAddress(values.host ?? "127.0.0.1", serverMode);
  const webDist = values["api-only"] ? undefined : ensureWebBuild((l) => process.stderr.write(`adclab: ${l}\n`));
  const admin =
    process.env.ADCLAB_ADMIN_USER && process.env.ADCLAB_ADMIN_PASSWORD
      ? { username: process.env.ADCLAB_ADMIN_USER, password: process.env.ADCLAB_ADMIN_PASSWORD }
      : undefined;
  const server = await startServer({
    port,
    host: values.host,
    dataDir: values.data ?? DEFAULT_DATA_DIR,
    databaseUrl: values.database,
    serverMode,
    maxUploadBytes,
    webDist,
    admin,
  });
  const where = values.database ? "PostgreSQL" : `embedded database in ${values.data ?? DEFAULT_DATA_DIR}`;
  process.stdout.write(`ADCLab workbench on ${server.url}  (${where}; Ctrl-C to stop)\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

run().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  if (isInputError(e) || code?.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`adclab: ${message}\n`);
    process.exit(2);
  }
  if (code === "EADDRINUSE") {
    process.stderr.write(`adclab: port already in use: ${message} (choose another with --port)\n`);
    process.exit(1);
  }
  process.stderr.write(`adclab: internal error: ${message}\n`);
  process.exit(1);
});
