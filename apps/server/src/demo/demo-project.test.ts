/**
 * The demo project: a new embedded data folder gets it on the first start (simulated plates
 * stored verbatim with their SHA-256, each with a stored dose–response fit and one diagnosis);
 * a second start of the same folder does not add it again.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { parseDoseResponseOptions, runDoseResponse } from "@adclab/analyses";
import { modelFingerprint } from "@adclab/core";
import { startServer } from "../listen.ts";
import { DEMO_PROJECT_NAME } from "./demo-project.ts";

const tmp = mkdtempSync(join(tmpdir(), "adclab-demo-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
const manifest = JSON.parse(readFileSync(new URL("./plates/plates.json", import.meta.url), "utf8")) as {
  modelFingerprint: string;
  plates: {
    file: string;
    cellLine: string;
    resistantLine: string;
    simulatedIc50_nM: Record<string, number>;
    topDose_nM: Record<string, number>;
  }[];
};

async function get<T>(url: string): Promise<T> {
  const r = await fetch(url);
  assert.equal(r.status, 200, url);
  return (await r.json()) as T;
}

describe("the demo project", () => {
  it("its plates were simulated by the current model (else regenerate them)", () => {
    assert.equal(
      manifest.modelFingerprint,
      modelFingerprint(),
      "the well model changed since the demo plates were made: run node --import tsx apps/server/src/demo/make-plates.ts",
    );
  });

  const dataDir = join(tmp, "data");

  it("a new data folder starts with the simulated experiments, stored and analysed", async () => {
    const s = await startServer({ dataDir, port: 0 });
    try {
      const projects = await get<{ id: string; name: string }[]>(`${s.url}/api/projects`);
      const demo = projects.filter((p) => p.name === DEMO_PROJECT_NAME);
      assert.equal(demo.length, 1);
      const experiments = await get<{ id: string; name: string }[]>(`${s.url}/api/projects/${demo[0]!.id}/experiments`);
      assert.equal(experiments.length, manifest.plates.length);
      let diagnoses = 0;
      let checked = 0;
      for (const [i, plate] of manifest.plates.entries()) {
        const e = experiments[i]!;
        assert.match(e.name, new RegExp(`^${plate.cellLine} vs ${plate.resistantLine}`));
        const [file, ...more] = await get<{ originalName: string; sha256: string }[]>(
          `${s.url}/api/experiments/${e.id}/files`,
        );
        assert.equal(more.length, 0);
        const bytes = readFileSync(new URL(`./plates/${plate.file}`, import.meta.url));
        assert.equal(file!.originalName, plate.file);
        assert.equal(file!.sha256, createHash("sha256").update(bytes).digest("hex"));
        const analyses = await get<
          { kind: string; status: string; results: unknown; options: { compare?: string[] } }[]
        >(`${s.url}/api/experiments/${e.id}/analyses`);
        assert.ok(analyses.every((a) => a.status === "done"));
        diagnoses += analyses.filter((a) => a.kind === "diagnose").length;
        const [fit] = analyses.filter((a) => a.kind === "dose-response");
        // The stored result is what `adclab fit FILE --compare …` gives for the same bytes.
        const direct = runDoseResponse(
          { file: { name: plate.file, content: bytes } },
          parseDoseResponseOptions({ compare: fit!.options.compare }),
        );
        assert.deepEqual(fit!.results, JSON.parse(JSON.stringify(direct.result)));
        // And the fits find the simulator's IC50s (the plates' truth before noise) within their 95 % CIs
        // or within a factor of 1.5, where the simulated curve is complete (IC50 a decade below the
        // top dose; near the top dose the curve has no lower plateau and the IC50 is not determined).
        for (const c of direct.result.curves as {
          id: string;
          ic50_nM: number;
          ic50_ci95_nM: [number, number] | null;
        }[]) {
          const truth = plate.simulatedIc50_nM[c.id]!;
          if (truth > plate.topDose_nM[c.id.split(" · ")[1]!]! / 10) continue;
          const inside = c.ic50_ci95_nM && c.ic50_ci95_nM[0] <= truth && truth <= c.ic50_ci95_nM[1];
          assert.ok(
            inside || Math.abs(Math.log(c.ic50_nM / truth)) < Math.log(1.5),
            `${c.id}: ${c.ic50_nM} vs ${truth}`,
          );
          checked++;
        }
      }
      assert.ok(checked >= 18, `${checked} curves checked`);
      assert.equal(diagnoses, 1);
    } finally {
      await s.close();
    }
  });

  it("a second start of the same folder does not add it again", async () => {
    const s = await startServer({ dataDir, port: 0 });
    try {
      const projects = await get<{ name: string }[]>(`${s.url}/api/projects`);
      assert.equal(projects.filter((p) => p.name === DEMO_PROJECT_NAME).length, 1);
      assert.equal(projects.length, 1);
    } finally {
      await s.close();
    }
  });
});
