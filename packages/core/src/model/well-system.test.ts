import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MECHANISM_IDS } from "../knowledge/mechanisms.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { resolveWell, type WellConfig } from "./rates.ts";
import { initialState } from "./simulate.ts";
import { MOLECULES_PER_NMOL, N_STATES, S } from "./states.ts";
import { createWellSystem, payloadTotal_nmol, wellJacobian } from "./well-system.ts";

/** A state in the middle of a T-DM1 + drug experiment: every pool non-zero. */
function busyState(config: WellConfig): { y: Float64Array; well: ReturnType<typeof resolveWell> } {
  const well = resolveWell(config);
  const y = initialState(well, { adc_nM: 3, antibody_nM: 1, drug_nM: 0.5 });
  const v: Partial<Record<keyof typeof S, number>> = {
    adcSurface: 2e5,
    abSurface: 5e4,
    adcEndosome: 4e4,
    abEndosome: 1e4,
    adcLysosome: 8e4,
    catLysosome: 3e5,
    catCytosol: 2e5,
    catBound: 1e3,
    drugCytosol: 2e3,
    drugBound: 50,
    ecdMedium: 0.02,
    ecdAdcMedium: 0.01,
    ecdAbMedium: 0.005,
    catMedium: 0.4,
    cellsDamaged1: 800,
    cellsDamaged2: 500,
    cellsDamaged3: 300,
  };
  for (const [k, x] of Object.entries(v)) y[S[k as keyof typeof S]] = x;
  return { y, well };
}

/** d(total payload)/dt from the RHS, in nmol/h, by the chain rule over the payload weights. */
function payloadRate(config: WellConfig): { rate: number; scale: number } {
  const { y, well } = busyState(config);
  const sys = createWellSystem(well.rates);
  const dy = new Float64Array(N_STATES);
  sys.rhs(0, y, dy);
  const r = well.rates;
  const V = well.geometry.medium_L;
  const live = y[S.cellsCycling]! + y[S.cellsDamaged1]! + y[S.cellsDamaged2]! + y[S.cellsDamaged3]!;
  const dLive = dy[S.cellsCycling]! + dy[S.cellsDamaged1]! + dy[S.cellsDamaged2]! + dy[S.cellsDamaged3]!;
  const cellIdx = [S.catLysosome, S.catCytosol, S.catBound, S.drugCytosol, S.drugBound];
  const adcIdx = [S.adcSurface, S.adcEndosome, S.adcLysosome];
  let perCell = 0;
  let dPerCell = 0;
  let scale = 0;
  for (const i of cellIdx) {
    perCell += y[i]!;
    dPerCell += dy[i]!;
    scale += Math.abs(dy[i]!) * live;
  }
  for (const i of adcIdx) {
    perCell += r.dar * y[i]!;
    dPerCell += r.dar * dy[i]!;
    scale += Math.abs(r.dar * dy[i]!) * live;
  }
  const dMedium = r.dar * (dy[S.adcMedium]! + dy[S.ecdAdcMedium]!) + dy[S.catMedium]! + dy[S.drugMedium]!;
  const rate = dMedium * V + (dLive * perCell + live * dPerCell) / MOLECULES_PER_NMOL;
  return { rate, scale: scale / MOLECULES_PER_NMOL };
}

