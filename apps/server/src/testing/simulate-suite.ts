/**
 * The simulator part of the API suite (run on PGlite and on PostgreSQL): `POST /api/simulate`
 * answers with what `adclab simulate --json` prints (the procedure the CLI calls, and the core's
 * experiment functions called directly), matches its OpenAPI response schema, refuses bad input
 * with the CLI's problem text, and can be stored as an analysis of an experiment.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { CLI_SIMULATION_FIELDS, parseSimulationRequest, runSimulation } from "@adclab/analyses";
import { InputError, simulatePulseChase, simulateViability } from "@adclab/core";
import type { App } from "../context.ts";
import { SimulateResult } from "../routes/simulate.ts";

// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field in the tests
type Call = (app: App, method: string, path: string, o?: { body?: unknown; token?: string }) => Promise<any>;

/** The problem text `adclab simulate` prints for the same bad input (its own flag names). */
function cliProblem(flags: Parameters<typeof parseSimulationRequest>[0]): { problem: string; expected?: string } {
  try {
    parseSimulationRequest(flags, CLI_SIMULATION_FIELDS);
  } catch (e) {
    if (e instanceof InputError) return { problem: e.problem, ...(e.expected ? { expected: e.expected } : {}) };
    throw e;
  }
  throw new Error("the CLI accepted the input");
}

