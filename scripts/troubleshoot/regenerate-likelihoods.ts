/**
 * Regenerates the troubleshooter's likelihood tables from the simulator:
 * every candidate (single mechanisms and pairs) × every strength cell of its grid
 * (packages/core/src/troubleshoot/candidates.ts) → createSimulatorPredictor() → one row of
 * predictions, relative to the parental line. Each line's table is JSON data
 * (likelihood-tables/<line>.json: values only, one row per strength cell in gradeSettings() order)
 * that records the model fingerprint and the strength grid's; likelihood-table.test.ts fails when
 * the simulator changes until this script is rerun.
 *
 * Run from the repo root (≈0.3–1 s per strength cell, 1,200 cells per parental line):
 *   npx tsx scripts/troubleshoot/regenerate-likelihoods.ts --jobs 2        # all six default lines
 *   npx tsx scripts/troubleshoot/regenerate-likelihoods.ts --line KPL-4    # replace/add one line
 *   npx tsx scripts/troubleshoot/regenerate-likelihoods.ts --rewrite       # re-serialize the current tables (layout changes)
 *   npx tsx scripts/troubleshoot/regenerate-likelihoods.ts --line SK-BR-3 --line KPL-4 --jobs 2
 * With several lines, each is built by its own worker process (--jobs at a time, default 1).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PREDICTED_QUANTITIES } from "../../packages/core/src/knowledge/observation-ids.ts";
import { allCandidates, gradeSettings, gridFingerprint } from "../../packages/core/src/troubleshoot/candidates.ts";
import { LIKELIHOOD_TABLES } from "../../packages/core/src/troubleshoot/likelihood-table.generated.ts";
import { type LikelihoodTable, REFERENCE_CELL_LINE } from "../../packages/core/src/troubleshoot/likelihood-table.ts";
import { modelFingerprint } from "../../packages/core/src/troubleshoot/model-fingerprint.ts";
import { createSimulatorPredictor } from "../../packages/core/src/troubleshoot/predict.ts";
import { ADCLAB_VERSION } from "../../packages/core/src/version.ts";

const OUT = "packages/core/src/troubleshoot/likelihood-table.generated.ts";
const TABLE_DIR = "packages/core/src/troubleshoot/likelihood-tables";
const GENERATOR = "scripts/troubleshoot/regenerate-likelihoods.ts";
/** The reference line and the parents of the source document's five resistant lines. */
const DEFAULT_LINES = [REFERENCE_CELL_LINE, "KPL-4", "BT-474M1", "NCI-N87", "MDA-MB-361", "JIMT-1"];

function parseArgs(argv: string[]): {
  lines: string[];
  jobs: number;
  worker?: { line: string; out: string };
} {
  const lines: string[] = [];
  let jobs = 1;
  let worker: { line: string; out: string } | undefined;
  let rewrite = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--line" && argv[i + 1]) lines.push(argv[++i]!);
    else if (argv[i] === "--jobs" && argv[i + 1]) jobs = Math.max(1, Number.parseInt(argv[++i]!, 10) || 1);
    else if (argv[i] === "--worker" && argv[i + 2]) worker = { line: argv[++i]!, out: argv[++i]! };
    else if (argv[i] === "--rewrite") rewrite = true;
  }
  // --rewrite: build nothing, write the current tables again (layout changes).
  return { lines: rewrite ? [] : lines.length ? lines : DEFAULT_LINES, jobs, ...(worker ? { worker } : {}) };
}

/** Four significant digits are far below the noise model's spread (≥ 0.2 log10). */
function round(x: number): number {
  return Number(x.toPrecision(4));
}

