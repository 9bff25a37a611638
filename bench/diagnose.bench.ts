/**
 * Benchmark: the troubleshooter's diagnosis with 10 observations (target < 1 s) and its
 * expected-information-gain ranking of the remaining assays (target < 5 s), against a NumPy
 * implementation of the same formulas on the same likelihood table, measured in the same run.
 * NumPy gives the reference posterior (exact: max |Δ| is printed) and a vectorized Monte Carlo EIG
 * with its own random stream (agreement within the combined Monte Carlo error is printed).
 *
 * Run: npm run bench -- diagnose   (needs python3 with numpy; without it only ADCLab is timed)
 */
import { spawnSync } from "node:child_process";
import { diagnose, type ObservedValue, observationDefinition } from "../packages/core/src/index.ts";
import { cellLogLikelihoods, inferenceModel, posteriorFrom } from "../packages/core/src/troubleshoot/infer.ts";
import { rankExperiments, remainingAssays } from "../packages/core/src/troubleshoot/next-experiment.ts";
import {
  GROSS_ERROR_PROBABILITY,
  SIGMA_MODEL_LOG10,
  SIGMA_MODEL_PH,
} from "../packages/core/src/troubleshoot/observations.ts";

const OBSERVED: Record<string, number> = {
  tdm1_ic50_fold: 40,
  free_dm1_ic50_fold: 1.3,
  taxane_ic50_fold: 1.2,
  vinca_ic50_fold: 1.5,
  surface_her2_ratio: 0.8,
  internalized_fraction_ratio: 0.9,
  lysosomal_colocalization_ratio: 1.1,
  lysosomal_ph_shift: 0.1,
  slc46a3_mrna_ratio: 0.9,
  mk571_reversal_fold: 4,
};
const observations = Object.entries(OBSERVED).map(([id, value]) => ({ id, value }) as ObservedValue);
const DRAWS = 400;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T, repeats: number): { ms: number; result: T } {
  let result = fn(); // warm-up (JIT, table unpacking)
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), result };
}

const model = inferenceModel();
const diag = time(() => diagnose(observations, { nextExperiments: false }), 20);
const post = posteriorFrom(model, cellLogLikelihoods(model, observations));
const eig = time(() => rankExperiments(model, post, observations, { draws: DRAWS }), 3);
const posteriorOnly = time(() => posteriorFrom(model, cellLogLikelihoods(model, observations)), 50);
// The demanding case for the ranking: one result in hand, every other assay still to rank.
const first = [observations[0]!];
const postFirst = posteriorFrom(model, cellLogLikelihoods(model, first));
const eigAll = time(() => rankExperiments(model, postFirst, first, { draws: DRAWS }), 3);

console.log(
  `diagnosis, ${observations.length} observations, ${model.candidates.length} candidates: ${diag.ms.toFixed(1)} ms (target < 1000 ms)`,
);
console.log(`  of which the posterior alone (likelihoods + Bayes' rule): ${posteriorOnly.ms.toFixed(2)} ms`);
console.log(
  `EIG ranking after one observation, ${eigAll.result.length} assays × ${DRAWS} draws: ${eigAll.ms.toFixed(0)} ms (target < 5000 ms)`,
);
console.log(
  `EIG ranking of ${eig.result.length} assays × ${DRAWS} draws: ${eig.ms.toFixed(0)} ms (target < 5000 ms); top: ${eig.result
    .slice(0, 3)
    .map((r) => `${r.assayId} ${r.expectedInformationGain_bits.toFixed(3)}±${r.standardError_bits.toFixed(3)}`)
    .join(", ")}`,
);

// ---- NumPy reference on the same table -------------------------------------------------------
const assays = remainingAssays(observations);
const payload = {
  priors: Array.from(model.priors),
  // predictions[c][k][q] for the observed quantities and for every remaining assay's quantities
  quantities: [...new Set([...observations.map((o) => o.id), ...assays.flatMap((a) => a.yields)])].map((id) => {
    const def = observationDefinition(id);
    return {
      id,
      kind: def.kind,
      sigma:
        def.kind === "shift"
          ? Math.hypot(def.sigmaAssay, SIGMA_MODEL_PH)
          : Math.hypot(def.sigmaAssay, SIGMA_MODEL_LOG10),
      width: def.kind === "shift" ? def.max - def.min : Math.log10(def.max) - Math.log10(def.min),
      predicted: model.candidates.map((c) => c.cells.map((cell) => cell.predicted[def.predictedBy])),
    };
  }),
  observed: observations,
  assays: assays.map((a) => ({ id: a.id, yields: a.yields })),
  eps: GROSS_ERROR_PROBABILITY,
  draws: DRAWS,
  posterior: Array.from(post.posterior),
};