export function simulateApiTests(get: () => { local: App; server: App }, call: Call) {
  describe("simulator", () => {
    let app: App;
    before(() => {
      app = get().local;
    });

    it("viability: the IC50 the core's simulateViability gives, the JSON `adclab simulate --json` prints", async () => {
      const body = { cellLine: "BT-474M1", mechanisms: [{ id: "slc46a3-loss", strength: 6 }] };
      const r = await call(app, "POST", "/api/simulate", { body });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      const direct = simulateViability({ cellLine: "BT-474M1", mechanisms: body.mechanisms as never, drug: "T-DM1" });
      assert.equal(r.json.ic50_nM, direct.ic50_nM);
      assert.deepEqual(r.json.viability, direct.viability);
      assert.deepEqual(r.json.settings, { cellLine: "BT-474M1", mechanisms: body.mechanisms, inhibitors: [] });
      const cli = runSimulation(
        parseSimulationRequest({ cellLine: "BT-474M1", mechanisms: ["slc46a3-loss=6"] }, CLI_SIMULATION_FIELDS),
      ).result;
      assert.deepEqual(r.json, JSON.parse(JSON.stringify(cli)));
      assert.equal(SimulateResult.safeParse(r.json).success, true);
    });

    it("pulse–chase with units: 10 µg/mL is 67.34 nM of T-DM1, chase times as given", async () => {
      const r = await call(app, "POST", "/api/simulate", {
        body: {
          cellLine: "SK-BR-3",
          experiment: "pulse-chase",
          dose: "10ug/mL",
          times: ["2h", "6h"],
          mechanisms: [{ id: "trafficking-impaired", strength: 5 }],
        },
      });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      assert.ok(Math.abs(r.json.pulse_nM - 1e4 / 148.5) < 1e-9); // 10 µg/mL ÷ 148,500 g/mol, by hand
      const direct = simulatePulseChase(
        { cellLine: "SK-BR-3", mechanisms: [{ id: "trafficking-impaired", strength: 5 }] },
        { pulse_nM: 1e4 / 148.5, chase_h: [2, 6] },
      );
      assert.deepEqual(
        r.json.points.map((p: { fractionInLysosomes: number }) => p.fractionInLysosomes),
        direct.points.map((p) => p.fractionInLysosomes),
      );
      assert.equal(SimulateResult.safeParse(r.json).success, true);
    });

    const bad: [string, Record<string, unknown>, Parameters<typeof parseSimulationRequest>[0], string][] = [
      [
        "unknown mechanism",
        { cellLine: "SK-BR-3", mechanisms: [{ id: "bogus-loss", strength: 2 }] },
        { cellLine: "SK-BR-3", mechanisms: ["bogus-loss=2"] },
        "mechanisms",
      ],
      [
        "strength out of range",
        { cellLine: "SK-BR-3", mechanisms: [{ id: "her2-loss", strength: 0 }] },
        { cellLine: "SK-BR-3", mechanisms: ["her2-loss=0"] },
        "mechanisms",
      ],
      [
        "bad unit",
        { cellLine: "SK-BR-3", doses: ["1nM", "2furlong"] },
        { cellLine: "SK-BR-3", doses: "1nM,2furlong" },
        "doses",
      ],
      ["unknown cell line", { cellLine: "HeLa-X" }, { cellLine: "HeLa-X" }, "cellLine"],
      ["time not positive", { cellLine: "SK-BR-3", time: "0h" }, { cellLine: "SK-BR-3", time: "0h" }, "time"],
    ];
    for (const [what, body, flags, field] of bad) {
      it(`bad input (${what}): 400 with the CLI's problem text, field '${field}'`, async () => {
        const r = await call(app, "POST", "/api/simulate", { body });
        assert.equal(r.status, 400);
        assert.equal(r.json.error, "input");
        assert.equal(r.json.field, field);
        const cli = cliProblem(flags);
        assert.equal(r.json.problem, cli.problem);
        assert.equal(r.json.expected, cli.expected);
        assert.ok(r.json.message.startsWith(`${field}: ${cli.problem}`), r.json.message);
      });
    }

    it("a misspelt field is a 400 naming it, not silently ignored", async () => {
      const r = await call(app, "POST", "/api/simulate", {
        body: { cellLine: "SK-BR-3", mechanism: [{ id: "her2-loss", strength: 2 }] },
      });
      assert.equal(r.status, 400);
      assert.match(r.json.message, /mechanism/);
    });

    it("is in the OpenAPI document with its request and response schemas", async () => {
      const doc = (await call(app, "GET", "/openapi.json")).json;
      const op = doc.paths["/api/simulate"].post;
      assert.equal(op.requestBody.content["application/json"].schema.$ref, "#/components/schemas/SimulateRequest");
      assert.equal(op.responses["200"].content["application/json"].schema.$ref, "#/components/schemas/SimulateResult");
      assert.ok(op.responses["400"]);
      assert.ok(doc.components.schemas.SimulatedViability.properties.ic50_nM);
    });

    it("a stored `simulate` analysis keeps the request and the same result; bad input stores nothing", async () => {
      const p = await call(app, "POST", "/api/projects", { body: { name: "simulations" } });
      const e = await call(app, "POST", `/api/projects/${p.json.id}/experiments`, { body: { name: "model" } });
      const inputs = {
        cellLine: "JIMT-1",
        mechanisms: [{ id: "her2-loss", strength: 2 }],
        doses: "0.01,0.1,1,10,100nM",
      };
      const stored = await call(app, "POST", `/api/experiments/${e.json.id}/analyses`, {
        body: { kind: "simulate", inputs },
      });
      assert.equal(stored.status, 201, JSON.stringify(stored.json));
      assert.equal(stored.json.status, "done");
      assert.deepEqual(stored.json.inputs, inputs);
      const live = await call(app, "POST", "/api/simulate", { body: inputs });
      assert.deepEqual(stored.json.results, live.json);
      const refused = await call(app, "POST", `/api/experiments/${e.json.id}/analyses`, {
        body: { kind: "simulate", inputs: { cellLine: "JIMT-1", mechanisms: [{ id: "her2-loss", strength: -1 }] } },
      });
      assert.equal(refused.status, 400);
      assert.equal(refused.json.field, "inputs.mechanisms");
      assert.equal(refused.json.problem, cliProblem({ cellLine: "JIMT-1", mechanisms: ["her2-loss=-1"] }).problem);
      const list = (await call(app, "GET", `/api/experiments/${e.json.id}/analyses`)).json;
      assert.equal(list.length, 1);
    });

    it("server mode: a simulation needs a login (401 without a token)", async () => {
      const r = await call(get().server, "POST", "/api/simulate", { body: { cellLine: "SK-BR-3" } });
      assert.equal(r.status, 401);
    });
  });
}
