/**
 * The pathway as an SVG: the medium above, the cell below its membrane, the lysosome inside it,
 * each step a box with its live read-out and, on it, a switch and a strength slider for every
 * mechanism that acts there. The controls are real form inputs (in foreignObject), so they work
 * with the keyboard and a screen reader and scale with the drawing.
 */
import type { ReactNode } from "react";
import { sig, stepReadout } from "./display.ts";
import { LAYOUT, SHORT_NAMES, STEPS, type Step, type StepId, stepBox } from "./pathway.ts";
import type { ExplorerCatalogue, ExplorerResult } from "./worker-messages.ts";

export interface MechanismControl {
  on: boolean;
  /** Index into the mechanism's strength ladder. */
  index: number;
  ladder: number[];
}

interface Props {
  mechanisms: ExplorerCatalogue["mechanisms"];
  controls: Record<string, MechanismControl>;
  result?: ExplorerResult;
  onToggle(id: string, on: boolean): void;
  onStrength(id: string, index: number): void;
}

const box = (id: StepId) => stepBox(STEPS.find((s) => s.id === id)!);

type Side = "top" | "bottom" | "left" | "right";
/** A point on a box's side: `along` is the fraction of the width (top, bottom) or, on the left
 * and right, the distance from the top in units of a one-mechanism box (so arrows stay level). */
function anchor(id: StepId, side: Side, along = 0.5): [number, number] {
  const b = box(id);
  if (side === "top") return [b.x + b.w * along, b.y];
  if (side === "bottom") return [b.x + b.w * along, b.y + b.h];
  return [side === "left" ? b.x : b.x + b.w, b.y + 72 * along];
}

function Arrow({ d, label, at, kind = "flow" }: { d: string; label?: string; at?: [number, number]; kind?: string }) {
  return (
    <g className={`arrow arrow-${kind}`}>
      <path d={d} markerEnd={kind === "inhibit" ? "url(#bar)" : "url(#head)"} />
      {label && at ? (
        <text x={at[0]} y={at[1]} className="arrow-label" textAnchor="middle">
          {label}
        </text>
      ) : null}
    </g>
  );
}

function line(a: [number, number], b: [number, number]): string {
  return `M${a[0]},${a[1]} L${b[0]},${b[1]}`;
}

function Arrows() {
  const bind = box("binding");
  const sig2 = box("signalling");
  const [ix, iy] = anchor("internalization", "right", 0.22);
  const [rx, ry] = anchor("recycling", "bottom", 0.4);
  return (
    <g>
      <Arrow d={line([bind.x + bind.w / 2, 46], [bind.x + bind.w / 2, bind.y - 2])} />
      <Arrow d={line(anchor("binding", "bottom"), anchor("internalization", "top"))} />
      <Arrow d={`M${ix},${iy} C${ix + 40},${iy} ${rx},${ry + 60} ${rx},${ry + 2}`} />
      <Arrow d={line(anchor("recycling", "left", 0.4), anchor("binding", "right", 0.4))} />
      <Arrow d={line(anchor("internalization", "right", 0.7), anchor("sorting", "left", 0.7))} />
      <Arrow d={line(anchor("sorting", "right", 0.7), anchor("proteolysis", "left", 0.7))} />
      <Arrow d={line(anchor("proteolysis", "right", 0.7), anchor("slc46a3", "left", 0.7))} />
      <Arrow d={line(anchor("slc46a3", "right", 0.7), anchor("cytosol", "left", 0.7))} />
      <Arrow d={line(anchor("cytosol", "top"), anchor("efflux", "bottom"))} />
      <Arrow
        d={line(anchor("efflux", "top"), [anchor("efflux", "top")[0], 46])}
        label="DM1 species out"
        at={[anchor("efflux", "top")[0], 32]}
      />
      <Arrow
        d={line(anchor("shedding", "top"), [anchor("shedding", "top")[0], 46])}
        label="shed ECD (decoy)"
        at={[anchor("shedding", "top")[0], 32]}
      />
      <Arrow d={line(anchor("cytosol", "bottom"), anchor("tubulin", "top"))} />
      <Arrow d={line(anchor("tubulin", "left", 0.4), anchor("arrest", "right", 0.4))} />
      <Arrow d={line(anchor("arrest", "left", 0.4), anchor("apoptosis", "right", 0.4))} />
      <Arrow kind="branch" d={`M${bind.x},${bind.y + 24} H${LAYOUT.left - 22} V${sig2.y + 24} H${sig2.x - 2}`} />
      <text
        className="branch-label"
        transform={`translate(${LAYOUT.left - 28},${(bind.y + sig2.y) / 2 + 60}) rotate(-90)`}
      >
        HER2 signalling branch
      </text>
      <Arrow
        kind="inhibit"
        d={line(anchor("signalling", "right", 0.4), anchor("apoptosis", "left", 0.4))}
        label="survival signals raise the threshold"
        at={[
          (box("signalling").x + box("signalling").w + box("apoptosis").x) / 2,
          anchor("apoptosis", "left", 0.4)[1] - 10,
        ]}
      />
    </g>
  );
}

