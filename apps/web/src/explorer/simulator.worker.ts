/**
 * The explorer's simulator, off the page's main thread: the page stays responsive while a curve
 * set (two drugs × 11 wells, plus the assays) is integrated. Answers each request with its id.
 */
import { CELL_LINES, MECHANISMS } from "@adclab/core";
import { computeExplorer } from "./compute.ts";
import type { ExplorerCatalogue, ExplorerRequest, ExplorerResponse } from "./worker-messages.ts";

const scope = self as unknown as {
  postMessage(m: ExplorerResponse | ExplorerCatalogue): void;
  onmessage: ((e: MessageEvent<ExplorerRequest>) => void) | null;
};

scope.postMessage({
  type: "catalogue",
  cellLines: CELL_LINES.map((c) => ({ id: c.id, description: c.description })),
  mechanisms: MECHANISMS.map((m) => ({
    id: m.id,
    name: m.name,
    changes: m.changes,
    literature: m.literature,
    min: m.bounds.min,
    max: m.bounds.max,
  })),
});

scope.onmessage = (e) => {
  const r = e.data;
  const t0 = performance.now();
  try {
    scope.postMessage({ id: r.id, ok: true, result: computeExplorer(r), elapsed_ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ id: r.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
