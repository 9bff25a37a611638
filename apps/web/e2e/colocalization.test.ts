/**
 * The Co-localization page in Chromium: upload the committed fixture images, pick channels from
 * their previews, and see exactly the numbers `adclab coloc` prints for the same files and options
 * (the CLI run as a separate process); the per-cell table with a label image, the cytofluorogram,
 * the CSV export; a bad file shows the CLI's message; a batch job with progress, cancel, and one
 * the server's restart interrupts. Screenshots in test-artifacts/web/.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { artifacts, cli, openWorkbench, root, skipWithoutChromium, type Workbench } from "./harness.ts";

const FIXTURES = join(root, "packages/core/src/coloc/__fixtures__");
const fx = (name: string) => join(FIXTURES, name);

/** The CLI's metric table ("metric  value" with a rule) as [name, value] pairs. */
function cliMetricTable(text: string): string[][] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^metric\s+value$/.test(l));
  return lines.slice(start + 2, start + 13).map((l) => l.trim().split(/\s+/));
}

/** The CLI's per-row table as lists of cells (the empty slice column dropped). */
function cliRowsTable(text: string): string[][] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^slice\s+cell\s+pixels/.test(l));
  return lines.slice(start + 2).map((l) => l.trim().split(/\s+/));
}

async function tableCells(page: Page, testId: string): Promise<string[][]> {
  const rows = await page.getByTestId(testId).locator("tbody tr").allInnerTexts();
  return rows.map((r) =>
    r
      .split("\t")
      .map((c) => c.trim())
      .filter((c) => c !== ""),
  );
}

