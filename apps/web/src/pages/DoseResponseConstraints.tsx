/**
 * The Dose–response page's robust-fit and constraint controls: `adclab fit --robust [--rout-q Q]
 * --fix PARAM=VALUE --bounds PARAM=LO:HI --share PARAM`, sent to the API as the same text, so the
 * server checks them (and answers with the CLI's message when they are wrong).
 */

export interface FitExtras {
  robust: boolean;
  /** ROUT's Q in percent, as typed ("" = the default, 1). */
  routQ: string;
  /** One PARAM=VALUE per line. */
  fix: string;
  /** One PARAM=LO:HI per line. */
  bounds: string;
  /** Parameter names, separated by commas, spaces or lines. */
  share: string;
}

export const NO_EXTRAS: FitExtras = { robust: false, routQ: "", fix: "", bounds: "", share: "" };

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** The API options (only those given, so a stored analysis lists what the user set). */
export function extrasToOptions(e: FitExtras): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (e.robust) o.robust = true;
  if (e.robust && e.routQ.trim()) o.routQ = e.routQ.trim();
  if (lines(e.fix).length) o.fix = lines(e.fix);
  if (lines(e.bounds).length) o.bounds = lines(e.bounds);
  const share = e.share.split(/[\s,]+/).filter((s) => s !== "");
  if (share.length) o.share = share;
  return o;
}

/** The controls' state from a stored analysis's options. */
export function extrasFromOptions(o: Record<string, unknown>): FitExtras {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);
  return {
    robust: o.robust === true,
    routQ: typeof o.routQ === "string" || typeof o.routQ === "number" ? String(o.routQ) : "",
    fix: list(o.fix).join("\n"),
    bounds: list(o.bounds).join("\n"),
    share: list(o.share).join(", "),
  };
}

export function FitExtrasControls({ value, onChange }: { value: FitExtras; onChange: (v: FitExtras) => void }) {
  const set = (patch: Partial<FitExtras>) => onChange({ ...value, ...patch });
  return (
    <>
      <div className="row">
        <label className="inline">
          <input type="checkbox" checked={value.robust} onChange={(e) => set({ robust: e.target.checked })} />
          Robust fit with outlier removal (ROUT)
        </label>
        <label>
          ROUT Q (%)
          <input
            value={value.routQ}
            placeholder="1"
            size={4}
            disabled={!value.robust}
            onChange={(e) => set({ routQ: e.target.value })}
          />
        </label>
      </div>
      <div className="row">
        <label>
          Fix parameters (PARAM=VALUE, one per line)
          <textarea
            rows={3}
            cols={24}
            value={value.fix}
            placeholder="bottom=0"
            onChange={(e) => set({ fix: e.target.value })}
          />
        </label>
        <label>
          Bounds (PARAM=LO:HI, one per line)
          <textarea
            rows={3}
            cols={24}
            value={value.bounds}
            placeholder="hill=-3:"
            onChange={(e) => set({ bounds: e.target.value })}
          />
        </label>
        <label>
          Share across the curves of a compound
          <input value={value.share} placeholder="hill" size={16} onChange={(e) => set({ share: e.target.value })} />
        </label>
      </div>
      <p className="hint">
        Names as the model writes them (b, c, d, e for ll4; Bottom, Top, LogIC50, HillSlope, S) or bottom, top, ic50,
        logIC50, hill; ic50 in the file's concentration unit. A shared parameter is fitted once for all curves of a
        compound (a global fit).
      </p>
    </>
  );
}
