/**
 * The Dose–response page in Chromium: upload the committed example plate, set the comparison and
 * the inhibitor reversal, and see exactly the tables `adclab fit` prints for the same file (the CLI
 * run as a separate process); the SVG, PNG and CSV exports download and parse; a stored fit opens
 * again from its project; a bad file shows the CLI's message. Screenshots in test-artifacts/web/.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { artifacts, cli, openWorkbench, root, skipWithoutChromium, type Workbench } from "./harness.ts";

const FIXTURE = join(root, "examples/dose-response/reversal-long.csv");
const COMPARE = "KPL-4 · T-DM1:KPL-4 T-DM1R · T-DM1";
const REVERSAL = "KPL-4 T-DM1R:verapamil:KPL-4";
// One constrained fit: Bottom held at 0, one Hill slope per compound (a global fit), HillSlope ≥ −3.
const CONSTRAINED = ["--fix", "bottom=0", "--share", "hill", "--bounds", "hill=-3:"];
const DEMO_PLATE = join(root, "apps/server/src/demo/plates/kpl-4-viability.csv");
const DEMO_COMPARE = ["KPL-4 · T-DM1:KPL-4 T-DM1R · T-DM1", "KPL-4 · DM1:KPL-4 T-DM1R · DM1"];

/** The tables `adclab fit` prints, split into cells at the column starts its header rule marks. */
function cliTables(text: string): string[][][] {
  const lines = text.split("\n");
  const tables: string[][][] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^-+( {2}-+)+$/.test(lines[i]!)) continue;
    const starts = [...lines[i]!.matchAll(/-+/g)].map((m) => m.index!);
    const cells = (l: string) => starts.map((s, k) => l.slice(s, starts[k + 1] ?? l.length).trim());
    const rows = [cells(lines[i - 1]!)];
    for (
      let j = i + 1;
      j < lines.length && lines[j]!.trim() !== "" && !/^(response|reversal =|warning)/.test(lines[j]!);
      j++
    ) {
      rows.push(cells(lines[j]!));
    }
    tables.push(rows);
  }
  return tables;
}

async function pageTable(page: Page, testId: string): Promise<string[][]> {
  const t = page.getByTestId(testId);
  const head = (await t.locator("thead th").allInnerTexts()).map((c) => c.trim());
  const body = await t
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
  return [head, ...body];
}

