/**
 * Pathway explorer: the documents' pathway with every resistance mechanism as a switch and a
 * strength slider on its step; the predicted T-DM1 and free-DM1 curves, IC50s and assay
 * read-outs follow as the user moves them. The well model runs in a Web Worker
 * (explorer/simulator.worker.ts) with the same functions and defaults as `adclab simulate`.
 */
import { useEffect, useMemo, useState } from "react";
import { DoseResponseChart } from "../explorer/DoseResponseChart.tsx";
import { ic50CiText, ic50Text, percent, sig } from "../explorer/display.ts";
import { type MechanismControl, PathwayDiagram } from "../explorer/PathwayDiagram.tsx";
import { defaultStrength, strengthLadder } from "../explorer/strength.ts";
import { useSimulation } from "../explorer/useSimulation.ts";
import type { Curve, ExplorerResult, Readouts } from "../explorer/worker-messages.ts";
import "../explorer/explorer.css";

const TIMES_h = [72, 96, 120];

function Ic50Table({ result }: { result: ExplorerResult }) {
  const row = (label: string, key: "tdm1" | "freeDm1", current: Curve, parental: Curve) => {
    const fold = current.ic50.value_nM / parental.ic50.value_nM;
    return (
      <tr key={key}>
        <td>{label}</td>
        <td className="num">{ic50Text(parental)}</td>
        <td className="num ic50" data-testid={`ic50-${key}`}>
          {ic50Text(current)}
        </td>
        <td className="hint">{ic50CiText(current)}</td>
        <td className="num" data-testid={`fold-${key}`}>
          {current.ic50.qualifier === "=" && parental.ic50.qualifier === "=" ? `×${sig(fold)}` : "—"}
        </td>
      </tr>
    );
  };
  return (
    <table className="ic50-table">
      <thead>
        <tr>
          <th>Drug</th>
          <th className="num">Parental IC50</th>
          <th className="num">Predicted IC50</th>
          <th>4PL fit to the simulated wells</th>
          <th className="num">Fold</th>
        </tr>
      </thead>
      <tbody>
        {row("T-DM1", "tdm1", result.current.tdm1, result.parental.tdm1)}
        {row("free DM1", "freeDm1", result.current.freeDm1, result.parental.freeDm1)}
      </tbody>
    </table>
  );
}

type Row = [label: string, value: (r: Readouts) => string];

/** The read-outs of each virtual assay, grouped by assay, parental beside predicted. */
function readoutGroups(result: ExplorerResult): [string, Row[]][] {
  const chase = result.current.pulseChase.map((p) => p.chase_h);
  const at = (r: Readouts, h: number) => r.pulseChase.find((q) => q.chase_h === h)!;
  const cat = result.current.catabolite;
  return [
    [
      "Pulse–chase, Protocol 1 (10 µg/mL T-DM1 for 1 h; immunofluorescence)",
      [
        ...chase.map((h): Row => [`internalized, ${h} h chase`, (r) => percent(at(r, h).fractionInternalized)]),
        ...chase.map((h): Row => [`in lysosomes (LAMP1), ${h} h chase`, (r) => percent(at(r, h).fractionInLysosomes)]),
        ...chase.map(
          (h): Row => [
            `co-localized with LAMP1 (Manders' M1, Protocol 1), ${h} h chase`,
            (r) => percent(at(r, h).lysosomalOverlap),
          ],
        ),
      ],
    ],
    [
      `Intracellular Lys-SMCC-DM1, LC-MS/MS (${cat.adc_nM} nM T-DM1, ${cat.time_h} h; pmol per 10⁶ cells)`,
      [
        ["total", (r) => sig(r.catabolite.total)],
        ["in lysosomes", (r) => sig(r.catabolite.lysosomal)],
        ["free in cytosol", (r) => sig(r.catabolite.cytosolicFree)],
      ],
    ],
    [
      "HER2 (untreated cells)",
      [
        ["surface HER2, flow (relative to parental)", (r) => sig(r.surfaceHer2_relative)],
        ["shed ECD at 72 h, ELISA (ng/mL)", (r) => sig(r.shedEcd_ng_per_mL)],
      ],
    ],
    [
      "Expression, qPCR (fold vs parental, 2^−ΔΔCt)",
      result.current.expression.map(
        (g): Row => [g.gene, (r) => sig(r.expression.find((e) => e.gene === g.gene)?.foldChange ?? Number.NaN)],
      ),
    ],
  ];
}

