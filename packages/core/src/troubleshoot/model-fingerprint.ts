/**
 * A fingerprint of the simulator as the likelihood tables see it: the knowledge it is built from
 * (parameters, mechanisms, cell lines, drugs, states), a probe trajectory that exercises every
 * mechanism and every transport step, and the read-outs of the virtual assays the predictor
 * uses (viability, pulse–chase, LC-MS/MS, flow/ELISA, qPCR). A change to a parameter value, a mechanism's effect or
 * an equation changes the fingerprint; the test in likelihood-table.test.ts then fails until the
 * tables are regenerated (scripts/troubleshoot/regenerate-likelihoods.ts).
 */

import { CELL_LINES } from "../knowledge/cell-lines.ts";
import { DRUGS, INHIBITORS, PAYLOADS } from "../knowledge/drugs.ts";
import { MECHANISMS } from "../knowledge/mechanisms.ts";
import { MODEL_PARAMETERS, WELL_FORMATS } from "../knowledge/parameters.ts";
import { resolveWell } from "../model/rates.ts";
import { simulateWell } from "../model/simulate.ts";
import { STATES } from "../model/states.ts";
import {
  simulateCatabolite,
  simulateExpression,
  simulateHer2,
  simulatePulseChase,
} from "../virtual-assays/read-outs.ts";
import { doseFor, liveCellsAt, resolveDrug } from "../virtual-assays/viability.ts";

/** FNV-1a over UTF-16 code units, two independent 32-bit lanes → 16 hex digits. */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x0100019d) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** Six significant digits: insensitive to last-bit differences between platforms' Math. */
function sig(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(6) : String(x);
}

function numbers(_key: string, v: unknown): unknown {
  return typeof v === "number" ? sig(v) : v;
}

/** The probe: a strongly perturbed well (every mechanism at strength 3, an inhibitor, all species dosed). */
export function modelProbe(): string[] {
  const mechanisms = MECHANISMS.map((m) => ({ id: m.id, strength: Math.min(3, m.bounds.max) }));
  const config = {
    cellLine: "SK-BR-3",
    mechanisms,
    inhibitors: [{ id: "MK-571", concentration_nM: 1000 }],
  };
  const well = resolveWell(config);
  const out: string[] = [];
  for (const [k, v] of Object.entries(well.rates)) {
    out.push(`${k}=${v instanceof Float64Array ? Array.from(v, sig).join(",") : sig(v as number)}`);
  }
  out.push(`her2=${sig(well.her2Surface0)},${sig(well.her2Endosome0)},pH=${sig(well.lysosomalPh)}`);
  const tr = simulateWell(
    config,
    { adc_nM: 5, antibody_nM: 1, drug_nM: 0.5, catabolite_nM: 0.5 },
    { tOut: [2, 24, 96], washAt_h: 48 },
  );
  for (let i = 0; i < tr.t.length; i++) out.push(`t${sig(tr.t[i]!)}=${Array.from(tr.at(i), sig).join(",")}`);
  // The virtual assays the predictor reads (their read-out definitions are part of the model).
  out.push(`viability=${sig(liveCellsAt(well, doseFor(resolveDrug("T-DM1"), 1), 120))}`);
  out.push(`pulseChase=${JSON.stringify(simulatePulseChase(config, { chase_h: [6] }).points, numbers)}`);
  out.push(`catabolite=${JSON.stringify(simulateCatabolite(config, { adc_nM: 5, times_h: [24] }).points, numbers)}`);
  out.push(`her2=${JSON.stringify(simulateHer2(config, { times_h: [48] }).points, numbers)}`);
  out.push(`expression=${JSON.stringify(simulateExpression(config).genes, numbers)}`);
  return out;
}

export function modelFingerprint(): string {
  const knowledge = JSON.stringify({
    MODEL_PARAMETERS,
    WELL_FORMATS,
    MECHANISMS,
    CELL_LINES,
    DRUGS,
    INHIBITORS,
    PAYLOADS,
    STATES,
  });
  return fnv1a64(`${knowledge}\n${modelProbe().join("\n")}`);
}
