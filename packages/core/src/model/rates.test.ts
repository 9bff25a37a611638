import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isInputError } from "../errors/input-error.ts";
import { CELL_LINES } from "../knowledge/cell-lines.ts";
import { MECHANISM_IDS, MECHANISMS, type MechanismId } from "../knowledge/mechanisms.ts";
import { MODEL_PARAMETERS } from "../knowledge/parameters.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { resolveWell, type WellRates } from "./rates.ts";

/** The rate fields a mechanism is documented to change (knowledge/mechanisms.ts `changes`). */
const TOUCHES: Record<MechanismId, (keyof WellRates)[]> = {
  "her2-loss": ["kSyn"],
  "her2-shedding": ["kShed"],
  "internalization-impaired": ["kEndoComplex"],
  "recycling-enhanced": ["kRecComplex"],
  "trafficking-impaired": ["kEndoLys"],
  "lysosome-ph": ["kProt", "kSlc"],
  "slc46a3-loss": ["kSlc"],
  "mdr1-up": ["effluxCat", "effluxDrug"],
  "abcc1-up": ["effluxCat", "effluxDrug"],
  "abcg2-up": ["effluxCat", "effluxDrug"],
  "tubulin-altered": ["koffCat", "koffDrug"],
  "survival-signalling": ["killOccupancy50"],
};

function changedFields(a: WellRates, b: WellRates): string[] {
  const out: string[] = [];
  for (const k of Object.keys(a) as (keyof WellRates)[]) {
    const x = a[k];
    const y = b[k];
    const same = x instanceof Float64Array ? x.every((v, i) => v === (y as Float64Array)[i]) : x === y;
    if (!same) out.push(k);
  }
  return out.sort();
}

describe("mechanisms", () => {
  const base = resolveWell({ cellLine: "SK-BR-3" }).rates;

  it("each of the twelve changes exactly the parameters it documents", () => {
    assert.equal(MECHANISMS.length, 12);
    for (const id of MECHANISM_IDS) {
      const r = resolveWell({ cellLine: "SK-BR-3", mechanisms: [{ id, strength: 4 }] }).rates;
      assert.deepEqual(changedFields(base, r), [...TOUCHES[id]].sort(), id);
    }
  });

  it("strength 1 is no change, and strengths compose multiplicatively", () => {
    for (const id of MECHANISM_IDS) {
      const one = resolveWell({ cellLine: "SK-BR-3", mechanisms: [{ id, strength: 1 }] }).rates;
      assert.deepEqual(changedFields(base, one), [], id);
      const twice = resolveWell({
        cellLine: "SK-BR-3",
        mechanisms: [
          { id, strength: 2 },
          { id, strength: 3 },
        ],
      }).rates;
      const six = resolveWell({ cellLine: "SK-BR-3", mechanisms: [{ id, strength: 6 }] }).rates;
      assert.deepEqual(changedFields(twice, six), [], id);
    }
  });

  it("grades each parameter as documented", () => {
    const r = (id: MechanismId, s: number) =>
      resolveWell({ cellLine: "SK-BR-3", mechanisms: [{ id, strength: s }] }).rates;
    assertClose(r("her2-loss", 10).kSyn, base.kSyn / 10, 1e-14);
    assertClose(r("internalization-impaired", 5).kEndoComplex, base.kEndoComplex / 5, 1e-14);
    assertClose(r("recycling-enhanced", 5).kRecComplex, base.kRecComplex * 5, 1e-14);
    assertClose(r("trafficking-impaired", 5).kEndoLys, base.kEndoLys / 5, 1e-14);
    assertClose(r("mdr1-up", 7).effluxDrug[0]!, base.effluxDrug[0]! * 7, 1e-14);
    assertClose(r("tubulin-altered", 3).koffCat, base.koffCat * 3, 1e-14);
    assertClose(r("survival-signalling", 2).killOccupancy50, base.killOccupancy50 * 2, 1e-14);
    // SLC46A3 loss leaves the passive leak: export falls at most to the leak.
    assertClose(r("slc46a3-loss", 1000).kSlc, base.kSlc / 1000, 1e-14);
    // lysosome-ph: 10-fold less H+ is one pH unit; proteolysis follows 1/(1+10^(pH−pKa)).
    const pKa = MODEL_PARAMETERS.pKaProteolysis.value;
    const pH0 = MODEL_PARAMETERS.lysosomalPhRef.value;
    const act = (pH: number) => 1 / (1 + 10 ** (pH - pKa));
    assertClose(r("lysosome-ph", 10).kProt, (base.kProt * act(pH0 + 1)) / act(pH0), 1e-12);
  });

  it("inhibitors divide their own transporter's efflux by 1 + I/Ki and leave the others", () => {
    const w = resolveWell({ cellLine: "SK-BR-3", inhibitors: [{ id: "tariquidar", concentration_nM: 51 }] });
    assertClose(w.rates.inhibition[0]!, 1 + 51 / 5.1, 1e-14);
    assert.equal(w.rates.inhibition[1], 1);
    assert.equal(w.rates.inhibition[2], 1);
  });

  it("every mechanism and cell-line parameter carries a source; bounds are finite and contain 1", () => {
    for (const m of MECHANISMS) {
      assert.ok(m.literature.length > 10 && m.changes.length > 10, m.id);
      assert.ok(
        m.bounds.min === 1 && Number.isFinite(m.bounds.max) && m.bounds.max > 1 && m.bounds.reason.length > 10,
        m.id,
      );
    }
    for (const c of CELL_LINES) {
      for (const v of [c.her2PerCell, c.doublingTime_h, c.cellVolume_pL, c.sensitivity]) {
        assert.ok(v.source.length > 5 && Number.isFinite(v.value) && v.value > 0, `${c.id} ${v.description}`);
      }
    }
    for (const [k, v] of Object.entries(MODEL_PARAMETERS)) assert.ok(v.source.length > 5 && v.units.length > 0, k);
  });

  it("rejects unknown mechanisms, cell lines and non-positive strengths with the valid choices", () => {
    const bad = (f: () => unknown, re: RegExp) =>
      assert.throws(f, (e: unknown) => isInputError(e) && re.test((e as Error).message));
    bad(() => resolveWell({ cellLine: "HeLa" }), /unknown cell line 'HeLa'.*SK-BR-3, BT-474/);
    bad(
      () => resolveWell({ cellLine: "SK-BR-3", mechanisms: [{ id: "magic", strength: 2 }] }),
      /unknown mechanism 'magic'.*her2-loss/,
    );
    bad(
      () => resolveWell({ cellLine: "SK-BR-3", mechanisms: [{ id: "her2-loss", strength: 0 }] }),
      /positive fold change/,
    );
    bad(
      () => resolveWell({ cellLine: "SK-BR-3", mechanisms: [{ id: "her2-loss", strength: -2 }] }),
      /positive fold change/,
    );
    bad(() => resolveWell({ cellLine: "SK-BR-3", inhibitors: [{ id: "aspirin", concentration_nM: 1 }] }), /verapamil/);
  });
});
