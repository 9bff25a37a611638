/** The one place commands are registered; `adclab --help` lists them in this order. */
import type { CommandModule } from "../context.ts";
import { colocCommand } from "./coloc.ts";
import { convertCommand } from "./convert.ts";
import { fitCommand } from "./fit.ts";
import { modelCommand } from "./model.ts";
import { reproduceCommand } from "./reproduce.ts";
import { simulateCommand } from "./simulate.ts";
import { startCommand } from "./start.ts";

export const COMMANDS: readonly CommandModule[] = [
  startCommand,
  convertCommand,
  fitCommand,
  simulateCommand,
  reproduceCommand,
  modelCommand,
  colocCommand,
];
