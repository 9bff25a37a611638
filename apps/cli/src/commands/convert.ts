/** `adclab convert 10ug/mL --to nM --compound T-DM1`: unit conversion with the molecular weight stated. */
import { COMPOUNDS_WITH_MW, CONCENTRATION_UNITS, convertQuantity } from "@adclab/core";
import type { CommandModule } from "../context.ts";
import { formatNumber } from "../format.ts";

export const convertCommand: CommandModule = {
  name: "convert",
  register(program, ctx) {
    program
      .command("convert")
      .description("convert a concentration between molar and mass units (mass needs a molecular weight)")
      .argument("<quantity>", "a value with its unit, e.g. 10ug/mL, '2.5 nM'")
      .requiredOption("--to <unit>", `target unit: ${CONCENTRATION_UNITS.join(", ")}`)
      .option("--compound <name>", `use a known molecular weight: ${COMPOUNDS_WITH_MW.join(", ")}`)
      .option("--mw <g/mol>", "molecular weight in g/mol (overrides --compound)")
      .option("--json", "print JSON")
      .addHelpText("after", "\nExample: adclab convert 10ug/mL --to nM --compound T-DM1   # Protocol 1's pulse dose")
      .action((quantity: string, opts: { to: string; compound?: string; mw?: string; json?: boolean }) => {
        const result = convertQuantity(
          { quantity, to: opts.to, compound: opts.compound, mw_g_per_mol: opts.mw },
          { quantity: "<quantity>", to: "--to", compound: "--compound", mw_g_per_mol: "--mw" },
        );
        const { input, output, molecularWeight_g_per_mol: mw } = result;
        ctx.print(
          result,
          () =>
            `${input.value} ${input.unit} = ${formatNumber(output.value)} ${output.unit}${mw ? `  (MW ${mw} g/mol)` : ""}`,
          !!opts.json,
        );
      });
  },
};
