/**
 * Benchmark: ADCLab's Rodas5 (packages/core/src/ode) vs SciPy's solve_ivp Radau and LSODA on Hairer &
 * Wanner's stiff test problems (ROBER, HIRES, VDPOL ε = 1e-6) and a model-sized synthetic system
 * (CHAIN40), same tolerances, both measured in this run. Both sides get the analytic Jacobian
 * (CHAIN40: neither). Times are medians of repeated solves inside each runtime (Node after a JIT
 * warm-up, process.cpuUsage; Python time.process_time around solve_ivp), so process start-up is
 * excluded. CPU time is reported because the machine is shared: wall time then mostly measures the
 * other processes. Each line also gives the achieved max relative error against the published
 * reference (Test Set for IVP Solvers; see packages/core/src/ode/reference-problems.test.ts), since a
 * faster solve at lower accuracy would not be a fair win.
 *
 * Run: npm run bench -- ode   (needs python3 with numpy and scipy; without them only ADCLab is timed)
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { solveStiff } from "../packages/core/src/ode/stiff-solver.ts";
import { hires, robertson, type StiffTestProblem, vanDerPol } from "../packages/core/src/ode/stiff-test-problems.ts";

interface Case {
  problem: StiffTestProblem;
  /** Published reference at tEnd; for CHAIN40 it comes from SciPy Radau at rtol 1e-12 in this run. */
  reference: number[] | undefined;
  rtol: number;
  atol: number[];
}

/**
 * CHAIN40: a model-sized synthetic problem (40 states, 120 h) standing in for the well model until it
 * lands: a linear transfer chain with rates spread over 1e-2..1e3 /h (stiffness ratio 1e5), constant
 * influx, a saturable sink on every state and feedback from the first to the last. No analytic
 * Jacobian on either side (finite differences), as the model may not provide one.
 */
const CHAIN_N = 40;
const chainRates = Float64Array.from({ length: CHAIN_N }, (_, i) => 10 ** (-2 + (5 * i) / (CHAIN_N - 1)));
const chain40: StiffTestProblem = {
  name: "CHAIN40",
  system: {
    n: CHAIN_N,
    autonomous: true,
    rhs(_t, y, out) {
      for (let i = 0; i < CHAIN_N; i++) {
        const yi = y[i]!;
        out[i] = (i === 0 ? 1 : chainRates[i - 1]! * y[i - 1]!) - chainRates[i]! * yi - (0.5 * yi) / (1 + yi);
      }
      out[CHAIN_N - 1]! += 0.1 * y[0]!;
    },
  },
  y0: Array.from({ length: CHAIN_N }, (_, i) => (i === 0 ? 10 : 0)),
  t0: 0,
  tEnd: 120,
};

const REFERENCES: Record<string, number[]> = {
  ROBER: [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505],
  HIRES: [
    0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2, 0.2386356198831331e-2,
    0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
  ],
  VDPOL: [0.1706167732170483e1, -0.8928097010247975],
};
const ATOL: Record<string, (rtol: number) => number[]> = {
  // Per state, ≈ rtol × the final magnitude of each component (see reference-problems.test.ts).
  ROBER: (rtol) => [rtol * 1e-8, rtol * 1e-13, rtol],
  HIRES: (rtol) => Array(8).fill(rtol * 1e-4),
  VDPOL: (rtol) => [rtol, rtol],
};

const cases: Case[] = [];
for (const problem of [robertson, hires, vanDerPol]) {
  for (const rtol of [1e-6, 1e-8]) {
    cases.push({ problem, reference: REFERENCES[problem.name]!, rtol, atol: ATOL[problem.name]!(rtol) });
  }
}
cases.push({ problem: chain40, reference: undefined, rtol: 1e-6, atol: Array(CHAIN_N).fill(1e-10) });

