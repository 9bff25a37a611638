import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fitDoseResponse } from "@adclab/core";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";

const root = new URL("../../../../", import.meta.url).pathname;
const examples = join(root, "examples/dose-response");
const dir = mkdtempSync(join(tmpdir(), "adclab-fit-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const header = "sample,compound,conc (nM),response,role,well";
const good = [
  "A,,0,1000,vehicle,A1",
  "A,,0,1000,vehicle,A2",
  ...[1, 3, 10, 30, 100].map((c, i) => `A,X,${c},${[950, 800, 500, 200, 60][i]},,B${i + 1}`),
];
function file(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join("\n")}\n`);
  return p;
}

/** Bad input: exit 2, one line naming file, row and column, and no figure (nor temp file) left behind. */
async function rejects(path: string, pattern: RegExp, ...extra: string[]) {
  const plot = join(dir, `${Math.random().toString(36).slice(2)}.svg`);
  const before = readdirSync(dir).length;
  const r = await run("fit", path, "--plot", plot, ...extra);
  assert.equal(r.code, 2, r.err);
  assert.equal(r.err.trim().split("\n").length, 1, r.err);
  assert.match(r.err, pattern);
  assert.equal(r.out, "");
  assert.equal(existsSync(plot), false);
  assert.equal(readdirSync(dir).length, before, "no temporary file left");
}

describe("adclab fit — bad input is exit 2 with file, row and column, and writes nothing", () => {
  it("a missing column", async () => {
    const p = file("missing.csv", ["sample,compound,conc (nM)", "A,X,1"]);
    await rejects(p, /missing\.csv, row 1, column 'response': missing column 'response'/);
  });
  it("a non-numeric concentration", async () => {
    const p = file("nonnum.csv", [header, ...good, "A,X,lots,5,,C1"]);
    await rejects(p, /nonnum\.csv, row 9, column 'conc \(nM\)': not a concentration/);
  });
  it("an unknown unit", async () => {
    const p = file("unit.csv", ["sample,compound,conc,unit,response", "A,X,1,nM,5", "A,X,2,parsecs,5"]);
    await rejects(p, /unit\.csv, row 3, column 'unit': unknown concentration unit 'parsecs'/);
  });
  it("no vehicle when normalization needs it", async () => {
    const p = file("novehicle.csv", [header, ...good.slice(2)]);
    await rejects(p, /novehicle\.csv, row 2, column 'role': no vehicle wells for sample 'A'/, "--normalize", "vehicle");
  });
  it("fewer than 4 distinct concentrations", async () => {
    const p = file("few.csv", [header, ...good.slice(0, 5)]);
    await rejects(p, /few\.csv, row 4, column 'concentration': curve 'A · X' has 3 distinct concentrations/);
  });
  it("a duplicated well", async () => {
    const p = file("dup.csv", [header, ...good, "A,X,300,40,,B2"]);
    await rejects(p, /dup\.csv, row 9, column 'well': duplicated well B2 \(first on row 5\)/);
  });
  it("a file that does not exist", async () => {
    await rejects(join(dir, "nope.csv"), /nope\.csv, FILE: file not found/);
  });
});

describe("adclab fit — results", () => {
  it("fits the example long table: IC50s match a fit of independently normalised data", async () => {
    const r = await run("fit", join(examples, "tdm1-long.csv"), "--json");
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.normalization, "vehicle");
    assert.equal(j.curves.length, 2);
    // Normalise by hand from the CSV: 100·(x − mean blank)/(mean vehicle − mean blank) per plate.
    const rows = readFileSync(join(examples, "tdm1-long.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    for (const c of j.curves) {
      const mine = rows.filter((x) => x[0] === c.sample);
      const plate = mine[0]![6];
      const mean = (xs: string[][]) => xs.reduce((a, x) => a + Number(x[4]), 0) / xs.length;
      const veh = mean(mine.filter((x) => x[8] === "vehicle"));
      const blank = mean(rows.filter((x) => x[8] === "blank" && x[6] === plate));
      const used = mine.filter((x) => x[8] !== "blank");
      const fit = fitDoseResponse({
        concentration_nM: used.map((x) => Number(x[2])),
        response: used.map((x) => (100 * (Number(x[4]) - blank)) / (veh - blank)),
      });
      assert.ok(Math.abs(c.ic50_nM / fit.ic50.value_nM - 1) < 1e-9, `${c.id}: ${c.ic50_nM} vs ${fit.ic50.value_nM}`);
      assert.equal(c.ic50.unit, "nM");
      assert.equal(c.ic50.ci95.length, 2);
      assert.ok(c.ic50.ci95[0] < c.ic50.value && c.ic50.value < c.ic50.ci95[1]);
      assert.ok(c.ic50_profileCi95_nM[0] < c.ic50_nM && c.ic50_nM < c.ic50_profileCi95_nM[1]);
      assert.equal(c.n, used.length);
    }
  });
  it("compares two lines: fold resistance with CI and the shared-LogIC50 F test", async () => {
    const r = await run("fit", join(examples, "tdm1-long.csv"), "--compare", "BT-474:BT-474-TR", "--json");
    const [c] = JSON.parse(r.out).comparisons;
    const curves = JSON.parse(r.out).curves;
    assert.ok(Math.abs(c.fold.value - curves[1].ic50_nM / curves[0].ic50_nM) < 1e-12 * c.fold.value);
    for (const k of ["delta", "fieller", "log"])
      assert.ok(c.fold.ci95[k][0] < c.fold.value && c.fold.value < c.fold.ci95[k][1], k);
    assert.ok(c.sharedLogIC50FTest.pValue < 1e-6);
    const bad = await run("fit", join(examples, "tdm1-long.csv"), "--compare", "BT-474:MCF7");
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--compare: no curve named 'MCF7'/);
  });
  it("reports an IC50 beyond the tested range as '> max tested', and the fold as a bound without CI", async () => {
    const lines = [header.replace(",well", "")];
    for (const [s, ic50] of [
      ["P", 1],
      ["R", 5000],
    ] as const) {
      lines.push(`${s},,0,100,vehicle`, `${s},,0,101,vehicle`);
      for (const d of [0.01, 0.1, 1, 10, 100, 1000]) {
        for (const e of [-1, 1]) lines.push(`${s},T-DM1,${d},${(100 / (1 + d / ic50) + e).toFixed(2)},`);
      }
    }
    const r = await run("fit", file("range.csv", lines), "--compare", "P:R", "--json");
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    const resistant = j.curves[1];
    assert.equal(resistant.ic50.qualifier, ">");
    assert.equal(resistant.ic50.value, 1000);
    assert.equal(resistant.ic50.ci95, null);
    assert.ok(resistant.flags.includes("ic50-above-range"));
    const fold = j.comparisons[0].fold;
    assert.equal(fold.qualifier, ">");
    assert.ok(Math.abs(fold.value - 1000 / j.curves[0].ic50_nM) < 1e-9 * fold.value);
    assert.equal(fold.ci95, null);
  });
  it("reads a plate-reader grid with its layout and writes an SVG figure", async () => {
    const plot = join(dir, "plate.svg");
    const r = await run(
      "fit",
      join(examples, "plate-96.csv"),
      "--layout",
      join(examples, "plate-96-layout.csv"),
      "--plot",
      plot,
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /BT-474-TR · T-DM1/);
    assert.match(r.out, /figure: .*plate\.svg\n$/);
    assert.match(readFileSync(plot, "utf8"), /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
  it("computes GR metrics from counts with time-zero wells, and writes a PNG", async () => {
    const plot = join(dir, "gr.png");
    const r = await run("fit", join(examples, "gr-counts.csv"), "--model", "gr", "--json", "--plot", plot);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.model, "gr");
    assert.deepEqual(
      j.curves.map((c: { fit: string }) => c.fit),
      ["sigmoid", "sigmoid"],
    );
    assert.ok(j.curves[1].GR50_nM > 10 * j.curves[0].GR50_nM);
    // The classic metrics of the same wells: Emax is the lowest mean relative count (%) at the two
    // top doses. Controls carry replicate numbers 1–4 like the treated wells, so GRmetrics' rule
    // pairs each treated replicate with the control of the same replicate number.
    const rows = readFileSync(join(examples, "gr-counts.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const ctrl = (rep: string) => Number(rows.find((x) => x[0] === "BT-474" && x[4] === "vehicle" && x[5] === rep)![3]);
    const meanAt = (d: string) => {
      const v = rows.filter((x) => x[0] === "BT-474" && x[2] === d).map((x) => Number(x[3]) / ctrl(x[5]!));
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    const emax = 100 * Math.min(meanAt("30"), meanAt("100"));
    assert.ok(Math.abs(j.curves[0].relativeCellCount.Emax_percent - emax) < 1e-9 * emax);
    assert.equal(j.curves[0].relativeCellCount.IC50.qualifier, "=");
    assert.deepEqual([...readFileSync(plot).subarray(0, 4)], [137, 80, 78, 71]);
  });
  it("computes GR values from separate control and time-zero tables (GRmetrics' separate-table input)", async () => {
    const data = file("gr-data.tsv", [
      "cell_line\tagent\ttime\tconcentration_uM\tcell_count",
      ...[0.01, 0.1, 1, 10].map((c, i) => `MCF7\tdrugA\t72\t${c}\t${[950, 700, 350, 240][i]}`),
    ]);
    const ctrl = file("gr-ctrl.tsv", ["cell_line\ttime\tcell_count", "MCF7\t72\t1000", "MCF7\t72\t1000"]);
    const t0 = file("gr-t0.tsv", ["cell_line\ttime\tcell_count", "MCF7\t0\t250"]);
    const r = await run("fit", data, "--model", "gr", "--controls", ctrl, "--time0", t0, "--json");
    assert.equal(r.code, 0, r.err);
    const [c] = JSON.parse(r.out).curves;
    assert.equal(c.id, "MCF7 · drugA");
    assert.equal(c.GR50.unit, "µM");
    // GRmax is observed, not fitted: the lower GR of the two highest doses, 2^(log2(240/250)/2) − 1.
    assert.ok(Math.abs(c.GRmax - (2 ** (Math.log2(240 / 250) / 2) - 1)) < 1e-12);
    const half = await run("fit", data, "--model", "gr", "--controls", ctrl);
    assert.equal(half.code, 2);
    assert.match(half.err, /--time0: separate GR tables need both --controls and --time0/);
  });
  it("inhibitor reversal and its ratio to the parental line's, against a hand computation", async () => {
    // examples/dose-response/reversal-long.csv (scripts/fixtures/dose-response/reversal-long.py):
    // T-DM1 alone and T-DM1 + verapamil in KPL-4 and KPL-4 T-DM1R; 27 wells per curve, df 23.
    const csv = join(examples, "reversal-long.csv");
    const r = await run("fit", csv, "--reversal", "KPL-4 T-DM1R:verapamil:KPL-4", "--json");
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    const curve = (id: string) => j.curves.find((c: { id: string }) => c.id === id);
    const [ra, ri, pa, pi] = [
      "KPL-4 T-DM1R · T-DM1",
      "KPL-4 T-DM1R · T-DM1 + verapamil",
      "KPL-4 · T-DM1",
      "KPL-4 · T-DM1 + verapamil",
    ].map(curve);
    assert.equal(j.reversals.length, 1);
    const [rev] = j.reversals;
    assert.deepEqual([rev.alone, rev.withInhibitor, rev.compound], [ra.id, ri.id, "T-DM1"]);
    // By hand from the four fits' log10 IC50 and its SE (independent fits, so no covariance):
    // ratio = 10^(L_alone − L_inh); log CI = 10^(ΔL ± t·√(se₁² + se₂²)); delta CI = r ± t·r·ln10·√(se₁² + se₂²);
    // Fieller from the roots of ρ²(e₂² − t²V₂) − 2ρe₁e₂ + (e₁² − t²V₁) = 0 with V = (ln10·e·se)².
    // t quantiles from R: qt(0.975, 46) and qt(0.975, 92) (df pooled over the fits).
    const t46 = 2.01289559891943;
    const t92 = 1.98608631695113;
    const byHand = (a: typeof ra, b: typeof ra) => {
      const d = a.logIC50.value - b.logIC50.value;
      const s = Math.hypot(a.logIC50.se, b.logIC50.se);
      const ratio = 10 ** d;
      const [e1, e2] = [10 ** a.logIC50.value, 10 ** b.logIC50.value];
      const [v1, v2] = [(Math.LN10 * e1 * a.logIC50.se) ** 2, (Math.LN10 * e2 * b.logIC50.se) ** 2];
      const qa = e2 * e2 - t46 ** 2 * v2;
      const qb = e1 * e2;
      const qc = e1 * e1 - t46 ** 2 * v1;
      const root = Math.sqrt(qb * qb - qa * qc);
      return {
        ratio,
        log: [ratio / 10 ** (t46 * s), ratio * 10 ** (t46 * s)],
        delta: [ratio - t46 * ratio * Math.LN10 * s, ratio + t46 * ratio * Math.LN10 * s],
        fieller: [(qb - root) / qa, (qb + root) / qa],
      };
    };
    const close = (x: number, y: number, tol = 1e-9) => assert.ok(Math.abs(x / y - 1) < tol, `${x} vs ${y}`);
    for (const [row, a, b] of [
      [rev.reversal, ra, ri],
      [rev.parental.reversal, pa, pi],
    ]) {
      const h = byHand(a, b);
      close(row.value, h.ratio);
      close(row.value, a.ic50_nM / b.ic50_nM);
      assert.equal(row.df, 46);
      for (const k of ["log", "delta", "fieller"] as const) {
        close(row.ci95[k][0], h[k][0]!);
        close(row.ci95[k][1], h[k][1]!);
      }
    }
    const dL = ra.logIC50.value - ri.logIC50.value - (pa.logIC50.value - pi.logIC50.value);
    const s4 = Math.sqrt([ra, ri, pa, pi].reduce((acc, c) => acc + c.logIC50.se ** 2, 0));
    close(rev.ratioToParental.value, 10 ** dL);
    close(rev.ratioToParental.ci95[0], 10 ** (dL - t92 * s4));
    close(rev.ratioToParental.ci95[1], 10 ** (dL + t92 * s4));
    assert.equal(rev.ratioToParental.df, 92);
    // Delta method for 10^L: SE = value·ln10·SE(L); CI = value ± t·SE.
    const seDelta = 10 ** dL * Math.LN10 * s4;
    close(rev.ratioToParental.ci95Delta[0], 10 ** dL - t92 * seDelta);
    close(rev.ratioToParental.ci95Delta[1], 10 ** dL + t92 * seDelta);
    // The file's true reversals (20 and 1.43, ratio 14) lie inside the 95 % intervals.
    assert.ok(rev.reversal.ci95.fieller[0] < 20 && 20 < rev.reversal.ci95.fieller[1]);
    assert.ok(rev.ratioToParental.ci95[0] < 14 && 14 < rev.ratioToParental.ci95[1]);
    // The table a user reads.
    const text = await run("fit", csv, "--reversal", "KPL-4 T-DM1R:verapamil:KPL-4");
    assert.match(text.out, /KPL-4 T-DM1R\s+verapamil\s+T-DM1\s+18\.8\s/);
  });
  it("rejects a reversal it cannot compute, naming the flag", async () => {
    const csv = join(examples, "reversal-long.csv");
    const cases: [string, RegExp][] = [
      ["KPL-4 T-DM1R", /--reversal: a reversal is SAMPLE:INHIBITOR or SAMPLE:INHIBITOR:PARENTAL/],
      ["MCF-7:verapamil", /--reversal: no curves for sample 'MCF-7'/],
      [
        "KPL-4 T-DM1R:lapatinib",
        /--reversal: sample 'KPL-4 T-DM1R' has no pair of curves 'DRUG' and 'DRUG \+ lapatinib'/,
      ],
      ["KPL-4:verapamil:KPL-4", /--reversal: the parental line must differ from the sample/],
    ];
    for (const [spec, pattern] of cases) await rejects(csv, pattern, "--reversal", spec);
    const gr = await run("fit", join(examples, "gr-counts.csv"), "--model", "gr", "--reversal", "A:B");
    assert.equal(gr.code, 2);
    assert.match(gr.err, /--reversal: --reversal is for IC50 models, not gr/);
  });
  it("--compare-models prints the nested-model table; R's anova() p on the 3PL dataset", async () => {
    const fixture = JSON.parse(
      readFileSync(join(root, "packages/core/src/fit/__fixtures__/dose-response-nls.json"), "utf8"),
    ) as { datasets: { x: number[]; y: number[] }[]; fTests: { name: string; p: number }[] };
    const d = fixture.datasets[22]!;
    const csv = file("three-pl.csv", [
      "sample,compound,conc (nM),response",
      ...d.x.map((x, i) => `S,X,${x},${d.y[i]}`),
    ]);
    const r = await run("fit", csv, "--normalize", "none", "--compare-models");
    assert.equal(r.code, 0, r.err);
    const p = fixture.fTests.find((t) => t.name === "3PL vs 4PL on the 3PL dataset")!.p;
    // R: p = 0.84143…; the F test keeps the 3PL.
    assert.match(
      r.out,
      new RegExp(
        `S · X\\s+3PL \\(bottom = 0\\)\\s+4PL\\s+\\S+\\s+1, 26\\s+${p.toPrecision(5)}\\s.*3PL \\(bottom = 0\\)`,
      ),
    );
    assert.match(r.out, /S · X\s+4PL\s+5PL\s/);
    const gr = await run("fit", join(examples, "gr-counts.csv"), "--model", "gr", "--compare-models");
    assert.equal(gr.code, 2);
    assert.match(gr.err, /--compare-models: --compare-models is for IC50 models, not gr/);
  });
  it("--ec, --absolute-ec and --auc: a table of derived quantities; bad values are exit 2 naming the flag", async () => {
    const csv = join(examples, "tdm1-long.csv");
    const r = await run("fit", csv, "--ec", "90", "--absolute-ec", "50", "--auc", "--json");
    assert.equal(r.code, 0, r.err);
    const c = JSON.parse(r.out).curves[0];
    // Prism's ECanything: EC90 = IC50·9^(1/|HillSlope|) (hand computation from the row's own IC50 and slope).
    const ec90 = c.ic50_nM * 9 ** (1 / Math.abs(c.hill.value));
    assert.ok(Math.abs(c.effectiveConcentrations[0].value_nM / ec90 - 1) < 1e-9);
    const text = await run("fit", csv, "--ec", "90", "--absolute-ec", "50", "--auc");
    assert.match(text.out, /BT-474-TR · T-DM1\s+EC90 \(nM\)\s+>100\s+—/);
    assert.match(text.out, /BT-474 · T-DM1\s+AUC \(% × log10\(conc\)\)\s+\d/);
    await rejects(
      csv,
      /--ec: not a usable value \(expected percentages between 0 and 100, e\.g\. 50,90, got "?150/,
      "--ec",
      "150",
    );
    await rejects(csv, /--absolute-ec: not a usable value/, "--absolute-ec", "half");
  });
  it("--robust lists the outliers left out; --rout-q without --robust is exit 2", async () => {
    // 4PL with IC50 10 nM, three replicates, small deterministic noise, and one mis-pipetted well.
    const doses = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000].flatMap((d) => [d, d, d]);
    const wells = doses.map((d, i) => `A,X,${d},${(5 + 95 / (1 + d / 10) + 2 * Math.sin(i * 2.3)).toFixed(3)}`);
    const csv = file("outlier.csv", ["sample,compound,conc (nM),response", ...wells, "A,X,10,140"]);
    const r = await run("fit", csv, "--normalize", "none", "--robust");
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /outliers left out of the fit \(ROUT, Q = 1 %\):\n {2}A · X: 10 nM \(140\)\n/);
    await rejects(csv, /--rout-q: --rout-q needs --robust/, "--rout-q", "1");
  });
  it("--fix, --bounds and --share: the R-checked analysis (analyses' constrained-fits.test.ts) as text and JSON; bad values are exit 2", async () => {
    const fixtures = join(root, "packages/analyses/src/dose-response/__fixtures__");
    const r = await run("fit", join(fixtures, "shared-hill.csv"), "--model", "prism4", "--share", "hill", "--json");
    assert.equal(r.code, 0, r.err);
    const expected = JSON.parse(readFileSync(join(fixtures, "constrained-fits.json"), "utf8")).sharedHill.fit;
    const curves = JSON.parse(r.out).curves as { hill: { value: number; se: number } }[];
    for (const c of curves) {
      assert.ok(Math.abs(c.hill.value / expected.params.HillSlope - 1) < 1e-4);
      assert.ok(Math.abs(c.hill.se / expected.se.HillSlope - 1) < 1e-3);
    }
    const text = await run("fit", join(fixtures, "bounded.csv"), "--model", "prism4", "--bounds", "hill=-1.5:");
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /at-bound:hill/);
    assert.match(text.out, /\nbounds: hill=-1\.5:\n?$/);
    const csv = join(fixtures, "fixed-bottom.csv");
    await rejects(csv, /--fix: unknown parameter 'slope' for model ll4 \(expected b, c, d, e/, "--fix", "slope=1");
    await rejects(csv, /--bounds: the lower bound is above the upper one \(got "hill=3:1"\)/, "--bounds", "hill=3:1");
    await rejects(csv, /--fix: 'x' is not a number/, "--fix", "top=x");
    await rejects(csv, /--bounds: top is both fixed and bounded/, "--fix", "top=100", "--bounds", "top=0:");
    await rejects(
      csv,
      /--fix: every parameter is fixed/,
      ...["--fix", "b=1", "--fix", "c=0", "--fix", "d=100", "--fix", "e=2"],
    );
  });
  it("asks for --layout when given a plate grid alone", async () => {
    const r = await run("fit", join(examples, "plate-96.csv"));
    assert.equal(r.code, 2);
    assert.match(r.err, /plate-96\.csv, --layout: this is a plate grid; give its layout with --layout/);
  });
});