function MechanismSwitch({
  mechanism,
  control,
  onToggle,
  onStrength,
}: {
  mechanism: ExplorerCatalogue["mechanisms"][number];
  control: MechanismControl;
  onToggle(on: boolean): void;
  onStrength(index: number): void;
}) {
  const strength = control.ladder[control.index]!;
  const short = SHORT_NAMES[mechanism.id] ?? mechanism.id;
  const ph = mechanism.id === "lysosome-ph" ? ` (pH +${sig(Math.log10(strength))})` : "";
  return (
    <div
      className={control.on ? "mech on" : "mech"}
      title={`${mechanism.name}: ${mechanism.changes}. Range ×${mechanism.min}–×${mechanism.max}. ${mechanism.literature}`}
    >
      <label className="switch" data-testid={`switch-${mechanism.id}`}>
        <input
          type="checkbox"
          role="switch"
          aria-checked={control.on}
          data-testid={`mech-${mechanism.id}`}
          aria-label={short}
          checked={control.on}
          onChange={(e) => onToggle(e.target.checked)}
        />
        <span className="track" aria-hidden="true" />
        <span className="mech-name">{short}</span>
      </label>
      <div className="strength">
        <input
          type="range"
          data-testid={`strength-${mechanism.id}`}
          aria-label={`${short} strength`}
          min={0}
          max={control.ladder.length - 1}
          step={1}
          value={control.index}
          disabled={!control.on}
          onChange={(e) => onStrength(Number(e.target.value))}
        />
        <output data-testid={`strength-value-${mechanism.id}`}>
          ×{strength}
          {ph}
        </output>
      </div>
    </div>
  );
}

function StepBox({ step, children, readout }: { step: Step; children: ReactNode; readout?: string }) {
  const b = stepBox(step);
  const active = step.mechanisms.length > 0;
  return (
    <g className={`step step-${step.id}${active ? "" : " passive"}`} data-testid={`step-${step.id}`}>
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={10} />
      <text x={b.x + 12} y={b.y + 20} className="step-title">
        {step.title}
      </text>
      <text x={b.x + 12} y={b.y + 37} className="step-subtitle">
        {step.subtitle}
      </text>
      {readout ? (
        <text x={b.x + 12} y={b.y + 56} className="step-readout">
          {readout}
        </text>
      ) : null}
      {children}
    </g>
  );
}

export function PathwayDiagram({ mechanisms, controls, result, onToggle, onStrength }: Props) {
  const { width, height, medium } = LAYOUT;
  const lysosomeFrom = box("sorting");
  const lysosomeTo = box("slc46a3");
  const known = new Set(STEPS.flatMap((s) => s.mechanisms));
  const unplaced = mechanisms.filter((m) => !known.has(m.id));
  return (
    <figure className="pathway">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="pathway-title">
        <title id="pathway-title">
          T-DM1 pathway: binding, internalization, recycling or lysosome, degradation, SLC46A3, cytosol, efflux pumps or
          tubulin, G2/M arrest, apoptosis; HER2 signalling branch
        </title>
        <defs>
          <marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="marker" />
          </marker>
          <marker id="bar" viewBox="0 0 4 12" refX="3" refY="6" markerWidth="4" markerHeight="12" orient="auto">
            <rect x="0" y="0" width="4" height="12" className="marker-bar" />
          </marker>
        </defs>
        <rect x={0} y={0} width={width} height={medium + 14} className="medium" />
        <text x={12} y={22} className="compartment-label">
          Medium
        </text>
        <text x={box("binding").x + box("binding").w / 2 + 10} y={34} className="drug-label">
          T-DM1 (trastuzumab–SMCC–DM1, DAR 3.5)
        </text>
        <rect x={8} y={medium + 14} width={width - 16} height={height - medium - 22} rx={28} className="cell" />
        <text x={box("efflux").x - 16} y={medium + 40} className="compartment-label" textAnchor="end">
          HER2-positive cell
        </text>
        <rect
          x={lysosomeFrom.x + lysosomeFrom.w / 2}
          y={lysosomeFrom.y - 22}
          width={lysosomeTo.x + lysosomeTo.w / 2 - (lysosomeFrom.x + lysosomeFrom.w / 2)}
          height={lysosomeFrom.h + 40}
          rx={40}
          className="lysosome"
        />
        <text x={lysosomeFrom.x + lysosomeFrom.w / 2 + 24} y={lysosomeFrom.y - 6} className="compartment-label lyso">
          Lysosome (pH 4.7)
        </text>
        <Arrows />
        {STEPS.map((step) => (
          <StepBox key={step.id} step={step} readout={result ? stepReadout(step.id, result) : undefined}>
            {step.mechanisms.map((id, i) => {
              const m = mechanisms.find((x) => x.id === id);
              const c = controls[id];
              if (!(m && c)) return null;
              const b = stepBox(step);
              return (
                <foreignObject
                  key={id}
                  x={b.x + 8}
                  y={b.y + LAYOUT.titleHeight + LAYOUT.readoutHeight + i * LAYOUT.mechanismHeight}
                  width={b.w - 16}
                  height={LAYOUT.mechanismHeight}
                >
                  <MechanismSwitch
                    mechanism={m}
                    control={c}
                    onToggle={(on) => onToggle(id, on)}
                    onStrength={(k) => onStrength(id, k)}
                  />
                </foreignObject>
              );
            })}
          </StepBox>
        ))}
      </svg>
      {unplaced.length > 0 ? (
        <div className="unplaced">
          {unplaced.map((m) =>
            controls[m.id] ? (
              <MechanismSwitch
                key={m.id}
                mechanism={m}
                control={controls[m.id]!}
                onToggle={(on) => onToggle(m.id, on)}
                onStrength={(k) => onStrength(m.id, k)}
              />
            ) : null,
          )}
        </div>
      ) : null}
    </figure>
  );
}