function ReadoutTable({ result }: { result: ExplorerResult }) {
  return (
    <table className="readouts" data-testid="readouts">
      <thead>
        <tr>
          <th>Predicted read-out</th>
          <th className="num">Parental</th>
          <th className="num">With mechanisms</th>
        </tr>
      </thead>
      {readoutGroups(result).map(([group, rows]) => (
        <tbody key={group}>
          <tr>
            <th colSpan={3} className="group">
              {group}
            </th>
          </tr>
          {rows.map(([label, f]) => {
            const p = f(result.parental);
            const c = f(result.current);
            return (
              <tr key={label} className={p === c ? undefined : "changed"}>
                <td>{label}</td>
                <td className="num">{p}</td>
                <td className="num">{c}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}

export function ExplorerPage() {
  const [cellLine, setCellLine] = useState("SK-BR-3");
  const [time_h, setTime] = useState(120);
  const [controls, setControls] = useState<Record<string, MechanismControl>>({});
  const input = useMemo(
    () => ({
      cellLine,
      time_h,
      mechanisms: Object.entries(controls)
        .filter(([, c]) => c.on)
        .map(([id, c]) => ({ id, strength: c.ladder[c.index]! })),
    }),
    [cellLine, time_h, controls],
  );
  const sim = useSimulation(input);
  const catalogue = sim.catalogue;

  // Controls start once the worker has said which mechanisms the model has, with their ranges.
  const ready = catalogue !== undefined;
  useEffect(() => {
    if (!catalogue) return;
    const initial: Record<string, MechanismControl> = {};
    for (const m of catalogue.mechanisms) {
      const ladder = strengthLadder(m.min, m.max);
      initial[m.id] = { on: false, index: ladder.indexOf(defaultStrength(ladder)), ladder };
    }
    setControls(initial);
  }, [catalogue]);

  const update = (id: string, patch: Partial<MechanismControl>) =>
    setControls((cs) => ({ ...cs, [id]: { ...cs[id]!, ...patch } }));
  const reset = () =>
    setControls((cs) =>
      Object.fromEntries(
        Object.entries(cs).map(([id, c]) => [
          id,
          { ...c, on: false, index: c.ladder.indexOf(defaultStrength(c.ladder)) },
        ]),
      ),
    );

  const busy = sim.status === "waiting" || sim.status === "computing" || sim.status === "starting";
  const result = sim.result;
  return (
    <section className="explorer">
      <h1>Pathway explorer</h1>
      <p className="hint">
        Switch on a resistance mechanism on its step and set its strength (a fold change; 1 = none). The well model
        predicts the curves and read-outs below as <code>adclab simulate</code> would, in your browser.
      </p>
      <div className="row explorer-controls">
        <label>
          Cell line
          <select value={cellLine} onChange={(e) => setCellLine(e.target.value)} disabled={!ready}>
            {(catalogue?.cellLines ?? [{ id: cellLine, description: "" }]).map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Viability read-out
          <select value={time_h} onChange={(e) => setTime(Number(e.target.value))}>
            {TIMES_h.map((t) => (
              <option key={t} value={t}>
                {t} h
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reset} disabled={!ready}>
          All mechanisms off
        </button>
        <output data-testid="sim-status" data-state={sim.status} className={`sim-status ${sim.status}`}>
          {sim.status === "error"
            ? `Simulation failed: ${sim.error}`
            : busy
              ? "computing…"
              : `updated (${sig(sim.elapsed_ms ?? 0)} ms in the worker)`}
        </output>
      </div>
      {catalogue ? (
        <PathwayDiagram
          mechanisms={catalogue.mechanisms}
          controls={controls}
          result={result}
          onToggle={(id, on) => update(id, { on })}
          onStrength={(id, index) => update(id, { index })}
        />
      ) : (
        <p className="hint">Loading the model…</p>
      )}
      {result ? (
        <div className={busy ? "explorer-results stale" : "explorer-results"} aria-busy={busy}>
          <div>
            <h2>Predicted dose–response ({result.cellLine})</h2>
            <DoseResponseChart result={result} />
            <Ic50Table result={result} />
            <p className="hint">
              10 log-spaced doses, {result.time_h} h, viability relative to the untreated well, 4PL with top fixed at 1
              (as <code>adclab simulate --experiment viability</code>). The CI is the fit's, not biological variation.
            </p>
          </div>
          <div>
            <h2>Predicted assay read-outs</h2>
            <ReadoutTable result={result} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
