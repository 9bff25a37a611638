/**
 * Browser tests: Debian's Chromium driven by playwright-core against a workbench server this test
 * starts (its own embedded database in a temp folder, a free loopback port). Every page loads
 * without console errors; the units converter shows exactly what `adclab convert` prints; an
 * upload shows the file's SHA-256. Screenshots go to test-artifacts/web/ (git-ignored).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { artifacts, cli, escapeRe, openWorkbench, root, skipWithoutChromium, type Workbench } from "./harness.ts";

const OBSERVATIONS = "examples/observations/kpl4-tdm1r.json";
const CONVERSIONS: [string, string, string][] = [
  ["10 µg/mL", "nM", "T-DM1"],
  ["250 ng/mL", "pM", "Lys-SMCC-DM1"],
  ["3 µM", "nM", ""],
];

describe("the workbench in Chromium", { skip: skipWithoutChromium }, () => {
  let wb: Workbench;
  let url: string;
  let tmp: string;
  let page: Page;
  let consoleErrors: string[];
  // The CLI runs start with the server: each is a Node start-up of a few seconds.
  let cliLines: Promise<string[]>;
  let cliDiagnosis: Promise<string>;

  before(async () => {
    cliLines = Promise.all([
      ...CONVERSIONS.map(([q, to, compound]) =>
        cli("convert", q, "--to", to, ...(compound ? ["--compound", compound] : [])),
      ),
      cli("convert", "10 µg/mL", "--to", "nM"),
    ]);
    cliDiagnosis = cli("diagnose", OBSERVATIONS, "--json");
    wb = await openWorkbench();
    ({ url, tmp, page, consoleErrors } = wb);
  });

  after(async () => {
    await wb?.close();
  });

  const pages = [
    ["/explorer", "Pathway explorer"],
    ["/dose-response", "Dose–response"],
    ["/colocalization", "Co-localization"],
    ["/troubleshooter", "Troubleshooter"],
    ["/library", "Library"],
    ["/projects", "Projects"],
  ] as const;

  it("every page loads from its own URL and from the navigation, without console errors", async () => {
    for (const [path, title] of pages) {
      await page.goto(url + path);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      if (path === "/library") await page.getByTestId("seed-table").waitFor();
      await page.screenshot({ path: join(artifacts, `${path.slice(1)}.png`), fullPage: true });
    }
    for (const [path, title] of pages) {
      await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: title }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      assert.equal(new URL(page.url()).pathname, path);
    }
    assert.deepEqual(consoleErrors, []);
  });

  it("every analysis page has its analysis: none says it is not available", async () => {
    for (const [path, title] of pages) {
      await page.goto(url + path);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      assert.doesNotMatch(await page.locator("main").innerText(), /Not available in the workbench yet/, path);
    }
  });

  it("the Library shows the resistant lines, cell lines, mechanisms, parameters and protocols the API serves", async () => {
    await page.goto(`${url}/library`);
    // The page renders its tables when the API answers: wait for each before counting its rows.
    const rows = page.getByTestId("seed-table").locator("tbody tr");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 5);
    assert.match(await rows.first().innerText(), /KPL-4\s+T-DM1\s+5\s+>5000\s+1000/);
    const library = await (await fetch(`${url}/api/library`)).json();
    for (const id of ["cell-lines", "mechanisms", "parameters"]) {
      await page.getByTestId(id).locator("tbody tr").first().waitFor();
    }
    await page.getByTestId("protocols").locator("details").first().waitFor();
    assert.equal(await page.getByTestId("cell-lines").locator("tbody tr").count(), library.cellLines.length);
    assert.equal(await page.getByTestId("mechanisms").locator("tbody tr").count(), library.mechanisms.length);
    assert.equal(await page.getByTestId("parameters").locator("tbody tr").count(), library.parameters.length);
    assert.equal(await page.getByTestId("protocols").locator("details").count(), library.protocols.length);
    assert.ok(library.mechanisms.length >= 10 && library.protocols.length > 0 && library.cellLines.length > 0);
  });

  it("the units converter shows what `adclab convert` prints", async () => {
    await page.goto(`${url}/library`);
    const form = page.getByRole("form", { name: "Units converter" });
    const lines = await cliLines;
    for (const [i, [quantity, to, compound]] of CONVERSIONS.entries()) {
      await form.getByLabel("Quantity").fill(quantity);
      await form.getByLabel("to").selectOption(to);
      await form.getByLabel("compound").selectOption(compound);
      await form.getByRole("button", { name: "Convert" }).click();
      const expected = lines[i]!;
      await page
        .getByTestId("convert-result")
        .filter({ hasText: expected.split("=")[1]!.trim() })
        .waitFor();
      assert.equal(await page.getByTestId("convert-result").innerText(), expected);
    }
    await page.screenshot({ path: join(artifacts, "library-converter.png"), fullPage: true });
    // Bad input: the page shows the same problem the CLI names (the field is the API's, not the flag).
    await form.getByLabel("Quantity").fill("10 µg/mL");
    await form.getByLabel("to").selectOption("nM");
    await form.getByLabel("compound").selectOption("");
    await form.getByRole("button", { name: "Convert" }).click();
    const cliError = lines[CONVERSIONS.length]!.replace(/^adclab: <quantity>: /, "");
    await page.getByTestId("convert-error").waitFor();
    assert.equal(await page.getByTestId("convert-error").innerText(), `quantity: ${cliError}`);
    assert.deepEqual(
      consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });

  it("the troubleshooter ranks the same explanations as `adclab diagnose`", async () => {
    await page.goto(`${url}/troubleshooter`);
    await page.getByRole("textbox", { name: /^Observations/ }).fill(readFileSync(join(root, OBSERVATIONS), "utf8"));
    await page.getByRole("button", { name: "Diagnose" }).click();
    await page.getByTestId("candidates").waitFor();
    const expected = JSON.parse(await cliDiagnosis) as {
      candidates: { rank: number; name: string; posterior: number; prior: number }[];
      nextExperiments: { name: string; expectedInformationGain_bits: number; perDay_bits: number }[];
      tableRows: { row: number; causes: { rank: number }[]; steps: { rank?: number }[] }[];
    };
    const pct = (p: number) => (p >= 0.001 ? `${(p * 100).toFixed(1)}%` : "<0.1%");
    const rows = await page.getByTestId("candidates").locator("tbody tr").allInnerTexts();
    assert.deepEqual(
      rows.map((r) => r.split("\t").map((c) => c.trim())),
      expected.candidates.slice(0, 8).map((c) => [String(c.rank), c.name, pct(c.posterior), pct(c.prior)]),
    );
    assert.match(
      await page.getByTestId("next-experiment").innerText(),
      new RegExp(`^${escapeRe(expected.nextExperiments[0]!.name)} — `),
    );
    // Every assay not yet done, in the CLI's order, and re-ranked per day on request.
    const firstCells = async () =>
      (await page.getByTestId("experiments").locator("tbody tr").allInnerTexts()).map((r) =>
        r.split("\t").map((c) => c.trim()),
      );
    assert.deepEqual(
      (await firstCells()).map((r) => [r[0], r[1]!.split(" ± ")[0]]),
      expected.nextExperiments.map((e) => [e.name, e.expectedInformationGain_bits.toFixed(2)]),
    );
    await page.getByLabel("Rank the assays not yet done by").selectOption("perDay");
    assert.deepEqual(
      (await firstCells()).map((r) => r[0]),
      [...expected.nextExperiments].sort((a, b) => b.perDay_bits - a.perDay_bits).map((e) => e.name),
    );
    // The KPL-4 T-DM1R results show row 3 of the document's table (T-DM1 up, HER2 down).
    const tableText = await page.getByTestId("table-rows").innerText();
    assert.deepEqual(
      expected.tableRows.map((r) => r.row),
      [3],
    );
    assert.match(tableText, /Row 3: Reduced T-DM1 efficacy/);
    assert.deepEqual(
      [...tableText.matchAll(/ranks #(\d+)/g)].map((m) => Number(m[1])),
      expected.tableRows[0]!.causes.map((c) => c.rank),
    );
    assert.deepEqual(
      [...tableText.matchAll(/— #(\d+) of/g)].map((m) => Number(m[1])),
      expected.tableRows[0]!.steps.map((st) => st.rank),
    );
    await page.screenshot({ path: join(artifacts, "troubleshooter-diagnosis.png"), fullPage: true });
    assert.deepEqual(
      consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });

  it("a project, an experiment and an uploaded file with its SHA-256", async () => {
    await page.goto(`${url}/projects`);
    await page.getByPlaceholder("New project name").fill("BT-474 T-DM1R");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByPlaceholder("New experiment name").fill("MTT 72 h");
    await page.getByRole("button", { name: "Add experiment" }).click();
    await page.getByRole("heading", { name: "MTT 72 h" }).waitFor();
    const content = "conc_nM,viability\n0.1,0.98\n1,0.71\n10,0.22\n";
    const file = join(tmp, "plate1.csv");
    writeFileSync(file, content);
    await page.locator('input[type="file"]').setInputFiles(file);
    const sha = createHash("sha256").update(content).digest("hex");
    await page.getByText(sha).waitFor();
    await page.screenshot({ path: join(artifacts, "projects-upload.png"), fullPage: true });
    // The whole project downloads as one file holding the upload verbatim.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("project-export").click()]);
    assert.equal(download.suggestedFilename(), "BT-474-T-DM1R.adclab.json");
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
    const [f] = exported.experiments[0].files;
    assert.equal(Buffer.from(f.content_base64, "base64").toString("utf8"), content);
    assert.equal(f.sha256, sha);
    assert.deepEqual(
      consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });
});