describe("the Co-localization page in Chromium", { skip: skipWithoutChromium }, () => {
  let wb: Workbench;
  let page: Page;
  let cliOme: Promise<string>;
  let cliCells: Promise<string>;
  let cliBad: Promise<string>;
  let cliBatch: Promise<string>;
  const batch = mkdtempSync(join(tmpdir(), "adclab-coloc-batch-web-"));
  const BATCH_IMAGES = ["pair-u16-imagej.tif", "pair-u8-packbits.tif", "pair-labels.tif"];

  before(async () => {
    for (const f of BATCH_IMAGES) copyFileSync(fx(f), join(batch, f));
    writeFileSync(
      join(batch, "design.csv"),
      "image,condition,time_h,labels\npair-u16-imagej.tif,parental,2,pair-labels.tif\npair-u8-packbits.tif,T-DM1R,2,pair-labels.tif\n",
    );
    writeFileSync(
      join(batch, "design-long.csv"),
      [
        "image,condition,time_h",
        ...Array.from({ length: 12 }, (_, i) => `pair-u16-imagej.tif,${i % 2 ? "T-DM1R" : "parental"},2`),
      ].join("\n"),
    );
    mkdirSync(join(batch, "out"));
    cliBatch = cli(
      "coloc",
      "--batch",
      batch,
      "--design",
      join(batch, "design.csv"),
      "--out",
      join(batch, "out"),
      "--costes-iterations",
      "0",
    );
    cliOme = cli("coloc", fx("pair-u16-deflate.ome.tif"), "--ch1", "2", "--ch2", "1", "--costes-iterations", "20");
    cliCells = cli(
      "coloc",
      fx("pair-u16-imagej.tif"),
      "--labels",
      fx("pair-labels.tif"),
      "--threshold",
      "otsu",
      "--costes-iterations",
      "5",
    );
    cliBad = cli("coloc", fx("pair-u16-imagej.tif"), "--mask", fx("zstack-u16-imagej.tif"));
    wb = await openWorkbench();
    page = wb.page;
  });
  after(async () => {
    await wb?.close();
    rmSync(batch, { recursive: true, force: true });
  });

  it("an OME-TIFF: channel previews by name, then the metrics, thresholds and Costes test `adclab coloc` prints", async () => {
    await page.goto(`${wb.url}/colocalization`);
    await page.getByRole("heading", { level: 1, name: "Co-localization" }).waitFor();
    await page.getByLabel("Image (TIFF, OME-TIFF, ImageJ hyperstack)").setInputFiles(fx("pair-u16-deflate.ome.tif"));
    const previews = page.getByTestId("coloc-previews");
    await previews.waitFor();
    assert.deepEqual(await previews.locator("figcaption").allInnerTexts(), ["1 · T-DM1-488", "2 · LAMP1-594"]);
    assert.match(await previews.locator("p").innerText(), /128×96, 2 channels, uint16 \(ome\), pixel 0\.108 µm/);
    // every preview image decoded by the browser at its size
    const sizes = await previews
      .locator("img")
      .evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => [i.naturalWidth, i.naturalHeight]));
    assert.deepEqual(sizes, [
      [128, 96],
      [128, 96],
    ]);
    await page.locator('select[name="ch1"]').selectOption("2");
    await page.locator('select[name="ch2"]').selectOption("1");
    await page.locator('input[name="iterations"]').fill("20");
    await page.getByRole("button", { name: "Analyse" }).click();
    await page.getByTestId("coloc-metrics").waitFor();
    const text = await cliOme;
    const lines = text.split("\n");
    // the CLI names the file by its path, the page by its uploaded name
    assert.equal(await page.getByTestId("coloc-head").innerText(), lines[0]!.replace(`${FIXTURES}/`, ""));
    assert.equal(await page.getByTestId("coloc-thresholds").innerText(), lines[1]);
    assert.deepEqual(await tableCells(page, "coloc-metrics"), cliMetricTable(text));
    assert.equal(
      await page.getByTestId("coloc-costes").innerText(),
      lines.find((l) => l.startsWith("Costes test")),
    );
    const img = page.getByTestId("coloc-cytofluorogram");
    await page.waitForFunction(
      (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
      await img.elementHandle(),
    );
    await page.screenshot({ path: join(artifacts, "colocalization-ome.png"), fullPage: true });
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("per cell with a label image: the table `adclab coloc --labels` prints, and its CSV export", async () => {
    await page.goto(`${wb.url}/colocalization`);
    await page.getByLabel("Image (TIFF, OME-TIFF, ImageJ hyperstack)").setInputFiles(fx("pair-u16-imagej.tif"));
    await page.getByTestId("coloc-previews").waitFor();
    await page.locator('select[name="region"]').selectOption("labels");
    await page.locator('input[name="regionFile"]').setInputFiles(fx("pair-labels.tif"));
    await page.getByText("Label image: pair-labels.tif").waitFor();
    await page.locator('select[name="threshold"]').selectOption("otsu");
    await page.locator('input[name="iterations"]').fill("5");
    await page.getByRole("button", { name: "Analyse" }).click();
    await page.getByTestId("coloc-rows").waitFor();
    const expected = cliRowsTable(await cliCells);
    assert.equal(expected.length, 4);
    assert.deepEqual(await tableCells(page, "coloc-rows"), expected);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("coloc-csv").click()]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const csv = readFileSync(path, "utf8").trim().split("\n");
    assert.equal(csv.length, 5);
    const head = csv[0]!.split(",");
    // the CSV holds the full-precision values the table shows to 4 digits
    const cell1 = csv[1]!.split(",");
    assert.equal(cell1[head.indexOf("cell")], expected[0]![0]);
    assert.equal(Number(Number(cell1[head.indexOf("pearson")]).toPrecision(4)).toString(), expected[0]![2]);
    await page.screenshot({ path: join(artifacts, "colocalization-cells.png"), fullPage: true });
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("a mask of another size: the CLI's message, no result", async () => {
    await page.goto(`${wb.url}/colocalization`);
    await page.getByLabel("Image (TIFF, OME-TIFF, ImageJ hyperstack)").setInputFiles(fx("pair-u16-imagej.tif"));
    await page.getByTestId("coloc-previews").waitFor();
    await page.locator('select[name="region"]').selectOption("mask");
    await page.locator('input[name="regionFile"]').setInputFiles(fx("zstack-u16-imagej.tif"));
    await page.getByText("Mask: zstack-u16-imagej.tif").waitFor();
    await page.getByRole("button", { name: "Analyse" }).click();
    await page.getByRole("alert").waitFor();
    const message = (await cliBad).replace(/^adclab: /, "");
    // CLI: "<path>, --mask: is 48×40×4 but …"; API: "<name>, inputs.mask: is 48×40×4 but …"
    assert.equal(
      await page.getByRole("alert").innerText(),
      message.replace(`${FIXTURES}/`, "").replace("--mask", "inputs.mask"),
    );
    assert.equal(await page.getByTestId("coloc-result").count(), 0);
    await page.screenshot({ path: join(artifacts, "colocalization-error.png"), fullPage: true });
    assert.deepEqual(
      wb.consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });

  it("a batch job: progress bar, the comparison `adclab coloc --batch` prints, and Cancel stops a long one", async () => {
    await page.goto(`${wb.url}/colocalization`);
    await page.locator('input[name="batchImages"]').setInputFiles(BATCH_IMAGES.map((f) => join(batch, f)));
    await page.getByTestId("batch-files").getByText("pair-labels.tif").waitFor();
    await page.locator('input[name="design"]').setInputFiles(join(batch, "design.csv"));
    await page.getByTestId("batch-files").getByText("design table design.csv").waitFor();
    await page.locator('input[name="batchIterations"]').fill("0");
    await page.getByRole("button", { name: "Run batch" }).click();
    // worker threads start slowly on a loaded machine: wait for the job to end, however long
    const ended = page.locator('[data-testid="batch-job"]:not([data-status="running"])');
    await ended.waitFor({ timeout: 180_000 });
    assert.equal(await ended.getAttribute("data-status"), "done", await ended.innerText());
    await page.getByTestId("batch-comparison").waitFor();
    assert.equal(await page.getByTestId("batch-progress").innerText(), "2 / 2 — done");
    assert.equal(await page.getByRole("progressbar", { name: "Batch progress" }).getAttribute("value"), "2");
    const text = await cliBatch;
    const lines = text.split("\n");
    const head = lines.findIndex((l) => l.startsWith("time_h"));
    const expected = lines.slice(head + 2, -1).map((l) => l.split(/\s{2,}/));
    assert.equal(expected.length, 1);
    assert.deepEqual(await tableCells(page, "batch-comparison"), expected);
    await page.screenshot({ path: join(artifacts, "colocalization-batch.png"), fullPage: true });

    // A long batch (12 images × 3000 Costes shuffles), cancelled while it runs: nothing is stored.
    const count = async () => {
      const projects = (await (await fetch(`${wb.url}/api/projects`)).json()) as { id: string; name: string }[];
      const p = projects.find((x) => x.name === "Co-localization")!;
      const exps = (await (await fetch(`${wb.url}/api/projects/${p.id}/experiments`)).json()) as { id: string }[];
      let n = 0;
      for (const e of exps)
        n += ((await (await fetch(`${wb.url}/api/experiments/${e.id}/analyses`)).json()) as []).length;
      return n;
    };
    const before = await count();
    await page.locator('input[name="design"]').setInputFiles(join(batch, "design-long.csv"));
    await page.getByTestId("batch-files").getByText("design table design-long.csv").waitFor();
    await page.locator('input[name="batchIterations"]').fill("3000");
    await page.getByRole("button", { name: "Run batch" }).click();
    await page.locator('[data-testid="batch-job"][data-status="running"]').waitFor();
    await page
      .getByTestId("batch-progress")
      .getByText(/^\d+ \/ 12 — /)
      .waitFor();
    await page.screenshot({ path: join(artifacts, "colocalization-batch-running.png"), fullPage: true });
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator('[data-testid="batch-job"][data-status="cancelled"]').waitFor();
    assert.match(
      await page.getByRole("status").innerText(),
      /Cancelled: the worker threads stopped and nothing was stored/,
    );
    assert.equal(await count(), before);
    await page.screenshot({ path: join(artifacts, "colocalization-batch-cancelled.png"), fullPage: true });
    assert.deepEqual(
      wb.consoleErrors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });

  it("a batch running when the server restarts: the page follows it through the restart and shows it interrupted", async () => {
    const before = wb.consoleErrors.length;
    await page.getByRole("button", { name: "Run batch" }).click();
    await page.locator('[data-testid="batch-job"][data-status="running"]').waitFor();
    await page
      .getByTestId("batch-progress")
      .getByText(/^[1-9]\d* \/ 12 — /)
      .waitFor();
    await wb.restartServer();
    await page.locator('[data-testid="batch-job"][data-status="interrupted"]').waitFor();
    const alert = await page.getByTestId("batch-job").getByRole("alert").innerText();
    assert.match(
      alert,
      /^Interrupted after \d+ of 12: the server stopped while this job ran; nothing was stored; submit it again\.$/,
    );
    assert.match(await page.getByTestId("batch-progress").innerText(), /^\d+ \/ 12 — interrupted$/);
    assert.equal(await page.getByRole("button", { name: "Run batch" }).isEnabled(), true, "it can be submitted again");
    await page.screenshot({ path: join(artifacts, "colocalization-batch-interrupted.png"), fullPage: true });
    // While the server was down the page's polls failed (the browser logs those); nothing else.
    assert.deepEqual(
      wb.consoleErrors.slice(before).filter((e) => !/ERR_CONNECTION_REFUSED|Failed to fetch/.test(e)),
      [],
    );
  });
});
