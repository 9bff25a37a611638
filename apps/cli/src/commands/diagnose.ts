/**
 * `adclab diagnose OBS.json|yaml [--json]`: rank resistance mechanisms from observations, with the
 * evidence for and against, and the next experiment by expected information gain.
 * `adclab diagnose --interactive`: one result per line on stdin (a terminal or a pipe), a running
 * ranking and the suggested next assay after each.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import {
  checkContradictions,
  type Diagnosis,
  diagnose,
  findAssay,
  findObservation,
  InputError,
  isInputError,
  OBSERVATIONS,
  type ObservedValue,
  parseObservationSet,
  parseObservedValue,
} from "@adclab/core";
import { parse as parseYaml } from "yaml";
import type { CliContext, CommandModule } from "../context.ts";
import { formatTable } from "../format.ts";
import { formatProtocol } from "./protocol.ts";

function pct(p: number): string {
  return p >= 0.001 ? `${(p * 100).toFixed(1)}%` : "<0.1%";
}

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

/** The document's troubleshooting-table rows the observations show, placed in this diagnosis. */
function formatTableRows(d: Diagnosis): string[] {
  const lines: string[] = [];
  const name = (id: string) => d.mechanisms.find((m) => m.id === id)?.name ?? id;
  for (const r of d.tableRows) {
    lines.push("");
    lines.push(`Source document's troubleshooting table, row ${r.row}: ${r.observedIssue}`);
    lines.push("  its potential causes here (rank among mechanisms, probability involved):");
    for (const c of r.causes) lines.push(`    ${c.text} → ${name(c.mechanism)} #${c.rank}, ${pct(c.probability)}`);
    lines.push(
      `  its suggested steps here (rank by information gain among ${d.nextExperiments.length} assays not yet done):`,
    );
    for (const s of r.steps) {
      const where = s.done
        ? "done"
        : s.rank === undefined
          ? "not ranked"
          : `${s.assayId} #${s.rank}, ${s.expectedInformationGain_bits!.toFixed(2)} bits`;
      lines.push(`    ${s.text} → ${where}`);
    }
    if (r.alsoOpen.length > 0)
      lines.push(
        `  also open, not a cause this row lists: ${r.alsoOpen.map((m) => `${name(m.id)} ${pct(m.probability)}`).join(", ")}`,
      );
  }
  return lines;
}

export function formatDiagnosis(d: Diagnosis, top = 8): string {
  const lines: string[] = [];
  lines.push(`Diagnosis against the parental line ${d.cellLine} (simulator tables, model ${d.modelFingerprint})`);
  lines.push(`Observations: ${d.observations.map((o) => `${o.label} ${o.display}`).join("; ")}`);
  lines.push("");
  lines.push("Ranked explanations");
  lines.push(
    formatTable(
      ["#", "explanation", "posterior", "prior", "likely strengths"],
      d.candidates.slice(0, top).map((c) => [
        c.rank,
        c.name,
        pct(c.posterior),
        pct(c.prior),
        Object.entries(c.likelyStrengths)
          .map(([k, v]) => `${k} ×${Number(v).toPrecision(3)}`)
          .join(", "),
      ]),
    ),
  );
  lines.push("");
  lines.push("Evidence");
  for (const c of d.candidates.slice(0, 3)) {
    lines.push(`  ${c.rank}. ${c.name}`);
    for (const e of c.evidence ?? []) {
      const mark = e.verdict === "for" ? "+" : e.verdict === "against" ? "-" : " ";
      lines.push(`     ${mark} ${e.sentence}`);
    }
  }
  lines.push("");
  lines.push(
    `Mechanism involved (alone or in a pair): ${d.mechanisms
      .slice(0, 6)
      .map((m) => `${m.name} ${pct(m.probability)}`)
      .join(", ")}`,
  );
  if (d.nextExperiments.length > 0) {
    lines.push("");
    lines.push("Next experiment (expected information gain about the explanation)");
    lines.push(
      formatTable(
        ["assay", "bits", "bits/day", "bits/cost unit", "days", "cost"],
        d.nextExperiments
          .slice(0, 6)
          .map((e) => [
            e.assayId,
            e.expectedInformationGain_bits.toFixed(2),
            e.perDay_bits.toFixed(2),
            e.perCostUnit_bits.toFixed(2),
            e.duration_days,
            e.costClass,
          ]),
      ),
    );
  }
  lines.push(...formatTableRows(d));
  if (d.nextProtocol) {
    lines.push("");
    lines.push(`Protocol for the next experiment (${d.nextExperiments[0]!.assayId}):`);
    lines.push(formatProtocol(d.nextProtocol));
  }
  return lines.join("\n");
}

function parseDraws(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!(Number.isInteger(n) && n >= 10 && n <= 100_000)) {
    throw new InputError("--draws must be a whole number of Monte Carlo draws", {
      field: "--draws",
      expected: "10 to 100000",
      got: s,
    });
  }
  return n;
}

interface DiagnoseOpts {
  json?: boolean;
  interactive?: boolean;
  cellLine?: string;
  draws?: string;
}

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

async function runInteractive(ctx: CliContext, opts: DiagnoseOpts): Promise<void> {
  const out = (s: string) => ctx.io.stdout.write(`${s}\n`);
  const draws = parseDraws(opts.draws) ?? 200;
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
    const d = diagnose(observed, { cellLine: opts.cellLine, draws, explain: 1 });
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
  const d = diagnose(observed, { cellLine: opts.cellLine, draws: parseDraws(opts.draws) ?? 400 });
  ctx.print(d, () => `\n${formatDiagnosis(d)}`, !!opts.json);
}

export const diagnoseCommand: CommandModule = {
  name: "diagnose",
  register(program, ctx) {
    program
      .command("diagnose")
      .description("rank resistance mechanisms from observations, explain why, and suggest the next experiment")
      .argument("[observations]", "observation file, JSON or YAML (see examples/observations/)")
      .option("--interactive", "enter results one at a time on stdin (works piped too)")
      .option(
        "--cell-line <name>",
        "parental line whose simulator tables to use (default: the file's cell_line, else SK-BR-3)",
      )
      .option("--draws <n>", "Monte Carlo draws per assay for the information gain (default 400)")
      .option("--json", "print JSON")
      .addHelpText(
        "after",
        `\nObservations (resistant ÷ parental unless stated):\n${OBSERVATIONS.map((o) => `  ${o.id.padEnd(32)} ${o.unit}`).join("\n")}\n\nExample: adclab diagnose examples/observations/row-1-free-dm1-sensitive.yaml`,
      )
      .action(async (file: string | undefined, opts: DiagnoseOpts) => {
        if (opts.interactive) {
          if (file !== undefined) {
            throw new InputError("give either an observation file or --interactive, not both", {
              field: "--interactive",
            });
          }
          await runInteractive(ctx, opts);
          return;
        }
        if (file === undefined) {
          throw new InputError("no observations given", {
            field: "<observations>",
            expected: "an observation file (JSON or YAML) or --interactive",
          });
        }
        let set: ReturnType<typeof parseObservationSet>;
        try {
          set = parseObservationSet(readObservationFile(file));
        } catch (e) {
          throw isInputError(e) && e.location.file === undefined ? e.at({ file }) : e;
        }
        const cellLine = opts.cellLine ?? set.cellLine;
        const d = diagnose(set.observations, { cellLine, draws: parseDraws(opts.draws) });
        ctx.print(d, () => formatDiagnosis(d), !!opts.json);
      });
  },
};