function maxRelError(y: ArrayLike<number>, ref: number[]): number {
  let m = 0;
  for (let i = 0; i < ref.length; i++) m = Math.max(m, Math.abs(y[i]! - ref[i]!) / Math.abs(ref[i]!));
  return m;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median CPU time (user + system of this process) and wall time per solve. */
function timeAdclab(c: Case): { cpuMs: number; wallMs: number; y: Float64Array; steps: number } {
  const p = c.problem;
  const opts = { rtol: c.rtol, atol: Float64Array.from(c.atol) };
  const run = () => solveStiff(p.system, p.y0, p.t0, p.tEnd, opts);
  for (let i = 0; i < 3; i++) run(); // JIT warm-up
  const cpu: number[] = [];
  const wall: number[] = [];
  let last = run();
  const deadline = performance.now() + 1500;
  while (cpu.length < 5 || (cpu.length < 50 && performance.now() < deadline)) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    last = run();
    wall.push(performance.now() - t);
    const dc = process.cpuUsage(c0);
    cpu.push((dc.user + dc.system) / 1000);
  }
  return { cpuMs: median(cpu), wallMs: median(wall), y: last.at(1), steps: last.stats.accepted };
}

// The SciPy side uses the same problem definitions as the fixture script (one Python copy).
const PROBLEMS_DIR = fileURLToPath(new URL("../scripts/fixtures/ode", import.meta.url));
const SHARED_PROBLEMS = `sys.path.insert(0, ${JSON.stringify(PROBLEMS_DIR)})
from stiff_problems import hires, hires_jac, rober, rober_jac, vdpol, vdpol_jac`;

const PYTHON = `
import json, sys, time
import numpy as np
import scipy
from scipy.integrate import solve_ivp

${SHARED_PROBLEMS}
N = 40
RATES = 10.0 ** (-2 + 5 * np.arange(N) / (N - 1))
def chain40(t, y):
    inflow = np.empty(N); inflow[0] = 1.0; inflow[1:] = RATES[:-1] * y[:-1]
    out = inflow - RATES * y - 0.5 * y / (1 + y)
    out[-1] += 0.1 * y[0]
    return out
PROBLEMS = {"ROBER": (rober, rober_jac), "HIRES": (hires, hires_jac), "VDPOL": (vdpol, vdpol_jac),
            "CHAIN40": (chain40, None)}

out = {"scipy": scipy.__version__, "numpy": np.__version__, "results": [], "references": {}}
for c in json.load(sys.stdin):
    f, jac = PROBLEMS[c["name"]]
    if jac is None and c["name"] not in out["references"]:
        tight = solve_ivp(f, (c["t0"], c["tEnd"]), c["y0"], method="Radau", rtol=1e-12, atol=1e-16, t_eval=[c["tEnd"]])
        out["references"][c["name"]] = [float(v) for v in tight.y[:, -1]]
    for method in ("Radau", "LSODA"):
        times = []; sol = None
        budget = time.perf_counter() + 4.0
        while len(times) < 3 or (len(times) < 15 and time.perf_counter() < budget):
            t0 = time.process_time()
            sol = solve_ivp(f, (c["t0"], c["tEnd"]), c["y0"], method=method, jac=jac,
                            rtol=c["rtol"], atol=c["atol"], t_eval=[c["tEnd"]])
            times.append(time.process_time() - t0)
        y = sol.y[:, -1] if sol.success else [float("nan")] * len(c["y0"])
        out["results"].append({"name": c["name"], "rtol": c["rtol"], "method": method,
                               "ms": float(np.median(times)) * 1e3, "y": [float(v) for v in y],
                               "success": bool(sol.success)})
print(json.dumps(out))
`;

interface ScipyRun {
  version: string;
  results: { name: string; rtol: number; method: string; ms: number; y: number[]; success: boolean }[];
  /** Tight Radau solutions at tEnd for problems without a published reference. */
  references: Record<string, number[]>;
}

