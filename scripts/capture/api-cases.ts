/**
 * The API requests whose responses are captured (scripts/capture/README.md): one session on a
 * fresh embedded PGlite, in this order, each request recorded under its name. Later requests use
 * the ids earlier answers gave (files, analyses, jobs), so the session runs as a whole.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openDb, Store } from "@adclab/db";
import { type ComputePool, createComputePool } from "../../apps/server/src/analyses/compute-pool.ts";
import { createApp } from "../../apps/server/src/app.ts";
import type { App } from "../../apps/server/src/context.ts";
import { JobManager } from "../../apps/server/src/jobs/job-manager.ts";
import { type ApiResponse, Normalizer, ROOT, renderApi } from "./capture-lib.ts";

const LOCAL = "http://127.0.0.1";
/** Polls of a job's status before giving up (each after a 10 ms pause): far more than any job here needs. */
const MAX_POLLS = 6000;

export interface ApiCapture {
  /** The recorded exchanges, by case name, in the order they ran. */
  cases: Map<string, string>;
  /** GET /openapi.json, indented and normalized: kept for review, not compared byte for byte. */
  openapi: string;
}

class Session {
  readonly cases = new Map<string, string>();
  readonly norm = new Normalizer();
  constructor(readonly app: App) {}

  /** Sends the request and, with a name, records it. */
  async send(
    name: string | null,
    method: string,
    path: string,
    o: { body?: unknown; raw?: Uint8Array; type?: string; hash?: boolean } = {},
  ): Promise<ApiResponse & { bytes: Uint8Array; headers: Headers }> {
    const headers: Record<string, string> = { host: "127.0.0.1:5174" };
    let body: Uint8Array | string | undefined;
    let shown: string | undefined;
    if (o.raw !== undefined) {
      body = o.raw;
      headers["content-type"] = o.type ?? "application/octet-stream";
      shown = `${o.raw.byteLength} bytes of ${headers["content-type"]}`;
    } else if (o.body !== undefined) {
      body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
      headers["content-type"] = "application/json";
      shown = body;
    }
    const res = await this.app.request(`${LOCAL}${path}`, { method, headers, body });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = Buffer.from(bytes).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (name !== null) {
      if (this.cases.has(name)) throw new Error(`two API cases are named ${name}`);
      this.cases.set(name, renderApi(method, path, shown, res.status, res.headers, bytes, this.norm, o.hash));
    }
    return { status: res.status, json, text, bytes, headers: res.headers };
  }

