/**
 * `adclab reproduce seed-table`: the source documents' table of resistant lines reproduced by the
 * model — parental IC50, fitted mechanism strengths (inside sourced bounds), resistant IC50 and
 * fold, each next to the table's value.
 */
import { InputError, reproduceSeedTable } from "@adclab/core";
import type { CommandModule } from "../context.ts";
import { CommandFailure } from "../errors.ts";
import { formatNumber, formatTable } from "../format.ts";

const TARGETS = ["seed-table"] as const;

export const reproduceCommand: CommandModule = {
  name: "reproduce",
  register(program, ctx) {
    program
      .command("reproduce")
      .description("reproduce a published result with the model (today: seed-table, the documents' resistant lines)")
      .argument("<what>", `what to reproduce: ${TARGETS.join(", ")}`)
      .option("--json", "print JSON")
      .action((what: string, opts: { json?: boolean }) => {
        if (!TARGETS.includes(what as (typeof TARGETS)[number])) {
          throw new InputError(`unknown target '${what}'`, {
            field: "<what>",
            expected: `one of ${TARGETS.join(", ")}`,
          });
        }
        const progress = ctx.progress({ total: 5, label: "fitting lines" });
        const result = reproduceSeedTable((i, _n, line) => progress.update(i, line));
        progress.update(5, "done");
        progress.stop();
        ctx.print(
          result,
          () =>
            [
              "The documents' resistant lines, reproduced by the well model (T-DM1, 120 h viability)",
              "",
              formatTable(
                [
                  "line",
                  "parental nM table / model",
                  "resistant nM table / model",
                  "fold table / model",
                  "mechanisms (fitted* ± SE log10; bounds)",
                  "checks",
                ],
                result.rows.map((r) => [
                  r.cellLine,
                  `${formatNumber(r.parentalIc50_nM.table)} / ${formatNumber(r.parentalIc50_nM.model, 3)}`,
                  `${r.resistantIc50_nM.tableIsLowerBound ? ">" : ""}${formatNumber(r.resistantIc50_nM.table)} / ${formatNumber(r.resistantIc50_nM.model, 3)}`,
                  `${formatNumber(r.fold.table)} / ${formatNumber(r.fold.model, 3)}`,
                  r.mechanisms
                    .map(
                      (m) =>
                        `${m.id}=${formatNumber(m.strength, 3)}${m.fitted ? `* ±${formatNumber(m.seLog10 ?? Number.NaN, 2)}` : " (held)"} [1–${m.bounds.max}]`,
                    )
                    .join(", "),
                  Object.values(r.checks).every(Boolean) ? "ok" : "FAIL",
                ]),
              ),
              "",
              "Bounds: " +
                [
                  ...new Map(
                    result.rows.flatMap((r) => r.mechanisms.map((m) => [m.id, m.bounds.reason] as const)),
                  ).entries(),
                ]
                  .map(([id, why]) => `${id}: ${why}`)
                  .join("; "),
              "Held: " +
                result.rows
                  .flatMap((r) =>
                    r.mechanisms
                      .filter((m) => !m.fitted)
                      .map((m) => `${r.cellLine} ${m.id}=${m.strength} (${m.reason})`),
                  )
                  .join("; "),
              `Method: ${result.method}`,
            ].join("\n"),
          !!opts.json,
        );
        if (!result.allChecksPass)
          throw new CommandFailure("some lines are not reproduced within the stated tolerances");
      });
  },
};
