/**
 * Load on the workbench API: 50 concurrent keep-alive clients on loopback for 60 s
 * (ADCLAB_BENCH_SECONDS to change), zero errors expected, p50/p95/p99 latency reported.
 *
 * Reference, measured in the same run: a bare node:http server (no framework, no validation,
 * no database) computing the same conversion with the same core function. The ratio is the cost
 * of Hono + zod validation + auth middleware. A second phase mixes in database writes (stored
 * analyses) and reads, which have no bare equivalent.
 *
 * Then the same for dose–response fits: the reference answers `runDoseResponse` (the procedure
 * behind `adclab fit --json`) on the example plate held in memory; ADCLab runs the stored
 * `dose-response` analysis on the same file uploaded to an experiment (read from the database,
 * fitted, stored with provenance). A last phase mixes fits with simulations (POST /api/simulate).
 *
 * Both servers run as child processes so the load generator does not share their event loop.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDoseResponseOptions, runDoseResponse } from "@adclab/analyses";
import { convertConcentration, MOLECULAR_WEIGHTS, parseConcentrationValue } from "@adclab/core";

const CLIENTS = 50;
const SECONDS = Number(process.env.ADCLAB_BENCH_SECONDS ?? 60);
const CONVERT = { quantity: "10ug/mL", to: "nM", compound: "T-DM1" };
/** The example long table of `adclab fit` (two lines, 64 wells), with its comparison. */
const PLATE_NAME = "tdm1-long.csv";
const PLATE = readFileSync(fileURLToPath(new URL(`../examples/dose-response/${PLATE_NAME}`, import.meta.url)));
const FIT_OPTIONS = { compare: ["BT-474:BT-474-TR"] };
const SIMULATE = { cellLine: "BT-474M1", mechanisms: [{ id: "slc46a3-loss", strength: 6 }], drug: "T-DM1" };

function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /workbench on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

interface Stats {
  ok: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

const WARMUP_SECONDS = 2;

/** WARMUP_SECONDS of the same load first (JIT, connection pools), not counted. */
async function load(next: () => { path: string; init: RequestInit }, base: string): Promise<Stats> {
  await run(next, base, WARMUP_SECONDS);
  return run(next, base, SECONDS);
}

async function run(next: () => { path: string; init: RequestInit }, base: string, seconds: number): Promise<Stats> {
  const stats: Stats = { ok: 0, errors: 0, latencies: [], seconds };
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const { path, init } = next();
        const t = performance.now();
        try {
          const r = await fetch(base + path, init);
          await r.arrayBuffer();
          if (r.ok) stats.ok++;
          else stats.errors++;
        } catch {
          stats.errors++;
        }
        stats.latencies.push(performance.now() - t);
      }
    }),
  );
  return stats;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function report(name: string, s: Stats) {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const row = {
    name,
    requests: s.ok + s.errors,
    errors: s.errors,
    perSecond: (s.ok + s.errors) / s.seconds,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
  };
  console.log(
    `${name.padEnd(38)} ${String(row.requests).padStart(7)} req  ${String(row.errors).padStart(4)} errors  ${row.perSecond.toFixed(0).padStart(6)} req/s  p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms`,
  );
  return row;
}

async function runBench() {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-bench-"));
  const children: ChildProcess[] = [];
  try {
    const serverMain = fileURLToPath(import.meta.resolve("@adclab/server/main"));
    const adclab = await startChild([serverMain, "--api-only", "--port", "0", "--data", join(tmp, "data")]);
    children.push(adclab.child);
    const reference = await startChild([fileURLToPath(import.meta.url), "reference-server"]);
    children.push(reference.child);
    const post = (path: string, body: unknown) => ({
      path,
      init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    });
    console.log(`${CLIENTS} concurrent clients, ${SECONDS} s per phase, loopback\n`);
    const ref = report("reference: node:http + core convert", await load(() => post("/", CONVERT), reference.url));
    const api = report(
      "ADCLab POST /api/units/convert",
      await load(() => post("/api/units/convert", CONVERT), adclab.url),
    );
    console.log(
      `ratio ADCLab / reference: p50 ${(api.p50 / ref.p50).toFixed(2)}×, throughput ${(api.perSecond / ref.perSecond).toFixed(2)}×\n`,
    );
    const p = (await (await fetch(`${adclab.url}/api/projects`, post("", { name: "bench" }).init)).json()) as {
      id: string;
    };
    const e = (await (
      await fetch(`${adclab.url}/api/projects/${p.id}/experiments`, post("", { name: "load" }).init)
    ).json()) as {
      id: string;
    };
    let i = 0;
    const mixed = () => {
      i++;
      if (i % 10 === 0) return post(`/api/experiments/${e.id}/analyses`, { kind: "convert", inputs: CONVERT });
      if (i % 10 === 1) return { path: "/api/library", init: {} };
      if (i % 10 === 2) return { path: `/api/experiments/${e.id}`, init: {} };
      return post("/api/units/convert", CONVERT);
    };
    const m = report("ADCLab mixed (10% stored analyses)", await load(mixed, adclab.url));
    console.log("");

    const upload = await fetch(`${adclab.url}/api/experiments/${e.id}/files?name=${PLATE_NAME}`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: PLATE,
    });
    const fileId = ((await upload.json()) as { id: string }).id;
    const fitRequest = () =>
      post(`/api/experiments/${e.id}/analyses`, {
        kind: "dose-response",
        inputs: { file: fileId },
        options: FIT_OPTIONS,
      });
    const fitRef = report("reference: node:http + runDoseResponse", await load(() => post("/fit", {}), reference.url));
    const fits = report("ADCLab stored dose-response analyses", await load(fitRequest, adclab.url));
    console.log(
      `ratio ADCLab / reference: p50 ${(fits.p50 / fitRef.p50).toFixed(2)}×, throughput ${(fits.perSecond / fitRef.perSecond).toFixed(2)}×\n`,
    );
    let j = 0;
    const withSimulations = () => (++j % 10 === 0 ? post("/api/simulate", SIMULATE) : fitRequest());
    const fs = report("ADCLab fits + 10% simulations", await load(withSimulations, adclab.url));
    if (ref.errors + api.errors + m.errors + fitRef.errors + fits.errors + fs.errors > 0) process.exitCode = 1;
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === "reference-server") {
  // The bare reference: parse JSON, convert with the core (or fit the plate), answer JSON.
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (req.url === "/fit") {
        const a = runDoseResponse(
          { file: { name: PLATE_NAME, content: PLATE } },
          parseDoseResponseOptions(FIT_OPTIONS),
        );
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(a.result));
        return;
      }
      const r = JSON.parse(body) as typeof CONVERT;
      const p = parseConcentrationValue(r.quantity);
      const mw = MOLECULAR_WEIGHTS["T-DM1"].value;
      const value = convertConcentration(p.value, p.unit, "nM", { molecularWeight_g_per_mol: mw });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ input: p, output: { value, unit: "nM" }, molecularWeight_g_per_mol: mw }));
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const a = server.address();
    console.log(`workbench on http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`);
  });
} else {
  await runBench();
}
