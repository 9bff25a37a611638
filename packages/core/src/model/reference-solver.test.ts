/**
 * The well model against an independent solver: SciPy's solve_ivp Radau (rtol 1e-11) on the same
 * equations re-implemented in NumPy (scripts/fixtures/model/well_model_scipy.py) from the scenario
 * numbers the model exports (scripts/fixtures/model/export-scenarios.ts). Tolerance: 1e-5
 * relative at every output time for every state, with an absolute floor of 1e-9 × the state's
 * largest value in that run (for components that pass through zero, e.g. washed-out medium)
 * and never below 1% of the default absolute tolerances (1e-6 molecules per cell, 1e-12 nM, 1e-8
 * cells): states that stay exactly 0 in SciPy, such as the drug pool of a T-DM1-only run, carry
 * round-off of ~1e-11 molecules per cell / ~1e-13 nM here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { exportScenario } from "./describe.ts";
import { resolveWell } from "./rates.ts";
import { WELL_MODEL_SCENARIOS } from "./scenarios.ts";
import { initialState, simulateResolved, wellAtol } from "./simulate.ts";
import { N_STATES } from "./states.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8"));
const inputs = fixture("well-model-scenarios.json");
const scipy = fixture("well-model-scipy.json");

describe("well model vs SciPy Radau (independent re-implementation)", () => {
  it("the fixture's inputs are the current model's exported numbers", () => {
    assert.equal(inputs.scenarios.length, WELL_MODEL_SCENARIOS.length);
    WELL_MODEL_SCENARIOS.forEach((s, i) => {
      const now = JSON.parse(JSON.stringify(exportScenario(s.name, s.config, s.dose, s)));
      assert.deepEqual(
        now.rates,
        inputs.scenarios[i].rates,
        `${s.name}: regenerate the fixtures (scripts/fixtures/model/)`,
      );
      assert.deepEqual(now.y0, inputs.scenarios[i].y0);
    });
  });

  let worstOverall = 0;
  WELL_MODEL_SCENARIOS.forEach((s, k) => {
    it(`${s.name}: every state within 1e-5 relative at every output time`, () => {
      const ref = scipy.scenarios[k];
      assert.equal(ref.name, s.name);
      const well = resolveWell(s.config);
      const tr = simulateResolved(well, initialState(well, s.dose), {
        tOut: s.tOut,
        washAt_h: s.washAt_h,
        rtol: 1e-10,
        atolScale: 1e-5,
      });
      const atol = wellAtol(1e-2);
      const scale = new Float64Array(N_STATES);
      for (const row of ref.y as number[][]) {
        row.forEach((v, j) => {
          scale[j] = Math.max(scale[j]!, Math.abs(v));
        });
      }
      let worst = 0;
      (ref.y as number[][]).forEach((row, i) => {
        const y = tr.at(i);
        row.forEach((expected, j) => {
          const err = Math.abs(y[j]! - expected);
          const tol = 1e-5 * Math.abs(expected) + Math.max(1e-9 * scale[j]!, atol[j]!);
          if (Math.abs(expected) > 1e-9 * scale[j]!) worst = Math.max(worst, err / Math.abs(expected));
          assert.ok(
            err <= tol,
            `${ref.stateNames?.[j] ?? scipy.stateNames[j]} at t=${s.tOut[i]} h: ADCLab ${y[j]}, SciPy ${expected}`,
          );
        });
      });
      worstOverall = Math.max(worstOverall, worst);
    });
  });
});