const PYTHON = `
import json, sys, time
import numpy as np
d = json.load(sys.stdin)
eps = d["eps"]
Q = {q["id"]: q for q in d["quantities"]}
ncell = [len(c) for c in Q[d["observed"][0]["id"]]["predicted"]]
def pred(q):  # flattened (state,) array and candidate index per state
    return np.concatenate([np.asarray(c, float) for c in Q[q]["predicted"]])
cand = np.repeat(np.arange(len(ncell)), ncell)
def lik(q, x, p):  # x: observed (draws,1) or scalar, p: predictions (states,)
    qq = Q[q]
    if qq["kind"] == "binary":
        py = np.where(p > 1.5, 0.6, 0.02)
        return np.where(x >= 0.5, py, 1 - py)
    if qq["kind"] == "shift":
        z = (x - p) / qq["sigma"]
    else:
        z = (np.log10(x) - np.log10(p)) / qq["sigma"]
    return (1 - eps) * np.exp(-0.5 * z * z) / (qq["sigma"] * np.sqrt(2 * np.pi)) + eps / qq["width"]
def posterior():
    ll = np.zeros(cand.size)
    for o in d["observed"]:
        ll += np.log(lik(o["id"], o["value"], pred(o["id"])))
    m = ll.max()
    w = np.exp(ll - m)
    ev = np.bincount(cand, w) / np.asarray(ncell)
    post = np.asarray(d["priors"]) * ev
    return post / post.sum(), w, ev
t = time.perf_counter(); reps = 20
for _ in range(reps): post, w, ev = posterior()
t_post = (time.perf_counter() - t) / reps * 1000
state_w = post[cand] * w / ev[cand] / np.asarray(ncell)[cand]
state_w /= state_w.sum()
rng = np.random.default_rng(20260520)
def H(p):
    p = p[p > 0]; return -(p * np.log2(p)).sum(axis=-1) if p.ndim == 1 else None
t = time.perf_counter()
eig = {}
n = d["draws"]
for a in d["assays"]:
    s = rng.choice(cand.size, size=n, p=state_w)
    like = np.ones((n, cand.size))
    for q in a["yields"]:
        p = pred(q); qq = Q[q]
        if qq["kind"] == "binary":
            py = np.where(p[s] > 1.5, 0.6, 0.02); x = (rng.random(n) < py).astype(float)
        elif qq["kind"] == "shift":
            x = p[s] + rng.standard_normal(n) * qq["sigma"]
        else:
            x = p[s] * 10 ** (rng.standard_normal(n) * qq["sigma"])
        like *= lik(q, x[:, None], p[None, :])
    joint = like * state_w[None, :]
    pc = np.zeros((n, len(ncell)))
    for c in range(len(ncell)):
        pc[:, c] = joint[:, cand == c].sum(axis=1)
    pc /= pc.sum(axis=1, keepdims=True)
    h0 = -(post[post > 0] * np.log2(post[post > 0])).sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        hs = -np.nansum(np.where(pc > 0, pc * np.log2(pc), 0.0), axis=1)
    g = h0 - hs
    eig[a["id"]] = [float(g.mean()), float(g.std() / np.sqrt(n))]
t_eig = (time.perf_counter() - t) * 1000
print(json.dumps({"numpy": np.__version__, "t_post_ms": t_post, "t_eig_ms": t_eig,
                  "posterior": post.tolist(), "eig": eig}))
`;

const py = spawnSync("python3", ["-c", PYTHON], {
  input: JSON.stringify(payload),
  encoding: "utf8",
  maxBuffer: 64 << 20,
});
if (py.status !== 0) {
  console.log(`NumPy reference not run (${(py.stderr || "python3 not found").split("\n").slice(-2).join(" ").trim()})`);
  process.exit(0);
}
const ref = JSON.parse(py.stdout) as {
  numpy: string;
  t_post_ms: number;
  t_eig_ms: number;
  posterior: number[];
  eig: Record<string, [number, number]>;
};
let maxDiff = 0;
ref.posterior.forEach((p, i) => {
  maxDiff = Math.max(maxDiff, Math.abs(p - post.posterior[i]!));
});
console.log(
  `NumPy ${ref.numpy}: posterior ${ref.t_post_ms.toFixed(2)} ms; max |Δposterior| = ${maxDiff.toExponential(2)}`,
);
console.log(
  `ratio ADCLab/NumPy: posterior ${(posteriorOnly.ms / ref.t_post_ms).toFixed(2)}×; whole diagnosis (with evidence sentences) ${(diag.ms / ref.t_post_ms).toFixed(1)}×; EIG ${(eig.ms / ref.t_eig_ms).toFixed(2)}×`,
);
let worstZ = 0;
for (const r of eig.result) {
  const [m, se] = ref.eig[r.assayId]!;
  worstZ = Math.max(worstZ, Math.abs(m - r.expectedInformationGain_bits) / Math.hypot(se, r.standardError_bits, 1e-9));
}
console.log(
  `EIG agreement with NumPy's independent Monte Carlo: worst |Δ| / combined SE = ${worstZ.toFixed(2)} over ${eig.result.length} assays`,
);
