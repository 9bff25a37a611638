/** `adclab convert 10ug/mL --to nM --compound T-DM1`: unit conversion with the molecular weight stated. */
import {
  CONCENTRATION_UNITS,
  type CompoundWithMw,
  type ConcentrationUnit,
  convertConcentration,
  InputError,
  MOLECULAR_WEIGHTS,
  normalizeConcentrationUnit,
  parseConcentrationValue,
} from "@adclab/core";
import type { CommandModule } from "../context.ts";
import { formatNumber } from "../format.ts";

const COMPOUNDS = Object.keys(MOLECULAR_WEIGHTS) as CompoundWithMw[];

export const convertCommand: CommandModule = {
  name: "convert",
  register(program, ctx) {
    program
      .command("convert")
      .description("convert a concentration between molar and mass units (mass needs a molecular weight)")
      .argument("<quantity>", "a value with its unit, e.g. 10ug/mL, '2.5 nM'")
      .requiredOption("--to <unit>", `target unit: ${CONCENTRATION_UNITS.join(", ")}`)
      .option("--compound <name>", `use a known molecular weight: ${COMPOUNDS.join(", ")}`)
      .option("--mw <g/mol>", "molecular weight in g/mol (overrides --compound)")
      .option("--json", "print JSON")
      .addHelpText("after", "\nExample: adclab convert 10ug/mL --to nM --compound T-DM1   # Protocol 1's pulse dose")
      .action((quantity: string, opts: { to: string; compound?: string; mw?: string; json?: boolean }) => {
        const to = normalizeConcentrationUnit(opts.to);
        if (!to) {
          throw new InputError(`unknown unit '${opts.to}'`, {
            field: "--to",
            expected: CONCENTRATION_UNITS.join(", "),
          });
        }
        let mw: number | undefined;
        let mwSource: string | undefined;
        if (opts.mw !== undefined) {
          mw = Number(opts.mw);
          if (!(Number.isFinite(mw) && mw > 0)) {
            throw new InputError("not a molecular weight", {
              field: "--mw",
              expected: "a positive number of g/mol",
              got: opts.mw,
            });
          }
          mwSource = "given with --mw";
        } else if (opts.compound !== undefined) {
          const known = MOLECULAR_WEIGHTS[opts.compound as CompoundWithMw];
          if (!known) {
            throw new InputError(`unknown compound '${opts.compound}'`, {
              field: "--compound",
              expected: COMPOUNDS.join(", "),
            });
          }
          mw = known.value;
          mwSource = known.source;
        }
        const parsed = parseConcentrationValue(quantity, { field: "<quantity>" });
        const value = convertConcentration(parsed.value, parsed.unit, to as ConcentrationUnit, {
          field: "<quantity>",
          molecularWeight_g_per_mol: mw,
        });
        const result = {
          input: { value: parsed.value, unit: parsed.unit },
          output: { value, unit: to },
          ...(mw === undefined ? {} : { molecularWeight_g_per_mol: mw, molecularWeightSource: mwSource }),
        };
        ctx.print(
          result,
          () => `${parsed.value} ${parsed.unit} = ${formatNumber(value)} ${to}${mw ? `  (MW ${mw} g/mol)` : ""}`,
          !!opts.json,
        );
      });
  },
};
