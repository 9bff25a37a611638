// The thread side of the worker pool: loads the job module named in workerData, then runs one job
// per message with its exported function and posts back the result or the serialized error.
// Plain JavaScript, so it needs no loader itself; the job module may be TypeScript when the pool
// passes a loader (e.g. tsx) in execArgv.
import { parentPort, workerData } from "node:worker_threads";

if (workerData.preload) await import(workerData.preload);
const mod = await import(workerData.module);
const run = mod[workerData.exportName];
if (typeof run !== "function")
  throw new Error(`${workerData.module} has no exported function '${workerData.exportName}'`);

parentPort.on("message", async ({ id, input }) => {
  try {
    const result = await run(input);
    parentPort.postMessage({ id, ok: true, result });
  } catch (e) {
    const fields = {};
    if (e && typeof e === "object") {
      for (const [k, v] of Object.entries(e)) {
        try {
          structuredClone(v);
          fields[k] = v;
        } catch {
          fields[k] = String(v);
        }
      }
    }
    parentPort.postMessage({
      id,
      ok: false,
      error: { name: e?.name ?? "Error", message: e?.message ?? String(e), stack: e?.stack, fields },
    });
  }
});
parentPort.postMessage({ ready: true });
