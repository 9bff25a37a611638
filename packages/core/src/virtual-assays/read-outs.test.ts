import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PROTOCOL1_PULSE_nM } from "../knowledge/protocols.ts";
import { assertClose } from "../test-helpers/assert.ts";
import {
  PMOL_PER_MILLION_CELLS_PER_MOLECULE,
  simulateCatabolite,
  simulateExpression,
  simulateHer2,
  simulatePulseChase,
} from "./read-outs.ts";

describe("virtual assays", () => {
  it("Protocol 1's pulse is 10 µg/mL of a 148.5 kDa antibody = 67.34 nM", () => {
    // 10e-6 g/mL = 1e-2 g/L; / 148,500 g/mol = 6.734e-8 M
    assertClose(PROTOCOL1_PULSE_nM, 67.340067, 1e-7);
  });

  it("LC-MS/MS units: 6.022e5 molecules per cell are 1 pmol per 10⁶ cells", () => {
    assertClose(6.02214076e5 * PMOL_PER_MILLION_CELLS_PER_MOLECULE, 1, 1e-12);
  });

  it("pulse–chase: internalization and lysosomal delivery rise with chase time", () => {
    const p = simulatePulseChase({ cellLine: "SK-BR-3" }).points;
    assert.deepEqual(
      p.map((x) => x.chase_h),
      [2, 6, 24],
    );
    for (let i = 1; i < p.length; i++) {
      assert.ok(p[i]!.fractionInternalized > p[i - 1]!.fractionInternalized);
      assert.ok(p[i]!.fractionInLysosomes > p[i - 1]!.fractionInLysosomes);
    }
  });

  it("troubleshooting signature: impaired trafficking lowers the 6-h lysosomal fraction", () => {
    const at6 = (m: { id: string; strength: number }[]) =>
      simulatePulseChase({ cellLine: "SK-BR-3", mechanisms: m }, { chase_h: [6] }).points[0]!.fractionInLysosomes;
    const parental = at6([]);
    const impaired = at6([{ id: "trafficking-impaired", strength: 5 }]);
    assert.ok(impaired < 0.6 * parental, `${impaired} vs ${parental}`);
    // HER2 loss changes how much is taken up, not where it goes.
    assert.ok(Math.abs(at6([{ id: "her2-loss", strength: 5 }]) / parental - 1) < 0.05);
  });

  it("Protocol 1's co-localization (Manders' M1 over all cell-associated T-DM1) also falls when uptake is slow", () => {
    const at6 = (m: { id: string; strength: number }[]) =>
      simulatePulseChase({ cellLine: "SK-BR-3", mechanisms: m }, { chase_h: [6] }).points[0]!;
    const parental = at6([]);
    const slow = at6([{ id: "internalization-impaired", strength: 5 }]);
    // Sorting of what did get in is unchanged, so the lysosomal share of the internalized ADC
    // barely moves, but more ADC stays on the surface: the image shows less overlap.
    assert.ok(Math.abs(slow.fractionInLysosomes / parental.fractionInLysosomes - 1) < 0.1);
    assert.ok(
      slow.lysosomalOverlap < 0.6 * parental.lysosomalOverlap,
      `${slow.lysosomalOverlap} vs ${parental.lysosomalOverlap}`,
    );
    // M1 is the lysosomal share of everything the cell holds: the product of the two fractions.
    assertClose(parental.lysosomalOverlap, parental.fractionInternalized * parental.fractionInLysosomes, 1e-12);
    // Fewer receptors change how much is bound, not where it goes.
    assert.ok(Math.abs(at6([{ id: "her2-loss", strength: 5 }]).lysosomalOverlap / parental.lysosomalOverlap - 1) < 0.1);
  });

  it("troubleshooting signature: SLC46A3 loss raises lysosomal and lowers cytosolic catabolite", () => {
    const run = (m: { id: string; strength: number }[]) =>
      simulateCatabolite({ cellLine: "BT-474M1", mechanisms: m }, { adc_nM: 10, times_h: [24, 72] }).points;
    const parental = run([]);
    const lost = run([{ id: "slc46a3-loss", strength: 10 }]);
    for (let i = 0; i < 2; i++) {
      assert.ok(lost[i]!.lysosomal_pmol_per_million > 2 * parental[i]!.lysosomal_pmol_per_million);
      assert.ok(lost[i]!.cytosolicFree_pmol_per_million < 0.5 * parental[i]!.cytosolicFree_pmol_per_million);
    }
  });

  it("troubleshooting signature: HER2 loss shows as lower surface HER2 (flow); shedding raises ECD (ELISA)", () => {
    const flow = (m: { id: string; strength: number }[]) =>
      simulateHer2({ cellLine: "SK-BR-3", mechanisms: m }, { times_h: [0, 72] }).points;
    const parental = flow([]);
    assertClose(parental[0]!.surfaceHer2_relative, 1, 1e-12);
    assertClose(flow([{ id: "her2-loss", strength: 4 }])[0]!.surfaceHer2_relative, 0.25, 1e-12);
    const shedding = flow([{ id: "her2-shedding", strength: 10 }]);
    assert.ok(shedding[1]!.shedEcd_nM > 5 * parental[1]!.shedEcd_nM);
    assertClose(shedding[1]!.shedEcd_ng_per_mL, shedding[1]!.shedEcd_nM * 105, 1e-12);
  });

  it("qPCR: fold changes and ΔΔCt follow the mechanisms", () => {
    const e = simulateExpression({
      cellLine: "BT-474M1",
      mechanisms: [
        { id: "slc46a3-loss", strength: 8 },
        { id: "abcc1-up", strength: 4 },
      ],
    });
    const g = Object.fromEntries(e.genes.map((x) => [x.gene, x]));
    assertClose(g.SLC46A3!.foldChange, 1 / 8, 1e-12);
    assertClose(g.SLC46A3!.ddCt, 3, 1e-12);
    assertClose(g.ABCC1!.foldChange, 4, 1e-12);
    assertClose(g.ERBB2!.foldChange, 1, 1e-12);
  });
});
