/**
 * `adclab start` (what `npm start` runs). Until the web workbench lands (issue 7) it prints a
 * working demo of what the core can do today; it then becomes the workbench server.
 */
import { ADCLAB_VERSION, convertConcentration, MOLECULAR_WEIGHTS, SEED_TABLE } from "@adclab/core";
import type { CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";

export const startCommand: CommandModule = {
  name: "start",
  register(program, ctx) {
    program
      .command("start")
      .description("start ADCLab (today: a demo of the core in the terminal; later: the web workbench)")
      .option("--json", "print the demo as JSON")
      .action((opts: { json?: boolean }) => {
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
              "Try: npx adclab --help    npx adclab convert 250ng/mL --to nM --compound T-DM1",
            ].join("\n"),
          !!opts.json,
        );
      });
  },
};
