#!/usr/bin/env node
// Entry point for `npx adclab`: registers tsx so the TypeScript sources run without a build step.
import { register } from "tsx/esm/api";

// `adclab … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
