/**
 * `adclab simulate`: run a virtual experiment on the well model — viability (with the IC50 from
 * the project's 4PL fitter), Protocol 1's pulse–chase, intracellular catabolite (LC-MS/MS),
 * surface HER2 (flow), shed ECD (ELISA) or expression (qPCR). The request's flags, help lines and
 * checks come from @adclab/analyses' simulateContract; this command adds --json and --csv.
 */
import { optionsFromFlags, type ParsedSimulation, runSimulation, simulateContract } from "@adclab/analyses";
import { toCsv } from "@adclab/core";
import { writeFilesAtomically } from "@adclab/report/node";
import { addAnalysisFlags } from "../analysis-flags.ts";
import type { CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";

/** The line above the table in the human output. */
function summaryOf(p: ParsedSimulation, r: Record<string, unknown>): string {
  switch (p.experiment) {
    case "viability": {
      const v = r as {
        ic50_nM: number;
        ic50: { qualifier: string };
        drug: string;
        time_h: number;
        fit: { params: { bottom: number; hill: number }; flags: string[] };
      };
      return Number.isFinite(v.ic50_nM)
        ? `IC50 ${v.ic50.qualifier === "=" ? "" : v.ic50.qualifier}${formatNumber(v.ic50_nM)} nM (${v.drug}, ${v.time_h} h, 4PL top fixed at 1; bottom ${formatNumber(v.fit.params.bottom, 3)}, Hill ${formatNumber(v.fit.params.hill, 3)}${v.fit.flags.length ? `; flags: ${v.fit.flags.join(", ")}` : ""})`
        : `IC50 not determined: the 4PL fit did not converge (${v.fit.flags.join(", ")})`;
    }
    case "pulse-chase": {
      const c = r as { pulse_nM: number; pulse_h: number };
      return `Protocol 1: ${formatNumber(c.pulse_nM)} nM T-DM1 for ${c.pulse_h} h, wash, chase (24-well)`;
    }
    case "catabolite":
      return `Intracellular Lys-SMCC-DM1 (LC-MS/MS, pmol per 10⁶ cells) under ${formatNumber((r as { adc_nM: number }).adc_nM)} nM T-DM1`;
    case "surface-her2":
      return `Surface HER2 (flow; relative to untreated parental ${r.cellLine}), T-DM1 ${formatNumber((r as { adc_nM: number }).adc_nM)} nM`;
    case "shed-ecd":
      return `Shed HER2 ECD in the supernatant (ELISA), T-DM1 ${formatNumber((r as { adc_nM: number }).adc_nM)} nM`;
    case "expression":
      return `Relative expression vs parental ${r.cellLine} (qPCR, 2^−ΔΔCt)`;
  }
}

export const simulateCommand: CommandModule = {
  name: "simulate",
  register(program, ctx) {
    const command = program.command(simulateContract.command).description(simulateContract.summary);
    addAnalysisFlags(command, simulateContract)
      .option("--json", "print JSON")
      .option("--csv <file>", "also write the curve / time course as CSV")
      .addHelpText(
        "after",
        "\nExamples:\n  adclab simulate --cell-line BT-474M1 --mechanism slc46a3-loss=6 --json\n  adclab simulate --cell-line KPL-4 --mechanism mdr1-up=50 --inhibitor tariquidar=100nM\n  adclab simulate --cell-line SK-BR-3 --experiment pulse-chase --mechanism trafficking-impaired=5",
      )
      .action((opts: Record<string, unknown> & { json?: boolean; csv?: string }) => {
        // The request's flags come from the contract, and so do their checks (messages name the flags).
        const parsed = optionsFromFlags(simulateContract, opts);
        const { result, table } = runSimulation(parsed);
        const summary = summaryOf(parsed, result);
        if (opts.csv) {
          const data = toCsv(table.headers, table.rows, { nonFinite: "text" });
          writeFilesAtomically([{ path: opts.csv, data, field: "--csv", what: "the CSV file" }]);
        }
        ctx.print(
          result,
          () => {
            const m = parsed.config.mechanisms?.length
              ? ` + ${parsed.config.mechanisms.map((x) => `${x.id}=${x.strength}`).join(", ")}`
              : "";
            const i = parsed.config.inhibitors?.length
              ? ` with ${parsed.config.inhibitors.map((x) => `${x.id} ${formatNumber(x.concentration_nM)} nM`).join(", ")}`
              : "";
            return [
              `${parsed.config.cellLine}${m}${i} — ${parsed.experiment}`,
              summary,
              "",
              formatTable(table.headers, table.rows),
            ].join("\n");
          },
          !!opts.json,
        );
      });
  },
};
