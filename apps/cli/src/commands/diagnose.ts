/**
 * `adclab diagnose OBS.json|yaml [--json]`: rank resistance mechanisms from observations, with the
 * evidence for and against, and the next experiment by expected information gain.
 * `adclab diagnose --interactive`: one result per line on stdin (a terminal or a pipe), a running
 * ranking and the suggested next assay after each.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import {
  type DiagnoseAnalysisOptions,
  diagnoseContract,
  diagnoseObservationSet,
  optionsFromFlags,
} from "@adclab/analyses";
import {
  candidateTable,
  type DisplayTable,
  evidenceLines,
  formatProbability,
  mechanismLine,
  nextExperimentTable,
  troubleshootingRowLines,
} from "@adclab/analyses/tables";
import {
  checkContradictions,
  type Diagnosis,
  diagnose,
  findAssay,
  findObservation,
  InputError,
  isInputError,
  OBSERVATIONS,
  type ObservationSet,
  type ObservedValue,
  parseObservationSet,
  parseObservedValue,
} from "@adclab/core";
import { parse as parseYaml } from "yaml";
import { addAnalysisFlags } from "../analysis-flags.ts";
import type { CliContext, CommandModule } from "../context.ts";
import { formatTable } from "../format.ts";
import { formatProtocol } from "./protocol.ts";

const pct = formatProbability;

/** What a message calls the observation file. */
const OBSERVATIONS_FIELD = diagnoseContract.files.observations?.cliField ?? "<observations>";

/** Read and decode an observation file: JSON by extension or content, else YAML. */
export function readObservationFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError("cannot read the observation file", { file, expected: "a readable JSON or YAML file" });
  }
  const isJson = file.toLowerCase().endsWith(".json") || text.trimStart().startsWith("{");
  try {
    return isJson ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new InputError(`not valid ${isJson ? "JSON" : "YAML"}: ${msg}`, {
      file,
      expected: "observations as JSON or YAML",
    });
  }
}

/** The full diagnosis as text; its pieces come from @adclab/analyses/tables (also the web's Troubleshooter page). */
export function formatDiagnosis(d: Diagnosis): string {
  const text = (t: DisplayTable) => formatTable(t.headers, t.rows);
  const lines: string[] = [];
  lines.push(`Diagnosis against the parental line ${d.cellLine} (simulator tables, model ${d.modelFingerprint})`);
  lines.push(`Observations: ${d.observations.map((o) => `${o.label} ${o.display}`).join("; ")}`);
  lines.push("");
  const candidates = candidateTable(d);
  lines.push(candidates.title);
  lines.push(text(candidates));
  lines.push("");
  lines.push("Evidence");
  lines.push(...evidenceLines(d));
  lines.push("");
  lines.push(mechanismLine(d));
  const next = nextExperimentTable(d);
  if (next) {
    lines.push("");
    lines.push(next.title);
    lines.push(text(next));
  }
  lines.push(...troubleshootingRowLines(d));
  if (d.nextProtocol) {
    lines.push("");
    lines.push(`Protocol for the next experiment (${d.nextExperiments[0]!.assayId}):`);
    lines.push(formatProtocol(d.nextProtocol));
  }
  return lines.join("\n");
}

/** commander's values: the contract's options (as text) and this command's own flags. */
type DiagnoseFlags = Record<string, unknown> & { json?: boolean; interactive?: boolean };

/** Lines from the CLI's stdin: tests pass `stdin` on the io object; real runs read process.stdin. */
function inputLines(ctx: CliContext): AsyncIterable<string> {
  const injected = (ctx.io as { stdin?: AsyncIterable<string> }).stdin;
  if (injected) return injected;
  return createInterface({ input: process.stdin, terminal: false });
}

const INTERACTIVE_HELP =
  "Enter one result per line as `<observation> <value> [unit]` (e.g. `tdm1_ic50_fold 25`, `surface_her2_ratio 30 %`, `tubulin_mutation_found no`),\n" +
  "or just `<value> [unit]` for the observation the last suggestion names first.\n" +
  "`list` shows the observations, `undo` removes the last one, `done` (or end of input) prints the full diagnosis.";

/** A line that starts with a value rather than an observation id: a number, or yes/no. */
function startsWithValue(token: string): boolean {
  return /^[-+]?(\d|\.\d)/.test(token) || /^(yes|no|true|false)$/i.test(token);
}

