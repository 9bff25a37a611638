/**
 * The pathway explorer in Chromium: the diagram draws every step and a switch for every mechanism
 * of the model; switching a mechanism on moves the predicted IC50s exactly as the simulator says —
 * the expectation is computed here, at run time, by the core's simulateViability (the function
 * `adclab simulate` calls) and by the CLI itself, with the strength the page shows; the page stays
 * responsive while the worker computes. Screenshots in test-artifacts/web/.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { MECHANISMS, simulateViability } from "@adclab/core";
import type { Page } from "playwright-core";
import { artifacts, cli, openWorkbench, skipWithoutChromium, type Workbench } from "./harness.ts";

/** The page's precision: 3 significant digits, plain notation from 1e-3 to 1e6 (as the CLI). */
function shown(x: number): string {
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? Number(x.toPrecision(3)).toString() : x.toExponential(2);
}

function ic50Text(r: { ic50: { value_nM: number; qualifier: string } }): string {
  return `${r.ic50.qualifier === "=" ? "" : `${r.ic50.qualifier} `}${shown(r.ic50.value_nM)} nM`;
}

async function settled(page: Page) {
  await page.locator('[data-testid="sim-status"][data-state="done"]').waitFor({ timeout: 30_000 });
}

const LINE = "SK-BR-3";
const MECHANISM = "slc46a3-loss";

