/**
 * The predicted viability curves: the model on a dense dose grid as a line, the 10 simulated wells
 * that the 4PL fit (and so the IC50, marked ▼ on the axis) uses as points; T-DM1 and free DM1,
 * the parental line dashed underneath. Log concentration axis.
 */
import type { Curve, ExplorerResult } from "./worker-messages.ts";

const W = 560;
const H = 330;
const M = { left: 52, right: 16, top: 14, bottom: 46 };
const X_MIN = -4;
const X_MAX = 5;

const x = (c_nM: number) => M.left + ((Math.log10(c_nM) - X_MIN) / (X_MAX - X_MIN)) * (W - M.left - M.right);
const y = (v: number) => M.top + (1 - v / 1.1) * (H - M.top - M.bottom);

/** The model's curve on its dense dose grid. */
function modelPath(c: Curve): string {
  return c.model.concentration_nM
    .map((conc, i) => `${i === 0 ? "M" : "L"}${x(conc).toFixed(1)},${y(c.model.viability[i]!).toFixed(1)}`)
    .join(" ");
}

/** A small triangle on the x axis at the IC50 (only when it lies inside the tested range). */
function ic50Mark(c: Curve, className: string) {
  if (c.ic50.qualifier !== "=") return null;
  const px = x(c.ic50.value_nM);
  const py = H - M.bottom;
  return <path d={`M${px},${py - 1} l-5,-9 h10 z`} className={`ic50-mark ${className}`} />;
}

const SERIES = [
  { key: "tdm1", label: "T-DM1", className: "tdm1" },
  { key: "freeDm1", label: "free DM1 (S-methyl-DM1)", className: "free" },
] as const;

export function DoseResponseChart({ result }: { result: ExplorerResult }) {
  const ticks = Array.from({ length: X_MAX - X_MIN + 1 }, (_, i) => X_MIN + i);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="dr-chart" role="img" aria-label="Predicted viability curves">
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className={v === 0.5 ? "grid half" : "grid"} />
          <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="tick">
            {v}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(10 ** t)} x2={x(10 ** t)} y1={H - M.bottom} y2={H - M.bottom + 5} className="axis" />
          <text x={x(10 ** t)} y={H - M.bottom + 18} textAnchor="middle" className="tick">
            {t >= 0 && t <= 3 ? String(10 ** t) : `1e${t}`}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis" />
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="axis" />
      <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" className="axis-title">
        concentration (nM)
      </text>
      <text
        transform={`translate(14,${(M.top + H - M.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-title"
      >
        viability ({result.time_h} h, relative to untreated)
      </text>
      {SERIES.map((s) => {
        const parental = result.parental[s.key];
        const current = result.current[s.key];
        return (
          <g key={s.key} className={`series ${s.className}`}>
            <path d={modelPath(parental)} className="fit parental" />
            <path d={modelPath(current)} className="fit current" />
            {ic50Mark(current, "current")}
            {current.concentration_nM.map((c, i) => (
              <circle key={c} cx={x(c)} cy={y(current.viability[i]!)} r={3.2} className="point" />
            ))}
          </g>
        );
      })}
      <g className="legend" transform={`translate(${M.left + 10},${H - M.bottom - 62})`}>
        {SERIES.map((s, i) => (
          <g key={s.key} className={`series ${s.className}`} transform={`translate(0,${i * 16})`}>
            <line x1={0} x2={22} y1={0} y2={0} className="fit current" />
            <text x={28} y={4}>
              {s.label}
            </text>
          </g>
        ))}
        <g transform="translate(0,32)" className="series neutral">
          <line x1={0} x2={22} y1={0} y2={0} className="fit parental" />
          <text x={28} y={4}>
            parental {result.cellLine}
          </text>
        </g>
      </g>
    </svg>
  );
}
