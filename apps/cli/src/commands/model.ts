/** `adclab model describe`: the well model's states, processes and sourced parameters (Markdown or JSON). */
import { describeModel, describeModelMarkdown, InputError } from "@adclab/core";
import type { CommandModule } from "../context.ts";

export const modelCommand: CommandModule = {
  name: "model",
  register(program, ctx) {
    const model = program.command("model").description("the T-DM1 well model");
    model
      .command("describe")
      .description("states, processes in words, parameters with sources, cell lines, mechanisms (Markdown or --json)")
      .option("--json", "print JSON")
      .action((opts: { json?: boolean }) => {
        const d = describeModel();
        ctx.print(d, () => describeModelMarkdown(d), !!opts.json);
      });
    model.action(() => {
      throw new InputError("missing subcommand", { field: "model", expected: "describe" });
    });
  },
};