async function runInteractive(ctx: CliContext, options: DiagnoseAnalysisOptions, json: boolean): Promise<void> {
  const out = (s: string) => ctx.io.stdout.write(`${s}\n`);
  // Fewer draws while the results come in, so that each answer is quick; the final diagnosis has all.
  const draws = options.draws ?? 200;
  const observed: ObservedValue[] = [];
  out(INTERACTIVE_HELP);
  out(
    `Suggested first assay: T-DM1 cytotoxicity (${findAssay("cytotoxicity-tdm1")!.measures}); enter tdm1_ic50_fold (or just its value).`,
  );
  // The observation a bare value is taken as: the first one the latest suggestion names.
  let suggested: string | undefined = "tdm1_ic50_fold";
  // A prompt only for a person at a terminal; piped input gets plain lines.
  const prompt =
    !(ctx.io as { stdin?: unknown }).stdin && process.stdin.isTTY ? () => ctx.io.stdout.write("> ") : () => {};
  prompt();
  for await (const raw of inputLines(ctx)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) {
      prompt();
      continue;
    }
    if (line === "done" || line === "quit" || line === "exit") break;
    if (line === "list") {
      out(OBSERVATIONS.map((o) => `  ${o.id.padEnd(32)} ${o.unit.padEnd(9)} ${o.description}`).join("\n"));
      prompt();
      continue;
    }
    if (line === "undo") {
      const removed = observed.pop();
      out(removed ? `removed ${removed.id}` : "nothing to undo");
      prompt();
      continue;
    }
    const tokens = line.split(/\s+/);
    const bare = suggested !== undefined && !findObservation(tokens[0]!) && startsWithValue(tokens[0]!);
    const [id, value, ...unitParts] = bare ? [suggested!, ...tokens] : tokens;
    try {
      const o = parseObservedValue(id!, value, unitParts.length ? unitParts.join(" ") : undefined);
      const next = [...observed.filter((x) => x.id !== o.id), o];
      checkContradictions(next);
      observed.splice(0, observed.length, ...next);
      if (bare) out(`  (${line} taken as ${id})`);
    } catch (e) {
      if (!isInputError(e)) throw e;
      out(`! ${e.message}`);
      prompt();
      continue;
    }
    const d = diagnose(observed, { cellLine: options.cellLine, draws, explain: 1 });
    out(
      `now: ${d.candidates
        .slice(0, 3)
        .map((c) => `${c.name} ${pct(c.posterior)}`)
        .join(" | ")}`,
    );
    const lead = d.candidates[0]!.evidence?.[0];
    if (lead) out(`  strongest evidence: ${lead.sentence}`);
    const nx = d.nextExperiments[0];
    if (nx) {
      const assay = findAssay(nx.assayId)!;
      suggested = assay.yields[0];
      out(
        `  next: ${assay.name} (${nx.expectedInformationGain_bits.toFixed(2)} bits, ${assay.duration_days} d, ${assay.costClass} cost; 'adclab protocol ${assay.protocolId}'); enter ${assay.yields.join(", ")}${assay.yields.length > 1 ? ` (a bare value is ${suggested})` : " (or just its value)"}`,
      );
    } else {
      suggested = undefined;
      out("  every assay has been done");
    }
    prompt();
  }
  if (observed.length === 0) {
    out("no observations entered");
    return;
  }
  const d = diagnoseObservationSet({ observations: observed }, options);
  ctx.print(d, () => `\n${formatDiagnosis(d)}`, json);
}

export const diagnoseCommand: CommandModule = {
  name: "diagnose",
  register(program, ctx) {
    const command = program
      .command(diagnoseContract.command)
      .description(diagnoseContract.summary)
      .option("--interactive", "enter results one at a time on stdin (works piped too)");
    addAnalysisFlags(command, diagnoseContract)
      .option("--json", "print JSON")
      .addHelpText(
        "after",
        `\nObservations (resistant ÷ parental unless stated):\n${OBSERVATIONS.map((o) => `  ${o.id.padEnd(32)} ${o.unit}`).join("\n")}\n\nExample: adclab diagnose examples/observations/row-1-free-dm1-sensitive.yaml`,
      )
      .action(async (file: string | undefined, raw: DiagnoseFlags) => {
        if (raw.interactive) {
          if (file !== undefined) {
            throw new InputError("give either an observation file or --interactive, not both", {
              field: "--interactive",
            });
          }
          await runInteractive(ctx, optionsFromFlags(diagnoseContract, raw), !!raw.json);
          return;
        }
        if (file === undefined) {
          throw new InputError("no observations given", {
            field: OBSERVATIONS_FIELD,
            expected: "an observation file (JSON or YAML) or --interactive",
          });
        }
        let set: ObservationSet;
        try {
          set = parseObservationSet(readObservationFile(file));
        } catch (e) {
          throw isInputError(e) && e.location.file === undefined ? e.at({ file }) : e;
        }
        // The document is checked before the options, as it always was.
        const d = diagnoseObservationSet(set, optionsFromFlags(diagnoseContract, raw));
        ctx.print(d, () => formatDiagnosis(d), !!raw.json);
      });
  },
};
