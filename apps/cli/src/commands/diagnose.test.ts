import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";

const root = new URL("../../../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "adclab-diagnose-"));

async function run(argv: string[], stdinLines?: string[]) {
  const io = memoryIo();
  const withStdin = stdinLines
    ? Object.assign(io, {
        stdin: (async function* () {
          for (const l of stdinLines) yield l;
        })(),
      })
    : io;
  const code = await main(argv, withStdin);
  return { code, out: io.out(), err: io.err() };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("adclab diagnose", () => {
  it("diagnoses a YAML observation file: ranking, evidence, next experiment and its protocol", async () => {
    const r = await run(["diagnose", `${root}examples/observations/row-1-free-dm1-sensitive.yaml`, "--draws", "40"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Ranked explanations/);
    assert.match(r.out, /Evidence\n {2}1\. /);
    assert.match(r.out, /Next experiment \(expected information gain/);
    assert.match(r.out, /Protocol for the next experiment .*\n.*\n\nPurpose:/);
    assert.match(r.out, /Procedure:\n {2}1\. /);
  });

  it("prints a stable JSON schema with --json", async () => {
    const p = file("obs.json", JSON.stringify({ observations: { tdm1_ic50_fold: 30, mdr1_mrna_ratio: 20 } }));
    const r = await run(["diagnose", p, "--json", "--draws", "40"]);
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out);
    assert.equal(d.cellLine, "SK-BR-3");
    assert.equal(typeof d.modelFingerprint, "string");
    const total = d.candidates.reduce((s: number, c: { posterior: number }) => s + c.posterior, 0);
    assert.ok(Math.abs(total - 1) < 1e-9);
    assert.ok(d.candidates[0].evidence.length === 2);
    assert.ok(d.nextExperiments.length > 0 && typeof d.nextExperiments[0].expectedInformationGain_bits === "number");
    assert.ok(Array.isArray(d.nextProtocol.steps));
  });

  it("a value out of range: exit 2, one line naming the file and the field", async () => {
    const p = file("bad.yaml", "observations:\n  surface_her2_ratio: 400\n");
    const r = await run(["diagnose", p]);
    assert.equal(r.code, 2);
    assert.equal(r.out, "");
    assert.equal(r.err.trim().split("\n").length, 1);
    assert.match(r.err, /bad\.yaml/);
    assert.match(r.err, /observations\.surface_her2_ratio/);
    assert.match(r.err, /out of range/);
  });

  it("a wrong unit and a contradiction are bad input too", async () => {
    const unit = await run([
      "diagnose",
      file("unit.yaml", "observations:\n  tdm1_ic50_fold: {value: 120, unit: nM}\n"),
    ]);
    assert.equal(unit.code, 2);
    assert.match(unit.err, /wrong unit 'nM' for tdm1_ic50_fold/);
    const contra = await run([
      "diagnose",
      file("contra.yaml", "observations:\n  tdm1_ic50_fold: 4\n  tariquidar_reversal_fold: 80\n"),
    ]);
    assert.equal(contra.code, 2);
    assert.match(contra.err, /contradiction: tariquidar_reversal_fold/);
  });

  it("broken YAML and a missing file name the file", async () => {
    const broken = await run(["diagnose", file("broken.yaml", "observations:\n  tdm1_ic50_fold: [1,\n")]);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /broken\.yaml.*|not valid YAML/);
    const missing = await run(["diagnose", join(dir, "nope.yaml")]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml/);
  });

  it("--interactive reads one result per line (piped), keeps going after a bad line, suggests the next assay", async () => {
    const r = await run(
      ["diagnose", "--interactive", "--draws", "30"],
      ["tdm1_ic50_fold 10", "free_dm1_ic50_fold banana", "free_dm1_ic50_fold 1", "surface_her2_ratio 100 %", "done"],
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /! observations\.free_dm1_ic50_fold: free-DM1 IC50 must be a number/);
    assert.equal((r.out.match(/^ {2}next: /gm) ?? []).length, 3);
    assert.match(r.out, /Ranked explanations/);
  });
});

describe("adclab diagnose --interactive, bare values", () => {
  it("takes a bare value (with or without a unit) as the observation the latest suggestion names first", async () => {
    const r = await run(
      ["diagnose", "--interactive", "--draws", "30", "--json"],
      ["12", "free_dm1_ic50_fold 1", "done"],
    );
    assert.equal(r.code, 0, r.err);
    const json = r.out.slice(r.out.indexOf("\n{") + 1);
    const d = JSON.parse(json) as {
      observations: { id: string; value: number }[];
      nextExperiments: { assayId: string }[];
    };
    assert.deepEqual(
      d.observations.map((o) => [o.id, o.value]),
      [
        ["tdm1_ic50_fold", 12],
        ["free_dm1_ic50_fold", 1],
      ],
    );
    // The suggestion after the second result names an observation; a bare value then goes to it.
    const next = [...r.out.matchAll(/^ {2}next: .*; enter (\w+)/gm)].map((m) => m[1]);
    assert.equal(next.length, 2);
    const again = await run(
      ["diagnose", "--interactive", "--draws", "30", "--json"],
      ["12", "free_dm1_ic50_fold 1", "80 %", "done"],
    );
    assert.equal(again.code, 0, again.err);
    const d2 = JSON.parse(again.out.slice(again.out.indexOf("\n{") + 1)) as {
      observations: { id: string; value: number }[];
    };
    assert.deepEqual(d2.observations[2], { ...d2.observations[2], id: next[1] });
  });

  it("an id that is not an observation is still an error, not a value", async () => {
    const r = await run(["diagnose", "--interactive", "--draws", "30"], ["tdm1 12", "done"]);
    assert.match(r.out, /! observations\.tdm1: unknown observation 'tdm1'/);
  });
});

describe("adclab protocol", () => {
  it("prints Protocol 1 with its eleven numbered steps", async () => {
    const r = await run(["protocol", "1"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Protocol 1: Immunofluorescence assay/);
    assert.match(r.out, /\n {2}2\. ADC treatment \(pulse\): treat the cells with 10 µg\/mL T-DM1/);
    assert.match(r.out, /\n {2}11\. Analysis: /);
    assert.doesNotMatch(r.out, /\n {2}12\. /);
  });

  it("finds a protocol by assay id and lists all without an id", async () => {
    const byAssay = await run(["protocol", "slc46a3-qpcr", "--json"]);
    assert.equal(JSON.parse(byAssay.out).id, "slc46a3-qpcr");
    const list = await run(["protocol"]);
    assert.match(list.out, /protocol-1 /);
  });

  it("an unknown id is bad input", async () => {
    const r = await run(["protocol", "western-of-everything"]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown protocol 'western-of-everything'/);
  });
});

describe("adclab mechanisms", () => {
  it("lists the twelve mechanisms with their priors (JSON)", async () => {
    const r = await run(["mechanisms", "--json"]);
    assert.equal(r.code, 0, r.err);
    const list = JSON.parse(r.out);
    assert.equal(list.length, 12);
    assert.ok(list.every((m: { priorReason: string }) => m.priorReason.length > 0));
    const human = await run(["mechanisms"]);
    assert.match(human.out, /^slc46a3-loss — loss of the lysosomal transporter SLC46A3/m);
  });
});