function buildTable(cellLine: string, fingerprint: string): LikelihoodTable {
  const predict = createSimulatorPredictor();
  const candidates = allCandidates();
  const cells: LikelihoodTable["cells"] = {};
  const cache = new Map<string, number[]>();
  const started = Date.now();
  let done = 0;
  const total = candidates.reduce((n, c) => n + gradeSettings(c).length, 0);
  for (const c of candidates) {
    cells[c.id] = gradeSettings(c).map((strengths) => {
      const key = JSON.stringify(Object.entries(strengths).sort());
      let values = cache.get(key);
      if (!values) {
        const p = predict(strengths, cellLine);
        values = PREDICTED_QUANTITIES.map((q) => round(p[q]));
        cache.set(key, values);
      }
      done++;
      if (done % 50 === 0)
        process.stderr.write(`${cellLine}: ${done}/${total} cells, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      return values;
    });
  }
  return {
    cellLine,
    modelFingerprint: fingerprint,
    adclabVersion: ADCLAB_VERSION,
    generator: GENERATOR,
    gridFingerprint: gridFingerprint(),
    quantities: [...PREDICTED_QUANTITIES],
    cells,
  };
}

/** Build each line's table in a child process (`--worker LINE FILE`), `jobs` at a time. */
async function buildInWorkers(lines: string[], jobs: number, fingerprint: string): Promise<LikelihoodTable[]> {
  const dir = mkdtempSync(join(tmpdir(), "adclab-likelihoods-"));
  const self = fileURLToPath(import.meta.url);
  const one = (line: string) =>
    new Promise<LikelihoodTable>((resolve, reject) => {
      const out = join(dir, `${line}.json`);
      const child = spawn(process.execPath, ["--import", "tsx", self, "--worker", line, out], { stdio: "inherit" });
      child.on("exit", (code) => {
        if (code !== 0) return reject(new Error(`worker for ${line} exited with ${code}`));
        const t = JSON.parse(readFileSync(out, "utf8")) as LikelihoodTable;
        if (t.modelFingerprint !== fingerprint) return reject(new Error(`worker for ${line}: model changed meanwhile`));
        resolve(t);
      });
    });
  const queue = [...lines];
  const built: LikelihoodTable[] = [];
  const run = async () => {
    for (let line = queue.shift(); line !== undefined; line = queue.shift()) built.push(await one(line));
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, lines.length) }, run));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return built;
}

const args = parseArgs(process.argv.slice(2));
const fingerprint = modelFingerprint();
if (args.worker) {
  writeFileSync(args.worker.out, JSON.stringify(buildTable(args.worker.line, fingerprint)));
  process.exit(0);
}
const lines = args.lines;
// Tables of other lines are kept only if they came from the same model and strength grid.
const grid = gridFingerprint();
const tables = LIKELIHOOD_TABLES.filter(
  (t) => !lines.includes(t.cellLine) && t.modelFingerprint === fingerprint && t.gridFingerprint === grid,
);
if (lines.length <= 1 || args.jobs === 1) for (const line of lines) tables.push(buildTable(line, fingerprint));
else tables.push(...(await buildInWorkers(lines, args.jobs, fingerprint)));
tables.sort((a, b) => a.cellLine.localeCompare(b.cellLine));
writeTables(tables, fingerprint);

/**
 * One JSON file per parental line (likelihood-tables/<line>.json: the header fields, `quantities`,
 * then per candidate one line per strength cell, so a regeneration diffs cell by cell) and the
 * index likelihood-table.generated.ts that imports them as JSON modules. JSON.stringify writes each
 * number as its shortest round-trip form, i.e. exactly the 4-significant-digit value round() made.
 */
function writeTables(all: LikelihoodTable[], fp: string): void {
  mkdirSync(TABLE_DIR, { recursive: true });
  const files = all.map((t, i) => ({ t, name: `${t.cellLine}.json`, ident: `T${i}` }));
  for (const f of files) writeFileSync(join(TABLE_DIR, f.name), tableJson(f.t));
  const keep = new Set(files.map((f) => f.name));
  for (const old of readdirSync(TABLE_DIR)) if (!keep.has(old)) rmSync(join(TABLE_DIR, old));
  const index = `/**
 * GENERATED by ${GENERATOR} — do not edit.
 * The likelihood tables of every parental line (JSON data, one file each, in likelihood-tables/);
 * model fingerprint ${fp}.
 */
import type { LikelihoodTable } from "./likelihood-table.ts";
${files.map((f) => `import ${f.ident} from "./likelihood-tables/${f.name}" with { type: "json" };`).join("\n")}

// A JSON module is typed from its text (quantities as string[]); candidatePredictions() checks each table.
export const LIKELIHOOD_TABLES = [${files.map((f) => f.ident).join(", ")}] as LikelihoodTable[];
`;
  writeFileSync(OUT, index);
  spawnSync(process.execPath, ["node_modules/@biomejs/biome/bin/biome", "format", "--write", OUT], {
    stdio: "inherit",
  });
  process.stderr.write(`wrote ${OUT} and ${TABLE_DIR}/: ${all.map((t) => t.cellLine).join(", ")} (model ${fp})\n`);
}

function tableJson(t: LikelihoodTable): string {
  const { cells, ...header } = t;
  const head = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const body = Object.entries(cells).map(
    ([id, rows]) => `    ${JSON.stringify(id)}: [\n${rows.map((r) => `      ${JSON.stringify(r)}`).join(",\n")}\n    ]`,
  );
  return `{\n${head.join(",\n")},\n  "cells": {\n${body.join(",\n")}\n  }\n}\n`;
}