function runScipy(): ScipyRun | string {
  const input = JSON.stringify(
    cases.map((c) => ({
      name: c.problem.name,
      t0: c.problem.t0,
      tEnd: c.problem.tEnd,
      y0: c.problem.y0,
      rtol: c.rtol,
      atol: c.atol,
    })),
  );
  const r = spawnSync("python3", ["-c", PYTHON], { input, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.error || r.status !== 0)
    return `python3/scipy unavailable: ${r.error?.message ?? r.stderr.trim().split("\n").pop()}`;
  const parsed = JSON.parse(r.stdout);
  return {
    version: `SciPy ${parsed.scipy}, NumPy ${parsed.numpy}`,
    results: parsed.results,
    references: parsed.references,
  };
}

/** Float64Array multiply-adds per microsecond right now: the machine is shared, so say how loaded it is. */
function machineSpeed(): number {
  const a = new Float64Array(1000).fill(1.0001);
  let acc = 0;
  const t = performance.now();
  for (let r = 0; r < 20_000; r++) for (let i = 0; i < 1000; i++) acc += a[i]! * acc * 1e-9;
  const us = (performance.now() - t) * 1000;
  return acc === -1 ? 0 : 2e7 / us;
}

const speedBefore = machineSpeed();
const ours = cases.map(timeAdclab);
const scipy = runScipy();
console.log("ADCLab Rodas5 vs SciPy solve_ivp, same rtol/atol. ms = median CPU time per solve (the machine is shared,");
console.log(
  "so CPU time is the fairer measure; ADCLab's wall time in brackets); ×faster = SciPy CPU / ADCLab CPU; err = max relative",
);
console.log("error vs the published reference (CHAIN40: vs SciPy Radau at rtol 1e-12, FD Jacobians on both sides)");
console.log(typeof scipy === "string" ? scipy : scipy.version);
const header = [
  "problem",
  "rtol",
  "ADCLab ms",
  "(wall)",
  "err",
  "Radau ms",
  "err",
  "×faster",
  "LSODA ms",
  "err",
  "×faster",
];
const rows: string[][] = [header];
for (const [i, c] of cases.entries()) {
  const o = ours[i]!;
  const reference = c.reference ?? (typeof scipy === "string" ? undefined : scipy.references[c.problem.name]);
  const err = (y: ArrayLike<number>) => (reference ? maxRelError(y, reference).toExponential(1) : "–");
  const row = [c.problem.name, c.rtol.toExponential(0), o.cpuMs.toFixed(2), o.wallMs.toFixed(2), err(o.y)];
  for (const method of ["Radau", "LSODA"]) {
    const s =
      typeof scipy === "string"
        ? undefined
        : scipy.results.find((r) => r.name === c.problem.name && r.rtol === c.rtol && r.method === method);
    if (!s) row.push("–", "–", "–");
    else if (!s.success) row.push(s.ms.toFixed(1), "failed", "–");
    else row.push(s.ms.toFixed(1), err(s.y), (s.ms / o.cpuMs).toFixed(1));
  }
  rows.push(row);
}
const widths = header.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
for (const r of rows) console.log(r.map((v, j) => v.padStart(widths[j]!)).join("  "));

console.log(
  `machine check: ${speedBefore.toFixed(0)} → ${machineSpeed().toFixed(0)} Float64Array multiply-adds/µs before/after` +
    " (compare between runs: lower means a more loaded machine and proportionally slower times)",
);

// The well model's budget (issue 3): a 10-concentration, 120-h curve in < 20 ms on one core.
const chainIndex = cases.findIndex((c) => c.problem.name === "CHAIN40");
console.log(
  `CHAIN40 × 10 solves (the size of one 10-concentration, 120-h curve): ${(10 * ours[chainIndex]!.cpuMs).toFixed(1)} ms CPU` +
    ` (${ours[chainIndex]!.steps} steps per solve; budget for the real model: < 20 ms)`,
);
