/** `adclab mechanisms`: the resistance mechanisms the simulator and the troubleshooter know. */
import { MECHANISM_PRIOR_WEIGHTS, MECHANISMS, SHORT_NAMES } from "@adclab/core";
import type { CommandModule } from "../context.ts";

export const mechanismsCommand: CommandModule = {
  name: "mechanisms",
  register(program, ctx) {
    program
      .command("mechanisms")
      .description("list the resistance mechanisms (ids, what each changes in the model, literature, prior)")
      .option("--json", "print JSON")
      .action((opts: { json?: boolean }) => {
        const result = MECHANISMS.map((m) => ({
          id: m.id,
          name: m.name,
          shortName: SHORT_NAMES[m.id],
          changes: m.changes,
          strength: { min: m.bounds.min, max: m.bounds.max, reason: m.bounds.reason },
          literature: m.literature,
          priorWeight: MECHANISM_PRIOR_WEIGHTS[m.id].weight,
          priorReason: MECHANISM_PRIOR_WEIGHTS[m.id].reason,
        }));
        ctx.print(
          result,
          () =>
            [
              `${MECHANISMS.length} resistance mechanisms (strength s: fold change, 1 = none)\n`,
              ...result.map(
                (m) =>
                  `${m.id} — ${m.name}\n  changes:    ${m.changes}\n  strength:   1–${m.strength.max} (${m.strength.reason})\n  literature: ${m.literature}\n  prior:      weight ${m.priorWeight} (${m.priorReason})\n`,
              ),
            ].join("\n"),
          !!opts.json,
        );
      });
  },
};
