import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ASSAYS, findAssay } from "./assays.ts";
import { MECHANISM_IDS } from "./mechanisms.ts";
import { findProtocol, PROTOCOLS } from "./protocols.ts";
import { TROUBLESHOOTING_TABLE } from "./troubleshooting-table.ts";

/** The step headings of Protocol 1 as printed in the source document, in order. */
const DOCUMENT_PROTOCOL_1_HEADINGS = [
  "Cell seeding",
  "ADC treatment (pulse)",
  "Chase period",
  "Fixation",
  "Permeabilization (if using LAMP1 antibody)",
  "Blocking",
  "Primary antibody incubation (for LAMP1)",
  "Secondary antibody incubation",
  "Counterstaining",
  "Mounting and imaging",
  "Analysis",
];

describe("protocols and assays", () => {
  it("Protocol 1 follows the source document step for step, with its doses and times", () => {
    const p = findProtocol("protocol-1")!;
    assert.deepEqual(
      p.steps.map((s) => s.slice(0, s.indexOf(":"))),
      DOCUMENT_PROTOCOL_1_HEADINGS,
    );
    assert.match(p.steps[1]!, /10 µg\/mL T-DM1 .* for 1 hour at 37 °C/);
    assert.match(p.steps[2]!, /\(e\.g\. 2, 6, 24 hours\)/);
    assert.match(p.steps[3]!, /4% PFA for 15 minutes/);
    assert.equal(p.materials.length, 13);
    assert.equal(findProtocol("1"), p);
  });

  it("every assay has a protocol with numbered steps and a source", () => {
    for (const a of ASSAYS) {
      const p = findProtocol(a.protocolId);
      assert.ok(p, `${a.id}: no protocol ${a.protocolId}`);
      assert.ok(p.steps.length >= 2 && p.sources.length >= 1, a.id);
      assert.ok(a.duration_days > 0, a.id);
    }
    assert.equal(new Set(PROTOCOLS.map((p) => p.id)).size, PROTOCOLS.length);
  });

  it("the troubleshooting table names real mechanisms and assays", () => {
    for (const row of TROUBLESHOOTING_TABLE) {
      for (const c of row.causes) for (const m of c.mechanisms) assert.ok(MECHANISM_IDS.includes(m), m);
      for (const s of row.steps) for (const a of s.assays) assert.ok(findAssay(a), a);
    }
  });
});
