/**
 * The explorer's link to its worker: requests are debounced while the user drags a slider, at
 * most one is in the worker at a time, and only the newest waiting request is sent next, so the
 * answer shown is always for the latest settings (older ones are dropped, never queued).
 */
import { useEffect, useRef, useState } from "react";
import type {
  ExplorerCatalogue,
  ExplorerRequest,
  ExplorerResponse,
  ExplorerResult,
  MechanismStrength,
} from "./worker-messages.ts";

export const DEBOUNCE_ms = 120;

export interface SimulationInput {
  cellLine: string;
  mechanisms: MechanismStrength[];
  time_h: number;
}

export interface SimulationState {
  catalogue?: ExplorerCatalogue;
  result?: ExplorerResult;
  /** "waiting": settings changed, not sent yet; "computing": the worker is on the latest settings. */
  status: "starting" | "waiting" | "computing" | "done" | "error";
  error?: string;
  elapsed_ms?: number;
}

export function useSimulation(input: SimulationInput | undefined): SimulationState {
  const [state, setState] = useState<SimulationState>({ status: "starting" });
  const worker = useRef<Worker | null>(null);
  const busyWith = useRef<number | null>(null);
  const pending = useRef<ExplorerRequest | null>(null);
  const latest = useRef(0);
  const sendPending = useRef<() => void>(() => {});

  useEffect(() => {
    const w = new Worker(new URL("./simulator.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    sendPending.current = () => {
      const next = pending.current;
      if (!next) return;
      pending.current = null;
      busyWith.current = next.id;
      w.postMessage(next);
      setState((s) => ({ ...s, status: "computing" }));
    };
    w.onmessage = (e: MessageEvent<ExplorerResponse | ExplorerCatalogue>) => {
      const m = e.data;
      if ("type" in m) {
        setState((s) => ({ ...s, catalogue: m }));
        return;
      }
      busyWith.current = null;
      if (m.id === latest.current) {
        setState((s) =>
          m.ok
            ? { ...s, status: "done", result: m.result, error: undefined, elapsed_ms: m.elapsed_ms }
            : { ...s, status: "error", error: m.message },
        );
      }
      sendPending.current();
    };
    w.onerror = (e) => setState((s) => ({ ...s, status: "error", error: e.message || "the simulator failed" }));
    return () => {
      w.terminate();
      worker.current = null;
      busyWith.current = null;
      pending.current = null;
    };
  }, []);

  const key = input ? JSON.stringify(input) : "";
  // The key captures every field of the input; the object itself may be new on each render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, see above
  useEffect(() => {
    if (!input) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, status: "waiting" }));
    const timer = setTimeout(() => {
      if (!worker.current) return;
      pending.current = { id, ...input };
      if (busyWith.current === null) sendPending.current();
    }, DEBOUNCE_ms);
    return () => clearTimeout(timer);
  }, [key]);

  return state;
}