  /** Waits for a job to end by polling its status, a bounded number of times; records the end state. */
  async follow(name: string, id: string): Promise<void> {
    for (let i = 0; i < MAX_POLLS; i++) {
      const j = await this.send(null, "GET", `/api/jobs/${id}`);
      if (j.json.status !== "running" && j.json.status !== "queued") {
        await this.send(`${name}.status`, "GET", `/api/jobs/${id}`);
        await this.send(`${name}.result`, "GET", `/api/jobs/${id}/result`);
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`job ${name} still running after ${MAX_POLLS} polls`);
  }
}

const file = (p: string) => new Uint8Array(readFileSync(join(ROOT, p)));
const E = "examples/dose-response/";
const F = "packages/core/src/coloc/__fixtures__/";
const I = "scripts/capture/inputs/";

/** Runs the whole session on a fresh in-memory PGlite and returns the renderings. */
export async function captureApi(): Promise<ApiCapture> {
  const db = await openDb({ kind: "pglite" });
  const store = new Store(db.db);
  const compute: ComputePool = createComputePool({ size: 1 });
  const jobs = new JobManager(store, { maxWorkers: 1 });
  const app = createApp({
    store,
    serverMode: false,
    maxUploadBytes: 64 * 1024 * 1024,
    database: "pglite",
    compute,
    jobs,
  });
  const s = new Session(app);
  try {
    await scenario(s);
    const doc = await s.send(null, "GET", "/openapi.json");
    return { cases: s.cases, openapi: `${s.norm.apply(JSON.stringify(doc.json, null, 2))}\n` };
  } finally {
    await jobs.close();
    await compute.close();
    await db.close();
  }
}

async function scenario(s: Session): Promise<void> {
  // ---- meta, projects, experiments ----
  await s.send("health", "GET", "/api/health");
  await s.send("version", "GET", "/api/version");
  const project = (
    await s.send("project.create", "POST", "/api/projects", {
      body: { name: "capture", description: "golden outputs" },
    })
  ).json.id;
  const experimentNames = new Map<string, string>();
  const newExperiment = async (name: string) => {
    const id = (
      await s.send(`experiment.create.${name}`, "POST", `/api/projects/${project}/experiments`, { body: { name } })
    ).json.id as string;
    experimentNames.set(id, name);
    return id;
  };
  const dr = await newExperiment("dose-response");
  const co = await newExperiment("coloc");
  const misc = await newExperiment("misc");
  const batch = await newExperiment("jobs");

  const upload = async (experiment: string, path: string, as?: string) => {
    const name = as ?? path.split("/").at(-1)!;
    const r = await s.send(
      `upload.${experimentNames.get(experiment)}.${name}`,
      "POST",
      `/api/experiments/${experiment}/files?name=${encodeURIComponent(name)}`,
      {
        raw: file(path),
        type: name.endsWith(".csv") ? "text/csv" : undefined,
      },
    );
    return r.json.id as string;
  };
  const tdm1 = await upload(dr, `${E}tdm1-long.csv`);
  const rev = await upload(dr, `${E}reversal-long.csv`);
  const plate = await upload(dr, `${E}plate-96.csv`);
  const layout = await upload(dr, `${E}plate-96-layout.csv`);
  const gr = await upload(dr, `${E}gr-counts.csv`);
  const grData = await upload(dr, `${I}gr-data.tsv`);
  const grCtrl = await upload(dr, `${I}gr-ctrl.tsv`);
  const grT0 = await upload(dr, `${I}gr-t0.tsv`);
  const few = await upload(dr, `${I}few.csv`);
  const mass = await upload(dr, `${I}mass-units.csv`);
  const shared = await upload(dr, "packages/analyses/src/dose-response/__fixtures__/shared-hill.csv");
  await s.send("files.list.dose-response", "GET", `/api/experiments/${dr}/files`);
  await s.send("file.content.tdm1-long", "GET", `/api/files/${tdm1}/content`);

  // ---- dose-response analyses ----
  const analyse = (name: string, experiment: string, body: unknown) =>
    s.send(`analysis.${name}`, "POST", `/api/experiments/${experiment}/analyses`, { body });
  const fit = (name: string, inputs: unknown, options?: unknown) =>
    analyse(`dose-response.${name}`, dr, {
      kind: "dose-response",
      inputs,
      ...(options === undefined ? {} : { options }),
    });
  const first = (await fit("default", { file: tdm1 })).json.id;
  const compared = (await fit("compare", { file: tdm1 }, { compare: ["BT-474:BT-474-TR"] })).json.id;
  const reversal = (
    await fit(
      "reversal",
      { file: rev },
      { compare: ["KPL-4 · T-DM1:KPL-4 T-DM1R · T-DM1"], reversal: ["KPL-4 T-DM1R:verapamil:KPL-4"] },
    )
  ).json.id;
  await fit(
    "constraints-prism4",
    { file: rev },
    { model: "prism4", fix: ["bottom=0"], bounds: ["hill=-3:"], share: ["HillSlope"], ec: [90], auc: true },
  );
  await fit(
    "constraints-ll4",
    { file: rev },
    { fix: ["c=0"], bounds: ["b=:3"], compare: ["KPL-4 · T-DM1:KPL-4 T-DM1R · T-DM1"], absoluteEc: "50" },
  );
  await fit("3pl-robust", { file: rev }, { model: "3pl", robust: true, routQ: 2, fix: ["hill=-1"] });
  await fit("compare-models", { file: tdm1 }, { compareModels: true, ec: "50,90" });
  await fit("5pl-none", { file: tdm1 }, { model: "5pl", normalize: "none", ec: 50 });
  await fit("plate-layout", { file: plate, layout }, { model: "prism4", compare: ["BT-474:BT-474-TR"] });
  const grFit = (await fit("gr", { file: gr }, { model: "gr" })).json.id;
  await fit("gr-separate-tables", { file: grData, controls: grCtrl, time0: grT0 }, { model: "gr" });
  await fit("mass-mw", { file: mass }, { mw: 150000, unit: "nM" });
  await fit("shared-hill", { file: shared }, { model: "prism4", share: ["hill"], compare: ["A:B"], routQ: null });
  await s.send("analysis.rerun.dose-response", "POST", `/api/analyses/${compared}/rerun`);
  await s.send("analysis.get.dose-response", "GET", `/api/analyses/${first}`);

  // the figure
  await s.send("figure.svg.compare", "GET", `/api/analyses/${compared}/figure`);
  await s.send("figure.svg.reversal", "GET", `/api/analyses/${reversal}/figure?format=svg`);
  await s.send("figure.png.compare", "GET", `/api/analyses/${compared}/figure?format=png`);
  await s.send("figure.png.gr", "GET", `/api/analyses/${grFit}/figure?format=png`);
  await s.send("bad.figure.format", "GET", `/api/analyses/${compared}/figure?format=pdf`);

  // ---- dose-response: bad requests (400, nothing stored) ----
  const badFit = (name: string, inputs: unknown, options: unknown) =>
    s.send(`bad.dose-response.${name}`, "POST", `/api/experiments/${dr}/analyses`, {
      body: { kind: "dose-response", inputs, options },
    });
  await badFit("unknown-option", { file: tdm1 }, { slope: 1 });
  await badFit("text-not-text", { file: tdm1 }, { model: 4 });
  await badFit("text-mw-wrong-type", { file: tdm1 }, { mw: true });
  await badFit("list-as-text", { file: tdm1 }, { compare: "A:B" });
  await badFit("list-of-numbers", { file: tdm1 }, { fix: [1] });
  await badFit("numbers-of-switches", { file: tdm1 }, { ec: [true] });
  await badFit("numbers-as-object", { file: tdm1 }, { absoluteEc: { level: 50 } });
  await badFit("switch-as-text", { file: tdm1 }, { robust: "yes" });
  await badFit("switch-as-number", { file: tdm1 }, { auc: 1 });
  await badFit("unknown-model", { file: tdm1 }, { model: "ll5" });
  await badFit("fix-unknown-parameter", { file: tdm1 }, { fix: ["slope=1"] });
  await badFit("fix-not-a-number", { file: tdm1 }, { model: "prism4", fix: ["bottom=zero"] });
  await badFit("bounds-reversed", { file: tdm1 }, { bounds: ["hill=3:1"] });
  await badFit("fix-and-bound", { file: tdm1 }, { fix: ["top=100"], bounds: ["top=0:"] });
  await badFit("everything-fixed", { file: tdm1 }, { fix: ["b=1", "c=0", "d=100", "e=2"] });
  await badFit("share-robust", { file: tdm1 }, { share: ["hill"], robust: true });
  await badFit("ec-out-of-range", { file: tdm1 }, { ec: [150] });
  await badFit("routq-without-robust", { file: tdm1 }, { routQ: 2 });
  await badFit("gr-with-compare", { file: gr }, { model: "gr", compare: ["BT-474:BT-474-TR"] });
  await badFit("reversal-unknown-sample", { file: rev }, { reversal: ["MCF-7:verapamil"] });
  await badFit("compare-unknown-curve", { file: tdm1 }, { compare: ["MCF-7:BT-474"] });
  await badFit("too-few-concentrations", { file: few }, {});
  await badFit("unknown-input-role", { file: tdm1, plate: tdm1 }, {});
  await badFit("missing-file-input", {}, {});
  await badFit("inputs-not-an-object", "tdm1-long.csv", {});
  await badFit("no-such-file", { file: "00000000-0000-0000-0000-000000000000" }, {});
  await badFit("file-not-an-id", { file: 42 }, {});
  await badFit("separate-gr-tables-half", { file: grData, controls: grCtrl }, { model: "gr" });
  await s.send("bad.analysis.unknown-kind", "POST", `/api/experiments/${dr}/analyses`, {
    body: { kind: "astrology", inputs: {} },
  });
  await s.send("bad.analysis.no-kind", "POST", `/api/experiments/${dr}/analyses`, { body: { inputs: {} } });
  await s.send("bad.analysis.malformed-json", "POST", `/api/experiments/${dr}/analyses`, {
    body: '{"kind": "convert",',
  });
  await s.send(
    "bad.analysis.unknown-experiment",
    "POST",
    "/api/experiments/00000000-0000-0000-0000-000000000000/analyses",
    {
      body: { kind: "convert", inputs: { quantity: "1 nM", to: "pM" } },
    },
  );
  await s.send("bad.analysis.experiment-not-an-id", "POST", "/api/experiments/not-a-uuid/analyses", {
    body: { kind: "convert", inputs: { quantity: "1 nM", to: "pM" } },
  });
  const otherFile = await upload(misc, `${E}tdm1-long.csv`, "tdm1-elsewhere.csv");
  await badFit("file-of-another-experiment", { file: otherFile }, {});

  // ---- convert, diagnose, simulate as stored analyses ----
  const observations = JSON.parse(readFileSync(join(ROOT, "examples/observations/kpl4-tdm1r.json"), "utf8"));
  const converted = (
    await analyse("convert", misc, { kind: "convert", inputs: { quantity: "10ug/mL", to: "nM", compound: "T-DM1" } })
  ).json.id;
  await s.send("analysis.rerun.convert", "POST", `/api/analyses/${converted}/rerun`);
  await analyse("convert.mw", misc, {
    kind: "convert",
    inputs: { quantity: "1nM", to: "ng/mL", mw_g_per_mol: 148781 },
  });
  await s.send("analyses.list.misc", "GET", `/api/experiments/${misc}/analyses`);
  await analyse("diagnose", misc, { kind: "diagnose", inputs: observations, options: { draws: 50 } });
  await analyse("diagnose.cell-line", misc, {
    kind: "diagnose",
    inputs: observations,
    options: { draws: 50, cellLine: "KPL-4" },
  });
  // A line without likelihood tables: stored as a failed analysis (201), not refused.
  await analyse("diagnose.no-tables-for-line", misc, {
    kind: "diagnose",
    inputs: observations,
    options: { draws: 50, cellLine: "BT-474" },
  });
  await analyse("simulate", misc, {
    kind: "simulate",
    inputs: { cellLine: "BT-474M1", mechanisms: [{ id: "slc46a3-loss", strength: 6 }] },
  });
  await analyse("simulate.pulse-chase", misc, {
    kind: "simulate",
    inputs: {
      cellLine: "SK-BR-3",
      experiment: "pulse-chase",
      dose: "10ug/mL",
      times: ["2h", "6h"],
      mechanisms: [{ id: "trafficking-impaired", strength: 5 }],
    },
  });
  await s.send("bad.analysis.convert.no-mw", "POST", `/api/experiments/${misc}/analyses`, {
    body: { kind: "convert", inputs: { quantity: "10ug/mL", to: "nM" } },
  });
  await s.send("bad.analysis.convert.not-text", "POST", `/api/experiments/${misc}/analyses`, {
    body: { kind: "convert", inputs: { quantity: 10, to: "nM" } },
  });
  await s.send("bad.analysis.diagnose.unknown-observation", "POST", `/api/experiments/${misc}/analyses`, {
    body: { kind: "diagnose", inputs: { observations: [{ id: "no_such_observation", value: 2 }] } },
  });
  await s.send("bad.analysis.diagnose.draws", "POST", `/api/experiments/${misc}/analyses`, {
    body: { kind: "diagnose", inputs: observations, options: { draws: 5 } },
  });
  await s.send("bad.analysis.simulate.strength", "POST", `/api/experiments/${misc}/analyses`, {
    body: { kind: "simulate", inputs: { cellLine: "JIMT-1", mechanisms: [{ id: "her2-loss", strength: -1 }] } },
  });

  // ---- diagnose, convert and simulate without storing ----
  await s.send("diagnose", "POST", "/api/analyses/diagnose", { body: observations });
  await s.send("bad.diagnose.empty", "POST", "/api/analyses/diagnose", { body: { observations: [] } });
  await s.send("units.convert", "POST", "/api/units/convert", {
    body: { quantity: "10ug/mL", to: "nM", compound: "T-DM1" },
  });
  await s.send("bad.units.convert", "POST", "/api/units/convert", { body: { quantity: "1nM", to: "furlong" } });
  const simulate = (name: string, body: unknown) =>
    s.send(name.startsWith("bad.") ? `bad.simulate.${name.slice(4)}` : `simulate.${name}`, "POST", "/api/simulate", {
      body,
    });
  await simulate("viability", { cellLine: "BT-474M1", mechanisms: [{ id: "slc46a3-loss", strength: 6 }] });
  await simulate("inhibitor", {
    cellLine: "KPL-4",
    mechanisms: [{ id: "mdr1-up", strength: 50 }],
    inhibitors: [{ id: "tariquidar", concentration: "100nM" }],
    drug: "free-DM1",
  });
  await simulate("pulse-chase", {
    cellLine: "SK-BR-3",
    experiment: "pulse-chase",
    dose: "10ug/mL",
    times: ["2h", "6h"],
    mechanisms: [{ id: "trafficking-impaired", strength: 5 }],
  });
  await simulate("catabolite", {
    cellLine: "BT-474",
    experiment: "catabolite",
    mechanisms: [{ id: "slc46a3-loss", strength: 10 }],
  });
  await simulate("surface-her2", {
    cellLine: "SK-BR-3",
    experiment: "surface-her2",
    dose: "10nM",
    mechanisms: [{ id: "her2-loss", strength: 3 }],
  });
  await simulate("shed-ecd", { cellLine: "SK-BR-3", experiment: "shed-ecd", times: ["24h", "72h"] });
  await simulate("expression", {
    cellLine: "KPL-4",
    experiment: "expression",
    mechanisms: [{ id: "mdr1-up", strength: 20 }],
  });
  await simulate("doses", { cellLine: "SK-BR-3", doses: ["0.01nM", "0.1nM", "1nM", "10nM", "100nM"], time: "72h" });
  await simulate("bad.unknown-mechanism", { cellLine: "SK-BR-3", mechanisms: [{ id: "bogus-loss", strength: 2 }] });
  await simulate("bad.strength", { cellLine: "SK-BR-3", mechanisms: [{ id: "her2-loss", strength: 0 }] });
  await simulate("bad.unit", { cellLine: "SK-BR-3", doses: ["1nM", "2furlong"] });
  await simulate("bad.cell-line", { cellLine: "HeLa-X" });
  await simulate("bad.time", { cellLine: "SK-BR-3", time: "0h" });
  await simulate("bad.misspelt-field", { cellLine: "SK-BR-3", mechanism: [{ id: "her2-loss", strength: 2 }] });
  await simulate("bad.strength-type", { cellLine: "SK-BR-3", mechanisms: [{ id: "her2-loss", strength: "two" }] });

  // ---- co-localization ----
  const deflate = await upload(co, `${F}pair-u16-deflate.ome.tif`);
  const imagej = await upload(co, `${F}pair-u16-imagej.tif`);
  const labels = await upload(co, `${F}pair-labels.tif`);
  const mask = await upload(co, `${F}pair-mask.tif`);
  const zstack = await upload(co, `${F}zstack-u16-imagej.tif`);
  const notes = await upload(co, `${I}notes.tif`);
  await s.send("coloc.channels", "GET", `/api/files/${deflate}/channels`);
  await s.send("bad.coloc.channels.not-tiff", "GET", `/api/files/${notes}/channels`);
  const coloc = (name: string, inputs: unknown, options: unknown) =>
    s.send(
      name.startsWith("bad.") ? `bad.coloc.${name.slice(4)}` : `analysis.coloc.${name}`,
      "POST",
      `/api/experiments/${co}/analyses`,
      { body: { kind: "coloc", inputs, options } },
    );
  const whole = (
    await coloc(
      "names",
      { image: deflate },
      { ch1: "T-DM1", ch2: "lamp1", threshold: "manual:400,300", costesIterations: 0 },
    )
  ).json.id;
  const cells = (await coloc("cells", { image: imagej, labels }, { costesIterations: 10, kendall: false })).json.id;
  await coloc("mask", { image: imagej, mask }, { threshold: "otsu", costesIterations: 0 });
  await coloc("zstack", { image: zstack }, { costesIterations: 0, perSlice: true });
  await s.send("analysis.rerun.coloc", "POST", `/api/analyses/${whole}/rerun`);
  await s.send("coloc.cytofluorogram.png", "GET", `/api/analyses/${cells}/cytofluorogram`);
  await s.send("coloc.cytofluorogram.svg", "GET", `/api/analyses/${cells}/cytofluorogram?format=svg`, { hash: true });
  await s.send("coloc.rows.csv", "GET", `/api/analyses/${cells}/coloc-rows.csv`);
  await coloc("bad.not-tiff", { image: notes }, {});
  await coloc("bad.channel-out-of-range", { image: imagej }, { ch2: 3 });
  await coloc("bad.mask-size", { image: imagej, mask: zstack }, {});
  await coloc("bad.unknown-threshold", { image: imagej }, { threshold: "li" });
  await coloc("bad.negative-iterations", { image: imagej }, { costesIterations: -1 });
  await coloc("bad.unknown-option", { image: imagej }, { colour: "red" });
  await coloc("bad.unknown-input", { image: imagej, picture: imagej }, {});
  await coloc("bad.missing-image", {}, {});

  // ---- jobs ----
  for (const f of ["pair-u16-imagej.tif", "pair-u16-deflate.ome.tif", "pair-labels.tif"])
    await upload(batch, `${F}${f}`, f);
  const design = await upload(batch, `${I}coloc-design.csv`, "design.csv");
  const missingDesign = await upload(batch, `${I}coloc-design-missing.csv`, "design-missing.csv");
  const batchTdm1 = await upload(batch, `${E}tdm1-long.csv`);
  const batchRev = await upload(batch, `${E}reversal-long.csv`);
  const submit = (name: string, kind: string, inputs: unknown, options: unknown) =>
    s.send(name, "POST", `/api/experiments/${batch}/jobs`, { body: { kind, inputs, options } });
  const cb = await submit(
    "job.coloc-batch.submit",
    "coloc-batch",
    { design },
    { threshold: "manual:400,300", costesIterations: 10, kendall: false, workers: 1 },
  );
  await s.follow("job.coloc-batch", cb.json.id);
  const fb = await submit(
    "job.fit-batch.submit",
    "fit-batch",
    { files: [batchTdm1, batchRev] },
    { model: "prism4", fix: ["bottom=0"], bounds: ["hill=-3:"], share: ["hill"], auc: true, workers: 1 },
  );
  await s.follow("job.fit-batch", fb.json.id);
  const sw = await submit(
    "job.simulate-sweep.submit",
    "simulate-sweep",
    {
      cellLine: "BT-474M1",
      mechanisms: [
        { id: "slc46a3-loss", strength: 99 },
        { id: "her2-loss", strength: 1.5 },
      ],
      sweep: { mechanism: "slc46a3-loss", strengths: [1, 3, 10] },
    },
    { workers: 1 },
  );
  await s.follow("job.simulate-sweep", sw.json.id);
  await s.send("jobs.list", "GET", `/api/experiments/${batch}/jobs`);
  await submit("bad.job.unknown-kind", "astrology", {}, {});
  await submit("bad.job.coloc-batch.missing-file", "coloc-batch", { design: missingDesign }, {});
  await submit("bad.job.coloc-batch.metric", "coloc-batch", { design }, { metric: "colour" });
  await submit("bad.job.fit-batch.option", "fit-batch", { files: [batchTdm1] }, { threads: 2 });
  await submit("bad.job.fit-batch.model", "fit-batch", { files: [batchTdm1] }, { model: "ll5" });
  await submit(
    "bad.job.sweep.mechanism",
    "simulate-sweep",
    { cellLine: "BT-474M1", sweep: { mechanism: "telepathy", strengths: [1, 2] } },
    {},
  );
  await submit(
    "bad.job.sweep.strength",
    "simulate-sweep",
    { cellLine: "BT-474M1", sweep: { mechanism: "slc46a3-loss", strengths: [2, 0] } },
    {},
  );
  await submit("bad.job.sweep.none", "simulate-sweep", { cellLine: "BT-474M1" }, {});
  await s.send("bad.job.unknown", "GET", "/api/jobs/00000000-0000-0000-0000-000000000000");

  // ---- lists and the export, after everything above ----
  await s.send("experiments.list", "GET", `/api/projects/${project}/experiments`);
  await s.send("library", "GET", "/api/library");
  await s.send("bad.route", "GET", "/api/nothing-here");
  await s.send("bad.project.empty-name", "POST", "/api/projects", { body: { name: "   " } });
}
