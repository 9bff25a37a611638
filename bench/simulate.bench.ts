/**
 * Benchmark: one 10-concentration, 120-h T-DM1 viability curve (SK-BR-3, 96-well: 11 solves of the
 * 23-state well model incl. the untreated control, plus the 4PL fit) — ADCLab vs SciPy's solve_ivp
 * Radau on the same model (the NumPy re-implementation in scripts/fixtures/model/well_model_scipy.py,
 * fed with the same exported rate constants), both at the same rtol and per-state atol, timed in
 * this run, at rtol 1e-4 (the default of viability curves and calibration) and at 1e-6. CPU time (process.cpuUsage / time.process_time), medians of repeated passes, so process
 * start-up and the shared machine's other load are excluded as far as possible. Also prints the
 * largest relative difference of the live-cell counts between the two, to show the work is the same.
 *
 * Target (issue 3): under 20 ms for the curve on one core and ≥ 10× faster than SciPy Radau.
 * Run: npm run bench -- simulate   (needs python3 with numpy and scipy for the reference)
 */
import { spawnSync } from "node:child_process";
import {
  defaultConcentrations,
  exportScenario,
  resolveDrug,
  STATE_INDEX as S,
  simulateViability,
} from "../packages/core/src/index.ts";

const LINE = "SK-BR-3";
const doses = defaultConcentrations(resolveDrug("T-DM1"), 10);

function cpuMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const live = (y: ArrayLike<number>) =>
  y[S.cellsCycling]! + y[S.cellsDamaged1]! + y[S.cellsDamaged2]! + y[S.cellsDamaged3]!;
const scenarios = [0, ...doses].map((c) =>
  exportScenario(`${c} nM`, { cellLine: LINE }, { adc_nM: c }, { tOut: [120] }),
);

for (const rtol of [1e-4, 1e-6]) {
  const run = () => simulateViability({ cellLine: LINE, drug: "T-DM1", concentrations_nM: doses, rtol });
  let curve = run();
  for (let i = 0; i < 3; i++) run(); // JIT warm-up
  const adclab = median(
    Array.from({ length: 15 }, () =>
      cpuMs(() => {
        curve = run();
      }),
    ),
  );
  console.log(`\nrtol ${rtol}`);
  console.log(
    `  ADCLab: ${adclab.toFixed(2)} ms CPU per 10-dose 120-h curve (11 solves + 4PL fit), IC50 ${curve.ic50_nM.toPrecision(4)} nM`,
  );
  const py = spawnSync("python3", ["scripts/fixtures/model/well_model_scipy.py", "--bench"], {
    input: JSON.stringify({ scenarios, rtol, repeats: 3 }),
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (py.status !== 0) {
    console.log(
      `  SciPy : not run (${(py.stderr || py.error?.message || "python3 failed").trim().split("\n").at(-1)})`,
    );
    continue;
  }
  const r = JSON.parse(py.stdout) as { seconds: number; finals: number[][]; scipy: string };
  const scipyMs = r.seconds * 1000;
  const control = live(r.finals[0]!);
  let worst = 0;
  doses.forEach((_, i) => {
    const v = live(r.finals[i + 1]!) / control;
    worst = Math.max(worst, Math.abs(v - curve.viability[i]!) / Math.abs(v));
  });
  console.log(
    `  SciPy : ${scipyMs.toFixed(1)} ms CPU for the same 11 solves (solve_ivp Radau, scipy ${r.scipy}, no fit)`,
  );
  console.log(
    `  ratio : ADCLab ${(scipyMs / adclab).toFixed(1)}× faster (target ≥ 10×); ${adclab < 20 ? "meets" : "misses"} the 20 ms target`,
  );
  console.log(`  agree : max relative difference of the viabilities: ${worst.toExponential(2)}`);
}
