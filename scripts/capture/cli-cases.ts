/**
 * The CLI invocations whose output is captured (scripts/capture/README.md). Paths are relative to
 * the repository root, as a user would type them; `{tmp}` is a fresh temporary folder per case,
 * written as `<tmp>` in the captured output. `outputs` names the files (in `{tmp}`) the case
 * writes: text files (CSV) are captured whole, others (SVG, PNG) by size and SHA-256.
 */
export interface CliCase {
  name: string;
  argv: string[];
  /** Lines given on stdin (diagnose --interactive). */
  stdin?: string[];
  outputs?: string[];
}

const E = "examples/dose-response/";
const O = "examples/observations/";
const F = "packages/core/src/coloc/__fixtures__/";
const A = "packages/analyses/src/dose-response/__fixtures__/";
const I = "scripts/capture/inputs/";

/** A readable, file-name-safe name from the arguments (directories dropped). */
function nameOf(argv: string[]): string {
  const words = argv.map((a) => {
    if (a === F) return "fixtures";
    for (const dir of ["{tmp}/", E, O, F, A, I]) if (a.startsWith(dir)) return a.slice(dir.length);
    return a;
  });
  const slug = words
    .join(" ")
    .replace(/[^A-Za-z0-9=.,:+-]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return slug.startsWith("-") ? `adclab_${slug}` : slug;
}

const cases: CliCase[] = [];
const add = (argv: string[], o: { stdin?: string[]; outputs?: string[]; name?: string } = {}) =>
  cases.push({
    name: o.name ?? nameOf(argv),
    argv,
    ...(o.stdin ? { stdin: o.stdin } : {}),
    ...(o.outputs ? { outputs: o.outputs } : {}),
  });
/** The command in text and with --json. */
const both = (argv: string[]) => {
  add(argv);
  add([...argv, "--json"]);
};

// ---- help of the program and of every command -----------------------------------------------
add(["--help"]);
add(["--version"]);
add(["help", "fit"]);
for (const c of ["start", "serve", "convert", "diagnose", "protocol", "mechanisms", "fit", "simulate", "reproduce"])
  add([c, "--help"]);
add(["model", "--help"]);
add(["model", "describe", "--help"]);
add(["coloc", "--help"]);

// ---- README's "The command line", the docs and the commands' own examples --------------------
add(["convert", "1nM", "--to", "ng/mL", "--mw", "148781", "--json"]);
both(["simulate", "--cell-line", "BT-474M1", "--mechanism", "slc46a3-loss=6"]);
both([
  "simulate",
  "--cell-line",
  "KPL-4",
  "--mechanism",
  "mdr1-up=50",
  "--inhibitor",
  "tariquidar=100nM",
  "--drug",
  "free-DM1",
]);
both(["simulate", "--cell-line", "KPL-4", "--mechanism", "mdr1-up=50", "--inhibitor", "tariquidar=100nM"]);
both(["simulate", "--cell-line", "SK-BR-3", "--experiment", "pulse-chase", "--mechanism", "trafficking-impaired=5"]);
both(["reproduce", "seed-table"]);
both(["model", "describe"]);
add(["fit", `${E}tdm1-long.csv`, "--compare", "BT-474:BT-474-TR", "--plot", "{tmp}/fig.svg"], { outputs: ["fig.svg"] });
add(["fit", `${E}tdm1-long.csv`, "--compare", "BT-474:BT-474-TR", "--plot", "{tmp}/fig.png", "--json"], {
  outputs: ["fig.png"],
});
add(["fit", `${E}plate-96.csv`, "--layout", `${E}plate-96-layout.csv`, "--plot", "{tmp}/fig.png"], {
  outputs: ["fig.png"],
});
add(["fit", `${E}plate-96.csv`, "--layout", `${E}plate-96-layout.csv`, "--plot", "{tmp}/fig.svg", "--json"], {
  outputs: ["fig.svg"],
});
both(["fit", `${E}gr-counts.csv`, "--model", "gr"]);
add(["fit", `${E}gr-counts.csv`, "--model", "gr", "--plot", "{tmp}/gr.svg"], { outputs: ["gr.svg"] });
add(["fit", `${E}gr-counts.csv`, "--model", "gr", "--plot", "{tmp}/gr.png"], { outputs: ["gr.png"] });
both(["fit", `${E}reversal-long.csv`, "--reversal", "KPL-4 T-DM1R:verapamil:KPL-4"]);
both(["fit", `${E}tdm1-long.csv`, "--model", "prism4", "--fix", "bottom=0", "--share", "hill"]);
add(["coloc", `${F}pair-u16-deflate.ome.tif`, "--ch1", "T-DM1", "--ch2", "LAMP1", "--histogram", "{tmp}/cyto.png"], {
  outputs: ["cyto.png"],
});
add(["coloc", `${F}pair-u16-deflate.ome.tif`, "--ch1", "T-DM1", "--ch2", "LAMP1", "--json"]);
both(["coloc", `${F}pair-u16-imagej.tif`, "--labels", `${F}pair-labels.tif`]);
both([
  "coloc",
  `${F}pair-ch1-lzw.tif`,
  `${F}pair-ch2-lzw.tif`,
  "--mask",
  `${F}pair-mask.tif`,
  "--threshold",
  "manual:300,250",
]);
// One batch (its worker thread costs ~4 s of CPU to start); the API's coloc-batch job prints the JSON.
add(
  [
    "coloc",
    "--batch",
    F,
    "--design",
    `${I}coloc-design.csv`,
    "--out",
    "{tmp}",
    "--reference",
    "parental",
    "--metric",
    "tm1",
    "--costes-iterations",
    "10",
    "--no-kendall",
    "--workers",
    "1",
  ],
  { outputs: ["coloc-images.csv", "coloc-cells.csv", "coloc-comparison.csv"] },
);
// diagnose examples/observations/*: below, each file in text and --json
add(["diagnose", "--interactive"], { stdin: ["tdm1_ic50_fold 25", "free_dm1_ic50_fold 1"] });
both(["protocol", "1"]);
both(["mechanisms"]);
both(["start", "--demo-terminal"]);

// ---- convert ---------------------------------------------------------------------------------
both(["convert", "10ug/mL", "--to", "nM", "--compound", "T-DM1"]);
both(["convert", "2.5 nM", "--to", "pM"]);
both(["convert", "67.34nM", "--to", "ug/mL", "--compound", "T-DM1"]);
add(["convert", "1uM", "--to", "ng/mL", "--compound", "DM1"]);
add(["convert", "5 mg/mL", "--to", "uM", "--mw", "148781", "--compound", "T-DM1"]);

// ---- protocol, model, mechanisms --------------------------------------------------------------
both(["protocol"]);
both(["protocol", "slc46a3-qpcr"]);
add(["protocol", "lysosomal-ph"]);
add(["protocol", "protocol-1", "--json"]);

// ---- diagnose --------------------------------------------------------------------------------
for (const f of [
  "row-1-free-dm1-sensitive.yaml",
  "row-2-cross-resistance.yaml",
  "row-3-her2-decreased.yaml",
  "row-4-colocalizes-but-survives.yaml",
  "raw-pairs.yaml",
  "kpl4-tdm1r.json",
])
  add(["diagnose", `${O}${f}`]);
// --json prints the whole diagnosis (~50 kB): two files are enough to pin its schema and numbers.
add(["diagnose", `${O}kpl4-tdm1r.json`, "--json"]);
add(["diagnose", `${O}raw-pairs.yaml`, "--json"]);
add(["diagnose", `${O}kpl4-tdm1r.json`, "--cell-line", "BT-474M1", "--draws", "50"]);
add(["diagnose", `${O}row-3-her2-decreased.yaml`, "--draws", "100"]);
add(["diagnose", "--interactive", "--draws", "50"], {
  stdin: [
    "# a comment",
    "",
    "list",
    "25",
    "undo",
    "undo",
    "tdm1_ic50_fold 40",
    "bogus_id 3",
    "surface_her2_ratio 30 %",
    "done",
  ],
  name: "diagnose_--interactive_list_undo_bad-line",
});
add(["diagnose", "--interactive", "--json", "--draws", "50"], { stdin: ["tdm1_ic50_fold 1000", "mdr1_mrna_ratio 10"] });
add(["diagnose", "--interactive"], { stdin: ["done"], name: "diagnose_--interactive_nothing-entered" });

// ---- simulate: every experiment and option --------------------------------------------------
both(["simulate", "--cell-line", "SK-BR-3"]);
both(["simulate", "--cell-line", "BT-474", "--experiment", "catabolite", "--mechanism", "slc46a3-loss=10"]);
both([
  "simulate",
  "--cell-line",
  "SK-BR-3",
  "--experiment",
  "surface-her2",
  "--mechanism",
  "her2-loss=3",
  "--dose",
  "10nM",
]);
both(["simulate", "--cell-line", "SK-BR-3", "--experiment", "shed-ecd", "--times", "24h,72h"]);
both(["simulate", "--cell-line", "KPL-4", "--experiment", "expression", "--mechanism", "mdr1-up=20,slc46a3-loss=4"]);
add([
  "simulate",
  "--cell-line",
  "BT-474M1",
  "--doses",
  "0.01,0.1,1,10,100nM",
  "--time",
  "72h",
  "--trastuzumab",
  "10ug/mL",
]);
add([
  "simulate",
  "--cell-line",
  "SK-BR-3",
  "--experiment",
  "pulse-chase",
  "--dose",
  "5ug/mL",
  "--times",
  "2h,6h,24h",
  "--json",
]);
add(
  [
    "simulate",
    "--cell-line",
    "JIMT-1",
    "--drug",
    "free-DM1",
    "--inhibitor",
    "verapamil=10uM",
    "--csv",
    "{tmp}/curve.csv",
  ],
  {
    outputs: ["curve.csv"],
  },
);
add(["simulate", "--cell-line", "SK-BR-3", "--experiment", "pulse-chase", "--csv", "{tmp}/chase.csv", "--json"], {
  outputs: ["chase.csv"],
});

// ---- fit: models and options on the examples -------------------------------------------------
const tdm1 = `${E}tdm1-long.csv`;
const rev = `${E}reversal-long.csv`;
for (const model of ["ll4", "prism4", "3pl", "5pl"]) both(["fit", tdm1, "--model", model]);
both(["fit", tdm1, "--compare", "BT-474:BT-474-TR"]);
both(["fit", tdm1, "--compare", "BT-474 · T-DM1:BT-474-TR · T-DM1", "--model", "5pl"]);
both(["fit", tdm1, "--compare-models"]);
add(["fit", tdm1, "--compare-models", "--model", "3pl"]);
both(["fit", tdm1, "--ec", "50,90", "--absolute-ec", "50", "--auc"]);
add(["fit", tdm1, "--ec", "10,20,80", "--model", "prism4", "--json"]);
add(["fit", tdm1, "--absolute-ec", "50,5", "--model", "5pl"]);
both(["fit", tdm1, "--robust"]);
add(["fit", tdm1, "--robust", "--rout-q", "5", "--compare", "BT-474:BT-474-TR"]);
add(["fit", tdm1, "--robust", "--rout-q", "0.5", "--model", "prism4", "--json"]);
both(["fit", tdm1, "--fix", "bottom=0"]);
add(["fit", tdm1, "--fix", "c=0", "--fix", "d=100"]);
add(["fit", tdm1, "--model", "prism4", "--fix", "HillSlope=-1", "--json"]);
add(["fit", tdm1, "--model", "3pl", "--fix", "top=100"]);
add(["fit", tdm1, "--model", "prism4", "--fix", "logIC50=0"]);
both(["fit", tdm1, "--bounds", "hill=-3:"]);
add(["fit", tdm1, "--bounds", "b=:3", "--bounds", "c=0:"]);
add(["fit", tdm1, "--model", "prism4", "--bounds", "hill=-1.2:-0.8", "--json"]);
both(["fit", tdm1, "--share", "hill", "--compare", "BT-474:BT-474-TR"]);
add(["fit", tdm1, "--model", "prism4", "--share", "HillSlope", "--share", "bottom", "--compare", "BT-474:BT-474-TR"]);
add([
  "fit",
  tdm1,
  "--model",
  "prism4",
  "--fix",
  "bottom=0",
  "--bounds",
  "hill=-3:",
  "--share",
  "hill",
  "--ec",
  "90",
  "--auc",
  "--json",
]);
both(["fit", tdm1, "--normalize", "none"]);
add(["fit", tdm1, "--normalize", "vehicle", "--model", "prism4"]);
add(["fit", tdm1, "--normalize", "none", "--model", "5pl", "--compare-models", "--json"]);
both(["fit", rev, "--compare", "KPL-4 · T-DM1:KPL-4 T-DM1R · T-DM1", "--reversal", "KPL-4 T-DM1R:verapamil:KPL-4"]);
add(["fit", rev, "--reversal", "KPL-4 T-DM1R:verapamil", "--reversal", "KPL-4:verapamil", "--model", "prism4"]);
add(["fit", rev, "--reversal", "KPL-4 T-DM1R:verapamil:KPL-4", "--model", "5pl", "--json"]);
add(["fit", rev, "--compare-models", "--ec", "50,90", "--auc"]);
add(["fit", rev, "--reversal", "KPL-4 T-DM1R:verapamil:KPL-4", "--plot", "{tmp}/reversal.svg"], {
  outputs: ["reversal.svg"],
});
add(["fit", `${E}plate-96.csv`, "--layout", `${E}plate-96-layout.csv`]);
add([
  "fit",
  `${E}plate-96.csv`,
  "--layout",
  `${E}plate-96-layout.csv`,
  "--model",
  "prism4",
  "--compare",
  "BT-474:BT-474-TR",
  "--json",
]);
add(["fit", `${E}plate-96.csv`, "--layout", `${E}plate-96-layout.csv`, "--normalize", "none", "--robust"]);
add(["fit", `${E}gr-counts.csv`, "--model", "gr", "--plot", "{tmp}/gr.png", "--json"], { outputs: ["gr.png"] });
both(["fit", `${I}gr-data.tsv`, "--model", "gr", "--controls", `${I}gr-ctrl.tsv`, "--time0", `${I}gr-t0.tsv`]);
both(["fit", `${I}mass-units.csv`]);
add(["fit", `${I}mass-units.csv`, "--mw", "150000", "--compare", "BT-474:BT-474-TR"]);
add(["fit", `${I}mass-units-unknown-compound.csv`]);
add(["fit", `${I}mass-units-unknown-compound.csv`, "--mw", "148500", "--json"]);
both(["fit", `${I}bare-numbers.csv`, "--unit", "µM"]);
add(["fit", `${I}bare-numbers.csv`, "--unit", "nM", "--model", "prism4"]);

// ---- fit: the constrained-fit fixtures (checked against R) ------------------------------------
both(["fit", `${A}fixed-bottom.csv`, "--model", "prism4", "--fix", "bottom=0"]);
add(["fit", `${A}fixed-bottom.csv`, "--fix", "c=0", "--json"]);
both(["fit", `${A}bounded.csv`, "--model", "prism4", "--bounds", "hill=-3:"]);
both(["fit", `${A}shared-hill.csv`, "--model", "prism4", "--share", "hill", "--compare", "A:B"]);
add(["fit", `${A}shared-hill.csv`, "--share", "b", "--compare", "A:B", "--json"]);
add(["fit", `${A}shared-hill.csv`, "--model", "3pl", "--share", "hill", "--compare", "A:B"]);
both([
  "fit",
  `${A}three-lines-shared-hill.csv`,
  "--model",
  "prism4",
  "--share",
  "hill",
  "--compare",
  "A:B",
  "--compare",
  "A:C",
  "--compare",
  "B:C",
]);
both(["fit", `${A}fivepl-fixed.csv`, "--model", "5pl", "--fix", "bottom=0", "--fix", "S=0.6"]);
add(["fit", `${A}fivepl-shared-hill.csv`, "--model", "5pl", "--share", "hill", "--compare", "A:B", "--json"]);
add(["fit", `${A}fivepl-shared-hill.csv`, "--model", "5pl", "--fix", "bottom=0", "--share", "hill"]);
add(["fit", `${A}fivepl-shared-s.csv`, "--model", "5pl", "--share", "S", "--compare", "A:B"]);

// ---- coloc: single images on the fixtures ------------------------------------------------------
both(["coloc", `${F}pair-u16-imagej.tif`]);
add(["coloc", `${F}pair-u8-packbits.tif`, "--threshold", "otsu"]);
add(["coloc", `${F}pair-f32-deflate.tif`, "--threshold", "costes-classic", "--json"]);
add(["coloc", `${F}pair-u16-imagej.tif`, "--costes-iterations", "20", "--seed", "7", "--psf", "4", "--no-kendall"]);
add(["coloc", `${F}pair-u16-imagej.tif`, "--ch1", "2", "--ch2", "1", "--costes-iterations", "0"]);
both(["coloc", `${F}zstack-u16-imagej.tif`, "--costes-iterations", "10"]);
add(["coloc", `${F}zstack-u16-imagej.tif`, "--per-slice", "--costes-iterations", "0"]);
add(["coloc", `${F}timeseries-u16-imagej.tif`, "--frame", "2", "--costes-iterations", "0", "--json"]);
add(
  [
    "coloc",
    `${F}pair-u16-imagej.tif`,
    "--labels",
    `${F}pair-labels.tif`,
    "--histogram",
    "{tmp}/cells.png",
    "--threshold",
    "manual:400,300",
  ],
  {
    outputs: ["cells.png"],
  },
);

// ---- bad input: one line on stderr, exit code 2 -----------------------------------------------
const bad: string[][] = [
  ["--bogus"],
  ["convrt"],
  ["fit"],
  ["fit", tdm1, "--model", "ll5"],
  ["fit", tdm1, "--normalize", "sometimes"],
  ["fit", tdm1, "--compare", "BT-474"],
  ["fit", tdm1, "--compare", "BT-474:BT-474"],
  ["fit", tdm1, "--compare", "MCF-7:BT-474"],
  ["fit", rev, "--reversal", "KPL-4"],
  ["fit", rev, "--reversal", "MCF-7:verapamil"],
  ["fit", rev, "--reversal", "KPL-4:tariquidar"],
  ["fit", tdm1, "--fix", "slope=1"],
  ["fit", tdm1, "--fix", "bottom"],
  ["fit", tdm1, "--model", "prism4", "--fix", "bottom=zero"],
  ["fit", tdm1, "--bounds", "hill=3:1"],
  ["fit", tdm1, "--bounds", "hill"],
  ["fit", tdm1, "--fix", "top=100", "--bounds", "top=0:"],
  ["fit", tdm1, "--fix", "b=1", "--fix", "c=0", "--fix", "d=100", "--fix", "e=2"],
  ["fit", tdm1, "--share", "hill", "--robust"],
  ["fit", tdm1, "--share", "slope"],
  ["fit", tdm1, "--ec", "150"],
  ["fit", tdm1, "--ec", "fifty"],
  ["fit", tdm1, "--absolute-ec", "x"],
  ["fit", tdm1, "--rout-q", "2"],
  ["fit", tdm1, "--robust", "--rout-q", "20"],
  ["fit", `${E}gr-counts.csv`, "--model", "gr", "--compare", "BT-474:BT-474-TR"],
  ["fit", `${E}gr-counts.csv`, "--model", "gr", "--ec", "50"],
  ["fit", `${E}gr-counts.csv`, "--model", "gr", "--robust"],
  ["fit", `${E}gr-counts.csv`, "--model", "gr", "--fix", "bottom=0"],
  ["fit", `${E}gr-counts.csv`, "--model", "gr", "--compare-models"],
  ["fit", `${I}gr-data.tsv`, "--model", "gr", "--controls", `${I}gr-ctrl.tsv`],
  ["fit", tdm1, "--model", "gr"],
  ["fit", "missing.csv"],
  ["fit", `${E}plate-96.csv`, "--layout", "missing-layout.csv"],
  ["fit", `${E}plate-96.csv`],
  ["fit", `${I}bare-numbers.csv`],
  ["fit", `${I}bare-numbers.csv`, "--unit", "furlong"],
  ["fit", `${I}mass-units.csv`, "--mw", "heavy"],
  ["fit", tdm1, "--plot", "fig.pdf"],
  ["fit", `${I}few.csv`],
  ["fit", `${I}bad-concentration.csv`],
  ["coloc"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--threshold", "li"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--threshold", "manual:1"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--ch2", "3"],
  ["coloc", `${F}pair-u16-deflate.ome.tif`, "--ch1", "DAPI"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--costes-iterations", "-1"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--psf", "0"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--seed", "1.5"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--frame", "3"],
  ["coloc", `${F}pair-u16-imagej.tif`, "--mask", `${F}pair-mask.tif`, "--labels", `${F}pair-labels.tif`],
  ["coloc", `${F}pair-u16-imagej.tif`, "--mask", `${F}zstack-u16-imagej.tif`],
  ["coloc", "missing.tif"],
  ["coloc", `${I}notes.tif`],
  ["coloc", "--batch", F],
  ["coloc", "--batch", F, "--design", `${I}coloc-design.csv`, "--metric", "colour"],
  ["coloc", "--batch", F, "--design", `${I}coloc-design-missing.csv`],
  ["coloc", "--batch", "no-such-folder", "--design", `${I}coloc-design.csv`],
  ["coloc", `${F}pair-u16-imagej.tif`, "--batch", F, "--design", `${I}coloc-design.csv`],
  ["simulate", "--cell-line", "SK-BR-3", "--mechanism", "bogus-loss=2"],
  ["simulate", "--cell-line", "SK-BR-3", "--mechanism", "her2-loss=0"],
  ["simulate", "--cell-line", "SK-BR-3", "--mechanism", "her2-loss"],
  ["simulate", "--cell-line", "SK-BR-3", "--mechanism", "her2-loss=lots"],
  ["simulate", "--cell-line", "HeLa-X"],
  ["simulate", "--cell-line", "SK-BR-3", "--experiment", "western-blot"],
  ["simulate", "--cell-line", "SK-BR-3", "--doses", "1nM,2furlong"],
  ["simulate", "--cell-line", "SK-BR-3", "--time", "0h"],
  ["simulate", "--cell-line", "SK-BR-3", "--inhibitor", "aspirin=1uM"],
  ["simulate", "--cell-line", "SK-BR-3", "--drug", "aspirin"],
  ["diagnose"],
  ["diagnose", "missing.yaml"],
  ["diagnose", `${I}observations-malformed.json`],
  ["diagnose", `${I}observations-malformed.yaml`],
  ["diagnose", `${I}observations-unknown.yaml`],
  ["diagnose", `${O}kpl4-tdm1r.json`, "--draws", "5"],
  ["diagnose", `${O}kpl4-tdm1r.json`, "--cell-line", "HeLa-X"],
  ["diagnose", `${O}kpl4-tdm1r.json`, "--cell-line", "BT-474"],
  ["diagnose", `${O}kpl4-tdm1r.json`, "--interactive"],
  ["convert", "10ug/mL", "--to", "nM"],
  ["convert", "1nM", "--to", "furlong"],
  ["convert", "1nM", "--to", "ng/mL", "--compound", "aspirin"],
  ["convert", "lots", "--to", "nM"],
  ["convert", "1nM"],
  ["protocol", "nope"],
  ["reproduce", "nothing"],
  ["model"],
  ["model", "explain"],
];
for (const argv of bad) add(argv, { name: `bad_${nameOf(argv)}` });

const seen = new Set<string>();
for (const c of cases) {
  if (seen.has(c.name)) throw new Error(`two CLI cases are named ${c.name}`);
  seen.add(c.name);
}

export const CLI_CASES: readonly CliCase[] = cases;
