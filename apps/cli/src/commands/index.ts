/** The one place commands are registered; `adclab --help` lists them in this order. */
import type { CommandModule } from "../context.ts";
import { colocCommand } from "./coloc.ts";
import { convertCommand } from "./convert.ts";
import { diagnoseCommand } from "./diagnose.ts";
import { fitCommand } from "./fit.ts";
import { mechanismsCommand } from "./mechanisms.ts";
import { modelCommand } from "./model.ts";
import { protocolCommand } from "./protocol.ts";
import { reproduceCommand } from "./reproduce.ts";
import { serveCommand } from "./serve.ts";
import { simulateCommand } from "./simulate.ts";
import { startCommand } from "./start.ts";

export const COMMANDS: readonly CommandModule[] = [
  startCommand,
  serveCommand,
  convertCommand,
  diagnoseCommand,
  protocolCommand,
  mechanismsCommand,
  fitCommand,
  simulateCommand,
  reproduceCommand,
  modelCommand,
  colocCommand,
];
