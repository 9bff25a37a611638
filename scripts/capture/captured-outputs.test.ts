/**
 * Captured outputs (scripts/capture/README.md): every CLI case and every API exchange renders
 * exactly as its baseline in scripts/capture/baseline/. One test per case, so a failure names the
 * case and shows the first differing lines.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { before, describe, it } from "node:test";
import { type ApiCapture, captureApi } from "./api-cases.ts";
import {
  apiBaseline,
  BASELINE,
  cliBaseline,
  firstDifference,
  prepareProcess,
  ROOT,
  runCliCase,
} from "./capture-lib.ts";
import { CLI_CASES } from "./cli-cases.ts";

prepareProcess();

function same(file: string, got: string | undefined): void {
  const want = readFileSync(file, "utf8");
  if (got === want) return;
  const where = relative(ROOT, file);
  assert.fail(
    got === undefined
      ? `the session no longer makes this request (${where})`
      : `differs from ${where}\n${firstDifference(want, got)}\n` +
          "(an intended output change is described and re-captured: scripts/capture/README.md)",
  );
}

const baselineNames = (face: string) =>
  readdirSync(join(BASELINE, face))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();

describe("captured CLI outputs", () => {
  for (const c of CLI_CASES) it(c.name, async () => same(cliBaseline(c.name), await runCliCase(c)));
  it("every baseline file is a case", () => {
    assert.deepEqual(baselineNames("cli"), CLI_CASES.map((c) => c.name).sort());
  });
});

describe("captured API responses", () => {
  let captured: ApiCapture;
  before(async () => {
    captured = await captureApi();
  });
  for (const name of baselineNames("api")) it(name, () => same(apiBaseline(name), captured.cases.get(name)));
  it("the session makes the baseline's requests and no others", () => {
    assert.deepEqual([...captured.cases.keys()].sort(), baselineNames("api"));
  });
});
