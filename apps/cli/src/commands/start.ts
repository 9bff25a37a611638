/**
 * `adclab start` (what `npm start` runs): serves the workbench on http://127.0.0.1:5174 with the
 * embedded database in .adclab-data (created on first run). `--demo-terminal` prints the terminal
 * demo of the core instead (`--json` for its JSON).
 */
import { ADCLAB_VERSION, convertConcentration, InputError, MOLECULAR_WEIGHTS, SEED_TABLE } from "@adclab/core";
import type { CliContext, CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";
import { addServeOptions, DEFAULT_PORT, runWorkbench, type ServeFlags } from "./serve.ts";

export const startCommand: CommandModule = {
  name: "start",
  register(program, ctx) {
    addServeOptions(
      program
        .command("start")
        .description(`start the ADCLab workbench on http://127.0.0.1:${DEFAULT_PORT} (same options as 'serve')`),
    )
      .option("--demo-terminal", "print a demo of the core in the terminal instead of serving")
      .option("--json", "with --demo-terminal: print the demo as JSON")
      .action(async (opts: ServeFlags & { demoTerminal?: boolean; json?: boolean }) => {
        if (opts.demoTerminal) return printDemo(ctx, !!opts.json);
        if (opts.json) {
          throw new InputError("--json needs --demo-terminal (the workbench's API is JSON already)", {
            field: "--json",
          });
        }
        await runWorkbench(opts, ctx.io).done;
      });
  },
};

function printDemo(ctx: CliContext, json: boolean): void {
  const mw = MOLECULAR_WEIGHTS["T-DM1"].value;
  const pulse_nM = convertConcentration(10, "µg/mL", "nM", { molecularWeight_g_per_mol: mw });
  const demo = {
    version: ADCLAB_VERSION,
    protocol1Pulse: { value: 10, unit: "µg/mL", nM: pulse_nM, molecularWeight_g_per_mol: mw },
    seedTable: SEED_TABLE,
  };
  ctx.print(
    demo,
    () =>
      [
        `ADCLab ${ADCLAB_VERSION} — T-DM1 / Lys-SMCC-DM1 resistance workbench (terminal demo)`,
        "",
        `Protocol 1 pulse: 10 µg/mL T-DM1 = ${formatNumber(pulse_nM, 4)} nM (MW ${mw} g/mol, Kadcyla label)`,
        "",
        "The documents' resistant lines (fold resistance = resistant IC50 / parental IC50):",
        formatTable(
          ["cell line", "ADC", "parental nM", "resistant nM", "fold", "reported mechanism"],
          SEED_TABLE.map((r) => [
            r.cellLine,
            r.adc,
            r.parentalIc50_nM,
            `${r.resistantIsLowerBound ? ">" : ""}${r.resistantIc50_nM}`,
            r.foldResistance,
            r.mechanismText,
          ]),
        ),
        "",
        `The workbench: npm start (http://127.0.0.1:${DEFAULT_PORT})    npx adclab --help`,
      ].join("\n"),
    json,
  );
}
