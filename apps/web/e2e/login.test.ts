/**
 * Server mode in Chromium: the workbench started with `--server-mode` on a fresh embedded data
 * folder, its first administrator from ADCLAB_ADMIN_USER / ADCLAB_ADMIN_PASSWORD. The page asks
 * for a login; a wrong password is refused with a clear message; the right one opens the Projects
 * page with every API call authorized; a token the server refuses (401) returns to the login
 * form; Log out ends the session. (Embedded mode shows no login: explorer.test.ts checks that.)
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { artifacts, openWorkbench, root, skipWithoutChromium, type Workbench } from "./harness.ts";

const DOSE_FIXTURE = "examples/dose-response/reversal-long.csv";

const USER = "pi";
const PASSWORD = randomBytes(12).toString("base64url");

describe("logging in to a server-mode workbench in Chromium", { skip: skipWithoutChromium }, () => {
  let wb: Workbench;
  let page: Page;

  before(async () => {
    wb = await openWorkbench(["--server-mode"], { env: { ADCLAB_ADMIN_USER: USER, ADCLAB_ADMIN_PASSWORD: PASSWORD } });
    page = wb.page;
  });
  after(async () => {
    await wb?.close();
  });

  const form = () => page.getByRole("form", { name: "Log in" });
  async function logIn(password: string) {
    await form().getByLabel("Username").fill(USER);
    await form().getByLabel("Password").fill(password);
    await form().getByRole("button", { name: "Log in" }).click();
  }

  it("the server requires a token; the page shows only the login form", async () => {
    const r = await fetch(`${wb.url}/api/projects`);
    assert.equal(r.status, 401);
    await page.goto(`${wb.url}/projects`);
    await form().waitFor();
    assert.equal(await page.getByRole("navigation", { name: "Pages" }).count(), 0);
    assert.equal(await page.getByRole("heading", { name: "Projects" }).count(), 0);
    await page.screenshot({ path: join(artifacts, "login.png"), fullPage: true });
  });

  it("a wrong password is refused with a clear message; the right one opens the Projects page", async () => {
    await page.goto(`${wb.url}/projects`);
    await logIn(`${PASSWORD}x`);
    assert.equal(
      await page.getByTestId("login-error").innerText(),
      "Wrong username or password. Check both and try again.",
    );
    await page.screenshot({ path: join(artifacts, "login-wrong-password.png"), fullPage: true });
    await logIn(PASSWORD);
    await page.getByRole("heading", { level: 1, name: "Projects" }).waitFor();
    assert.match(await page.getByTestId("user-badge").innerText(), new RegExp(`Logged in as ${USER}\\s+Log out`));
    // The page's API calls carry the token: a project can be created and is listed.
    await page.getByPlaceholder("New project name").fill("Shared T-DM1R panel");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByText("Shared T-DM1R panel").first().waitFor();
    // An uploaded file's link works in server mode too: it is fetched with the token.
    await page.getByPlaceholder("New experiment name").fill("plate 1");
    await page.getByRole("button", { name: "Add experiment" }).click();
    await page.getByRole("heading", { name: "plate 1" }).waitFor();
    const content = "conc_nM,viability\n0.1,0.98\n1,0.71\n";
    const file = join(wb.tmp, "plate1.csv");
    writeFileSync(file, content);
    await page.locator('input[type="file"]').setInputFiles(file);
    const link = page.getByRole("link", { name: "plate1.csv" });
    await page.locator('a[href^="blob:"]', { hasText: "plate1.csv" }).waitFor();
    const href = (await link.getAttribute("href"))!;
    assert.equal(await page.evaluate(async (u) => (await fetch(u)).text(), href), content);
    await page.screenshot({ path: join(artifacts, "login-projects.png"), fullPage: true });
    // The session survives a reload of the tab.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Projects" }).waitFor();
    await page.getByText("Shared T-DM1R panel").first().waitFor();
  });

  it("an analysis's figure and exports are fetched with the token (a plain link would get 401)", async () => {
    await page.goto(`${wb.url}/dose-response`);
    await page.getByRole("heading", { level: 1, name: "Dose–response" }).waitFor();
    await page.getByLabel("Plate-reader file or long table (CSV, TSV)").setInputFiles(join(root, DOSE_FIXTURE));
    await page.getByTestId("dose-uploaded").waitFor();
    await page.getByRole("button", { name: "Fit" }).click();
    await page.getByTestId("dose-curves").waitFor();
    const img = page.getByTestId("dose-figure");
    await img.waitFor();
    await img.evaluate((i: HTMLImageElement) => (i.complete ? null : new Promise((r) => (i.onload = r))));
    assert.ok((await img.evaluate((i: HTMLImageElement) => i.naturalWidth)) > 200, "the figure was drawn");
    assert.match((await img.getAttribute("src"))!, /^blob:/);
    await page.locator('[data-testid="dose-svg"][href^="blob:"]').waitFor();
    const svg = await page.evaluate(
      async (u) => (await fetch(u)).text(),
      (await page.getByTestId("dose-svg").getAttribute("href"))!,
    );
    assert.match(svg, /^<svg|^<\?xml/);
    await page.screenshot({ path: join(artifacts, "login-dose-response.png"), fullPage: true });
  });

  it("a token the server refuses (401) returns to the login form, saying why", async () => {
    await page.goto(`${wb.url}/projects`);
    await page.getByRole("heading", { level: 1, name: "Projects" }).waitFor();
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem("adclab.session")!);
      sessionStorage.setItem("adclab.session", JSON.stringify({ ...s, token: "0".repeat(64) }));
    });
    await page.reload();
    await form().waitFor();
    assert.match(await page.getByTestId("login-reason").innerText(), /invalid or revoked token: log in again/);
  });

  it("Log out revokes the token, ends the session and shows the login form", async () => {
    await page.goto(`${wb.url}/projects`);
    await logIn(PASSWORD);
    await page.getByRole("heading", { level: 1, name: "Projects" }).waitFor();
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("adclab.session")!).token as string);
    await page.getByRole("button", { name: "Log out" }).click();
    await form().waitFor();
    // The server revoked the token: it no longer opens anything.
    const me = await fetch(`${wb.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 401);
    assert.equal(await page.getByTestId("login-reason").innerText(), "You have logged out.");
    assert.equal(await page.evaluate(() => sessionStorage.getItem("adclab.session")), null);
    await page.reload();
    await form().waitFor();
    // The only console errors are the refused requests themselves (wrong password, the bad token).
    assert.deepEqual(
      wb.consoleErrors.filter((e) => !/status of 401/.test(e)),
      [],
    );
  });
});