describe("well model right-hand side", () => {
  it("conserves payload: the payload fluxes sum to zero (no sink in the model)", () => {
    const configs: WellConfig[] = [
      { cellLine: "SK-BR-3" },
      {
        cellLine: "KPL-4",
        mechanisms: [{ id: "mdr1-up", strength: 30 }],
        inhibitors: [{ id: "verapamil", concentration_nM: 1e4 }],
      },
      {
        cellLine: "MDA-MB-361",
        mechanisms: MECHANISM_IDS.map((id) => ({ id, strength: 3 })),
        smallMolecule: "vinblastine",
      },
    ];
    for (const c of configs) {
      const { rate, scale } = payloadRate(c);
      assert.ok(scale > 0);
      assert.ok(
        Math.abs(rate) <= 1e-12 * scale,
        `${c.cellLine}: d(payload)/dt = ${rate} nmol/h vs flux scale ${scale}`,
      );
    }
  });

  it("payloadTotal_nmol counts DAR per T-DM1 in the medium", () => {
    const well = resolveWell({ cellLine: "SK-BR-3" });
    const y = initialState(well, { adc_nM: 10 });
    assertClose(payloadTotal_nmol(well.rates, y, well.geometry.medium_L), 3.5 * 10 * 1e-4, 1e-12);
  });

  it("starts at the analytic drug-free steady state of the receptor subsystem", () => {
    // With an unbounded well, growth is maximal and constant, so the HER2 pools must not move:
    // dR_s/dt = k_syn − (k_endo + k_shed + g)R_s + k_rec·R_e = 0, dR_e/dt = k_endo·R_s − (k_rec + k_el + g)R_e = 0.
    const huge = { medium_L: 1e-4, seededCells: 5000, carryingCapacityCells: 1e300 };
    for (const mech of [[], [{ id: "her2-shedding", strength: 20 }], [{ id: "trafficking-impaired", strength: 5 }]]) {
      const well = resolveWell({ cellLine: "SK-BR-3", well: huge, mechanisms: mech });
      const r = well.rates;
      const g = r.growthMax;
      // Solve the 2×2 linear system by Cramer's rule, independently of the code under test.
      const a11 = r.kEndo + r.kShed + g;
      const a12 = -r.kRec;
      const a21 = -r.kEndo;
      const a22 = r.kRec + r.kEndoLys + g;
      const det = a11 * a22 - a12 * a21;
      const rs = (r.kSyn * a22) / det;
      const re = (-a21 * r.kSyn) / det;
      assertClose(well.her2Surface0, rs, 1e-12);
      assertClose(well.her2Endosome0, re, 1e-12);
      const y = initialState(well);
      const dy = new Float64Array(N_STATES);
      createWellSystem(r).rhs(0, y, dy);
      assertClose(dy[S.her2Surface]!, 0, 0, 1e-9 * rs);
      assertClose(dy[S.her2Endosome]!, 0, 0, 1e-9 * rs);
    }
    // The parental line holds its sourced HER2 per cell on the surface.
    const parental = resolveWell({ cellLine: "SK-BR-3", well: huge });
    assertClose(parental.her2Surface0, 1.12e6, 1e-12);
  });

  it("shedding lowers surface HER2 and her2-loss divides it", () => {
    const base = resolveWell({ cellLine: "BT-474" }).her2Surface0;
    assert.ok(
      resolveWell({ cellLine: "BT-474", mechanisms: [{ id: "her2-shedding", strength: 50 }] }).her2Surface0 < base,
    );
    assertClose(
      resolveWell({ cellLine: "BT-474", mechanisms: [{ id: "her2-loss", strength: 8 }] }).her2Surface0,
      base / 8,
      1e-12,
    );
  });

  it("the analytic Jacobian matches central finite differences", () => {
    for (const c of [
      { cellLine: "SK-BR-3" },
      {
        cellLine: "JIMT-1",
        mechanisms: [{ id: "abcc1-up", strength: 50 }],
        inhibitors: [{ id: "MK-571", concentration_nM: 2e4 }],
      },
    ] as WellConfig[]) {
      const { y, well } = busyState(c);
      const sys = createWellSystem(well.rates);
      const J = new Float64Array(N_STATES * N_STATES);
      wellJacobian(well.rates, y, J);
      const fp = new Float64Array(N_STATES);
      const fm = new Float64Array(N_STATES);
      const yp = new Float64Array(y);
      // Size of the terms in each row, to bound the round-off of the difference quotient.
      const rowScale = new Float64Array(N_STATES);
      for (let i = 0; i < N_STATES; i++) {
        for (let k = 0; k < N_STATES; k++) rowScale[i]! += Math.abs(J[i * N_STATES + k]! * y[k]!);
      }
      for (let j = 0; j < N_STATES; j++) {
        const h = 1e-6 * Math.max(Math.abs(y[j]!), 1e-3);
        yp.set(y);
        yp[j] = y[j]! + h;
        sys.rhs(0, yp, fp);
        yp[j] = y[j]! - h;
        sys.rhs(0, yp, fm);
        for (let i = 0; i < N_STATES; i++) {
          const fd = (fp[i]! - fm[i]!) / (2 * h);
          const an = J[i * N_STATES + j]!;
          const tol = 1e-6 * Math.max(Math.abs(fd), Math.abs(an)) + (1e-9 * rowScale[i]!) / h + 1e-10;
          assert.ok(Math.abs(fd - an) <= tol, `∂f[${i}]/∂y[${j}]: analytic ${an}, finite difference ${fd}`);
        }
      }
    }
  });
});
