import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { Hono } from "hono";
import { serveWeb } from "./static.ts";

describe("serving the built web app", () => {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-static-"));
  const dist = join(tmp, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dist, "assets", "app-1234.js"), "console.log(1)");
  writeFileSync(join(tmp, "secret.txt"), "not for the web");
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const app = new Hono().get("*", (c) => serveWeb(c, dist));
  const get = async (path: string) => {
    const r = await app.request(`http://127.0.0.1${path}`);
    return {
      status: r.status,
      type: r.headers.get("content-type"),
      cache: r.headers.get("cache-control"),
      body: await r.text(),
    };
  };

  it("serves files, with long caching only for fingerprinted assets", async () => {
    const js = await get("/assets/app-1234.js");
    assert.equal(js.body, "console.log(1)");
    assert.match(js.type ?? "", /^text\/javascript/);
    assert.match(js.cache ?? "", /immutable/);
    assert.equal((await get("/")).cache, "no-cache");
  });

  it("answers page paths with index.html (client-side routing)", async () => {
    assert.match((await get("/library")).body, /<title>app<\/title>/);
    const malformed = await get("/%E0%A4%A");
    assert.equal(malformed.status, 200);
    assert.match(malformed.body, /<title>app<\/title>/);
  });

  it("never serves a file outside dist, however the path is written", async () => {
    for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt"]) {
      const r = await get(p);
      assert.doesNotMatch(r.body, /not for the web/, p);
    }
  });
});