describe("the Dose–response page in Chromium", { skip: skipWithoutChromium }, () => {
  let wb: Workbench;
  let page: Page;
  let cliText: Promise<string>;
  let cliJson: Promise<string>;
  let cliBad: Promise<string>;
  let cliDemo: Promise<string>;
  let cliConstrained: Promise<string>;
  const scratch = mkdtempSync(join(tmpdir(), "adclab-dose-"));
  const bad = join(scratch, "three-doses.csv");
  writeFileSync(
    bad,
    "sample,compound,conc (nM),response,role\nA,,0,1000,vehicle\nA,X,1,950,\nA,X,3,800,\nA,X,10,500,\n",
  );

  before(async () => {
    cliText = cli("fit", FIXTURE, "--compare", COMPARE, "--reversal", REVERSAL);
    cliJson = cli("fit", FIXTURE, "--compare", COMPARE, "--reversal", REVERSAL, "--json");
    cliBad = cli("fit", bad);
    cliDemo = cli("fit", DEMO_PLATE, ...DEMO_COMPARE.flatMap((c) => ["--compare", c]));
    cliConstrained = cli("fit", FIXTURE, "--model", "prism4", ...CONSTRAINED, "--compare", COMPARE);
    wb = await openWorkbench();
    page = wb.page;
  });
  after(async () => {
    await wb?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("an uploaded plate shows exactly the curves, comparison and reversal `adclab fit` prints", async () => {
    await page.goto(`${wb.url}/dose-response`);
    await page.getByRole("heading", { level: 1, name: "Dose–response" }).waitFor();
    await page.getByLabel("Plate-reader file or long table (CSV, TSV)").setInputFiles(FIXTURE);
    const sha = createHash("sha256").update(readFileSync(FIXTURE)).digest("hex");
    await page.getByTestId("dose-uploaded").filter({ hasText: sha }).waitFor();
    await page.getByLabel("Compare (REFERENCE:TEST, one per line)").fill(COMPARE);
    await page.getByLabel("Inhibitor reversal (SAMPLE:INHIBITOR[:PARENTAL], one per line)").fill(REVERSAL);
    await page.getByRole("button", { name: "Fit" }).click();
    await page.getByTestId("dose-curves").waitFor();
    const [curves, comparisons, reversals] = cliTables(await cliText);
    assert.equal(curves!.length, 5, "four curves and the header");
    assert.deepEqual(await pageTable(page, "dose-curves"), curves);
    assert.deepEqual(await pageTable(page, "dose-comparisons"), comparisons);
    assert.deepEqual(await pageTable(page, "dose-reversals"), reversals);
    // The figure is drawn and decoded by the browser.
    const img = page.getByTestId("dose-figure");
    await img.evaluate((i: HTMLImageElement) => (i.complete ? null : new Promise((r) => (i.onload = r))));
    assert.ok((await img.evaluate((i: HTMLImageElement) => i.naturalWidth)) > 200);
    await page.screenshot({ path: join(artifacts, "dose-response.png"), fullPage: true });
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("exports SVG, PNG and CSV that parse; the CSV carries the CLI's numbers at full precision", async () => {
    const download = async (testId: string) => {
      const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      const path = join(scratch, d.suggestedFilename());
      await d.saveAs(path);
      return { name: d.suggestedFilename(), bytes: readFileSync(path) };
    };
    const svg = await download("dose-svg");
    assert.equal(svg.name, "reversal-long.svg");
    const svgText = svg.bytes.toString("utf8");
    assert.match(svgText, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const parsed = await page.evaluate(
      (t) => new DOMParser().parseFromString(t, "image/svg+xml").getElementsByTagName("parsererror").length,
      svgText,
    );
    assert.equal(parsed, 0, "the SVG parses as XML");
    for (const id of ["KPL-4 · T-DM1", "KPL-4 T-DM1R · T-DM1 + verapamil"]) assert.ok(svgText.includes(id), id);
    const png = await download("dose-png");
    assert.equal(png.name, "reversal-long.png");
    assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    assert.ok(png.bytes.readUInt32BE(16) > 400, "PNG width");
    const csv = await download("dose-csv");
    assert.equal(csv.name, "reversal-long.csv");
    const [header, ...rows] = csv.bytes
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const json = JSON.parse(await cliJson) as {
      curves: { id: string; ic50_nM: number; ic50_ci95_nM: number[]; hill: { value: number } }[];
    };
    assert.equal(rows.length, json.curves.length);
    const col = (name: string) => header!.indexOf(name);
    for (const [i, c] of json.curves.entries()) {
      assert.equal(rows[i]![col("curve")], c.id);
      assert.equal(Number(rows[i]![col("ic50_nM")]), c.ic50_nM);
      assert.equal(Number(rows[i]![col("ic50_ci95_lo_nM")]), c.ic50_ci95_nM[0]);
      assert.equal(Number(rows[i]![col("hill")]), c.hill.value);
    }
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("a stored fit opens again from its project with the same tables", async () => {
    const shown = await pageTable(page, "dose-curves");
    await page.goto(`${wb.url}/dose-response`);
    await page.getByLabel("A file in a project").check();
    await page.getByLabel("Project", { exact: true }).selectOption({ label: "Dose–response" });
    const experiment = page.getByLabel("Experiment", { exact: true });
    await experiment.locator("option").nth(1).waitFor({ state: "attached" });
    await experiment.selectOption({ index: 1 });
    await page.getByTestId("dose-stored").getByRole("button").first().click();
    await page.getByTestId("dose-curves").waitFor();
    assert.deepEqual(await pageTable(page, "dose-curves"), shown);
    assert.equal(await page.getByLabel("Compare (REFERENCE:TEST, one per line)").inputValue(), COMPARE);
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("the demo project is in the Projects page, and its stored fit opens with the numbers `adclab fit` prints", async () => {
    await page.goto(`${wb.url}/projects`);
    await page.getByRole("button", { name: "Demo: T-DM1 resistance (simulated)" }).click();
    const experiment = page.locator(".experiment").filter({ hasText: "KPL-4 vs KPL-4 T-DM1R" });
    await experiment.getByTestId("analyses").waitFor();
    assert.deepEqual(
      (await experiment.getByTestId("analyses").locator("tbody tr td:first-child").allInnerTexts()).sort(),
      ["diagnose", "dose-response"],
    );
    const sha = createHash("sha256").update(readFileSync(DEMO_PLATE)).digest("hex");
    await experiment.getByText(sha).waitFor();
    await page.screenshot({ path: join(artifacts, "projects-demo.png"), fullPage: true });
    await experiment.getByRole("link", { name: "open" }).click();
    await page.getByTestId("dose-curves").waitFor();
    assert.equal(new URL(page.url()).pathname, "/dose-response");
    const [curves, comparisons] = cliTables(await cliDemo);
    assert.deepEqual(await pageTable(page, "dose-curves"), curves);
    assert.deepEqual(await pageTable(page, "dose-comparisons"), comparisons);
    await page.screenshot({ path: join(artifacts, "dose-response-demo.png"), fullPage: true });
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("a constrained fit (model, fix, share, bounds) shows the numbers `adclab fit` prints with the same flags", async () => {
    await page.goto(`${wb.url}/dose-response`);
    await page.getByLabel("Plate-reader file or long table (CSV, TSV)").setInputFiles(FIXTURE);
    await page.getByTestId("dose-uploaded").waitFor();
    await page.getByLabel("Model").selectOption("prism4");
    await page.getByLabel("Fix parameters (PARAM=VALUE, one per line)").fill("bottom=0");
    await page.getByLabel("Share across the curves of a compound").fill("hill");
    await page.getByLabel("Bounds (PARAM=LO:HI, one per line)").fill("hill=-3:");
    await page.getByLabel("Compare (REFERENCE:TEST, one per line)").fill(COMPARE);
    await page.getByRole("button", { name: "Fit" }).click();
    await page.getByTestId("dose-curves").waitFor();
    const [curves, comparisons] = cliTables(await cliConstrained);
    const shown = await pageTable(page, "dose-curves");
    assert.deepEqual(shown, curves);
    assert.deepEqual(await pageTable(page, "dose-comparisons"), comparisons);
    // Bottom is 0 everywhere, and the curves of one compound share one slope.
    const col = (name: string) => shown[0]!.indexOf(name);
    assert.ok(shown.slice(1).every((r) => r[col("bottom")] === "0"));
    const slope = (id: string) => shown.find((r) => r[0] === id)![col("hill")];
    assert.equal(slope("KPL-4 · T-DM1"), slope("KPL-4 T-DM1R · T-DM1"));
    // The line the CLI prints under its tables says what was held, bounded and shared.
    const said = (await cliConstrained).split("\n").find((l) => l.startsWith("fixed: "));
    assert.equal(await page.getByTestId("dose-constraints").innerText(), said);
    await page.screenshot({ path: join(artifacts, "dose-response-constrained.png"), fullPage: true });
    // A bad constraint is the CLI's message.
    await page.getByLabel("Fix parameters (PARAM=VALUE, one per line)").fill("slope=1");
    await page.getByRole("button", { name: "Fit" }).click();
    await page.getByTestId("dose-error").waitFor();
    assert.match(
      await page.getByTestId("dose-error").innerText(),
      /^--fix: unknown parameter 'slope' for model prism4/,
    );
    assert.deepEqual(
      wb.consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });

  it("a bad file shows the CLI's message and no results", async () => {
    await page.goto(`${wb.url}/dose-response`);
    await page.getByLabel("Plate-reader file or long table (CSV, TSV)").setInputFiles(bad);
    await page.getByTestId("dose-uploaded").waitFor();
    await page.getByRole("button", { name: "Fit" }).click();
    await page.getByTestId("dose-error").waitFor();
    const expected = (await cliBad).replace(/^adclab: /, "").replace(/^.*three-doses\.csv/, "three-doses.csv");
    assert.equal(await page.getByTestId("dose-error").innerText(), expected);
    assert.equal(await page.getByTestId("dose-results").count(), 0);
    await page.screenshot({ path: join(artifacts, "dose-response-error.png"), fullPage: true });
    assert.deepEqual(
      wb.consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });
});