describe("the pathway explorer in Chromium", { skip: skipWithoutChromium }, () => {
  let wb: Workbench;
  let page: Page;

  before(async () => {
    wb = await openWorkbench();
    page = wb.page;
  });
  after(async () => {
    await wb?.close();
  });

  it("draws the pathway with a switch and a slider for every mechanism, without console errors", async () => {
    await page.goto(`${wb.url}/explorer`);
    await page.getByRole("heading", { level: 1, name: "Pathway explorer" }).waitFor();
    await settled(page);
    for (const step of ["binding", "internalization", "recycling", "sorting", "proteolysis", "slc46a3", "cytosol"]) {
      assert.equal(await page.getByTestId(`step-${step}`).count(), 1, step);
    }
    for (const step of ["efflux", "tubulin", "arrest", "apoptosis", "signalling"]) {
      assert.equal(await page.getByTestId(`step-${step}`).count(), 1, step);
    }
    for (const m of MECHANISMS) {
      assert.equal(await page.getByTestId(`mech-${m.id}`).isChecked(), false, m.id);
      assert.equal(await page.getByTestId(`strength-${m.id}`).isDisabled(), true, m.id);
    }
    const parental = simulateViability({ cellLine: LINE, drug: "T-DM1" });
    assert.equal(await page.getByTestId("ic50-tdm1").innerText(), ic50Text(parental));
    // Embedded mode: no login form, nobody logged in.
    assert.equal(await page.getByRole("form", { name: "Log in" }).count(), 0);
    assert.equal(await page.getByTestId("user-badge").count(), 0);
    await page.screenshot({ path: join(artifacts, "explorer-parental.png"), fullPage: true });
    assert.deepEqual(wb.consoleErrors, []);
  });

  it(`switching on ${MECHANISM} moves the T-DM1 IC50 as the simulator says, and free DM1 as it says`, async () => {
    await page.goto(`${wb.url}/explorer`);
    await settled(page);
    const parentalTdm1 = await page.getByTestId("ic50-tdm1").innerText();
    const parentalFree = await page.getByTestId("ic50-freeDm1").innerText();
    await page.getByTestId(`switch-${MECHANISM}`).click();
    assert.equal(await page.getByTestId(`mech-${MECHANISM}`).isChecked(), true);
    const slider = page.getByTestId(`strength-${MECHANISM}`);
    await slider.fill(String(Number(await slider.getAttribute("max")) - 3));
    const strength = Number((await page.getByTestId(`strength-value-${MECHANISM}`).innerText()).replace("×", ""));
    assert.ok(strength > 1, `strength ${strength}`);
    const viaCli = cli("simulate", "--cell-line", LINE, "--mechanism", `${MECHANISM}=${strength}`, "--json");
    await settled(page);

    const mechanisms = [{ id: MECHANISM, strength }] as const;
    const tdm1 = simulateViability({ cellLine: LINE, mechanisms: [...mechanisms], drug: "T-DM1" });
    const free = simulateViability({ cellLine: LINE, mechanisms: [...mechanisms], drug: "free-DM1" });
    const pageTdm1 = await page.getByTestId("ic50-tdm1").innerText();
    assert.equal(pageTdm1, ic50Text(tdm1));
    assert.notEqual(pageTdm1, parentalTdm1, "the T-DM1 IC50 moved");
    const fromCli = JSON.parse(await viaCli) as { ic50_nM: number; ic50: { value_nM: number; qualifier: string } };
    assert.equal(pageTdm1, ic50Text(fromCli), "the page shows what `adclab simulate` prints");

    const parentalFreeSim = simulateViability({ cellLine: LINE, drug: "free-DM1" });
    assert.equal(await page.getByTestId("ic50-freeDm1").innerText(), ic50Text(free));
    if (ic50Text(free) === ic50Text(parentalFreeSim)) {
      assert.equal(await page.getByTestId("ic50-freeDm1").innerText(), parentalFree, "free DM1 unchanged");
    }
    await page.screenshot({ path: join(artifacts, "explorer-slc46a3-loss.png"), fullPage: true });
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("the newest settings win: after quick slider moves the page shows the last strength's prediction", async () => {
    await page.goto(`${wb.url}/explorer`);
    await settled(page);
    await page.getByTestId("switch-her2-loss").click();
    const slider = page.getByTestId("strength-her2-loss");
    const max = Number(await slider.getAttribute("max"));
    // Moves faster than the worker answers: older requests are dropped, never shown last.
    for (const k of [max, 1, max - 1, 2]) await slider.fill(String(k));
    const strength = Number((await page.getByTestId("strength-value-her2-loss").innerText()).replace("×", ""));
    await settled(page);
    const expected = simulateViability({ cellLine: LINE, mechanisms: [{ id: "her2-loss", strength }], drug: "T-DM1" });
    assert.equal(await page.getByTestId("ic50-tdm1").innerText(), ic50Text(expected));
    assert.deepEqual(wb.consoleErrors, []);
  });

  it("stays responsive while the worker computes: a switch answers a click mid-computation", async () => {
    await page.goto(`${wb.url}/explorer`);
    await settled(page);
    // Record, in the page, the worker's state at the moment each click on the switch is handled.
    await page.evaluate(() => {
      const w = window as unknown as { clickedDuring: string[] };
      w.clickedDuring = [];
      const status = document.querySelector('[data-testid="sim-status"]')!;
      document
        .querySelector('[data-testid="mech-tubulin-altered"]')!
        .addEventListener("click", () => w.clickedDuring.push(status.getAttribute("data-state") ?? ""), true);
    });
    const box = (await page.getByTestId("switch-tubulin-altered").boundingBox())!;
    const lines = ["BT-474", "NCI-N87", "KPL-4"];
    for (const [i, line] of lines.entries()) {
      const computing = page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const status = document.querySelector('[data-testid="sim-status"]')!;
            const seen = new MutationObserver(() => {
              if (status.getAttribute("data-state") !== "computing") return;
              seen.disconnect();
              resolve();
            });
            seen.observe(status, { attributes: true });
          }),
      );
      await page.getByLabel("Cell line").selectOption(line);
      await computing;
      // A raw input event at the switch: the page handles it as soon as its main thread is free.
      await page.mouse.click(box.x + 12, box.y + box.height / 2);
      assert.equal(await page.getByTestId("mech-tubulin-altered").isChecked(), i % 2 === 0, "the click was answered");
      await settled(page);
    }
    const during = await page.evaluate(() => (window as unknown as { clickedDuring: string[] }).clickedDuring);
    assert.equal(during.length, lines.length);
    assert.ok(
      during.includes("computing"),
      `at least one click was handled while the worker computed (states at the clicks: ${during.join(", ")})`,
    );
    assert.deepEqual(wb.consoleErrors, []);
  });
});
