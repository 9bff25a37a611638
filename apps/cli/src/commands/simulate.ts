/**
 * `adclab simulate`: run a virtual experiment on the well model — viability (with the IC50 from
 * the project's 4PL fitter), Protocol 1's pulse–chase, intracellular catabolite (LC-MS/MS),
 * surface HER2 (flow), shed ECD (ELISA) or expression (qPCR).
 */
import {
  CLI_SIMULATION_FIELDS,
  EXPERIMENTS,
  type ParsedSimulation,
  parseSimulationRequest,
  runSimulation,
} from "@adclab/analyses";
import { CELL_LINE_IDS, DRUG_IDS, INHIBITOR_IDS, toCsv } from "@adclab/core";
import { writeFilesAtomically } from "@adclab/report/node";
import type { CommandModule } from "../context.ts";
import { formatNumber, formatTable } from "../format.ts";

interface SimulateFlags {
  cellLine?: string;
  mechanism: string[];
  experiment: string;
  drug: string;
  inhibitor: string[];
  trastuzumab?: string;
  time: string;
  doses?: string;
  dose?: string;
  times?: string;
  json?: boolean;
  csv?: string;
}

const collect = (v: string, prev: string[]) => [...prev, ...v.split(",").filter((s) => s.trim() !== "")];

/** The flags as the shared simulation request (packages/analyses), with the flags' names in messages. */
export function parseSimulateFlags(o: SimulateFlags): ParsedSimulation {
  return parseSimulationRequest(
    {
      cellLine: o.cellLine,
      mechanisms: o.mechanism,
      experiment: o.experiment,
      drug: o.drug,
      inhibitors: o.inhibitor,
      trastuzumab: o.trastuzumab || undefined,
      time: o.time,
      doses: o.doses || undefined,
      dose: o.dose || undefined,
      times: o.times || undefined,
    },
    CLI_SIMULATION_FIELDS,
  );
}

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
    program
      .command("simulate")
      .description("run a virtual experiment on the T-DM1 well model")
      .option("--cell-line <name>", `cell line: ${CELL_LINE_IDS.join(", ")}`)
      .option(
        "--mechanism <id=strength>",
        "resistance mechanism and its fold change (repeatable), e.g. slc46a3-loss=10",
        collect,
        [],
      )
      .option("--experiment <name>", `one of ${EXPERIMENTS.join(", ")}`, "viability")
      .option("--drug <name>", `viability drug: ${DRUG_IDS.join(", ")}`, "T-DM1")
      .option(
        "--inhibitor <name=conc>",
        `efflux inhibitor (repeatable): ${INHIBITOR_IDS.join(", ")}, e.g. verapamil=10uM`,
        collect,
        [],
      )
      .option("--trastuzumab <conc>", "unconjugated trastuzumab added with the drug (viability)")
      .option("--time <duration>", "viability read-out time / end of a time course", "120h")
      .option("--doses <list>", "viability concentrations, e.g. 0.01,0.1,1,10nM (default 10 log-spaced doses)")
      .option("--dose <conc>", "T-DM1 for pulse-chase (default 10ug/mL), catabolite (10 nM), surface-her2/shed-ecd (0)")
      .option("--times <list>", "read-out times of a time course (chase times for pulse-chase), e.g. 2h,6h,24h")
      .option("--json", "print JSON")
      .option("--csv <file>", "also write the curve / time course as CSV")
      .addHelpText(
        "after",
        "\nExamples:\n  adclab simulate --cell-line BT-474M1 --mechanism slc46a3-loss=6 --json\n  adclab simulate --cell-line KPL-4 --mechanism mdr1-up=50 --inhibitor tariquidar=100nM\n  adclab simulate --cell-line SK-BR-3 --experiment pulse-chase --mechanism trafficking-impaired=5",
      )
      .action((opts: SimulateFlags) => {
        const parsed = parseSimulateFlags(opts);
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
