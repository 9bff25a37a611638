/**
 * The one progress reporter for long work: a bar on a terminal, plain lines when piped
 * (about every 10 % and at the end), nothing when quiet. Always on stderr, so stdout stays
 * clean for --json and CSV output.
 */
import cliProgress from "cli-progress";
import type { CliIo } from "./io.ts";

export interface Progress {
  /** Set the number of finished units of work. */
  update(done: number, note?: string): void;
  /** Add one (or n) finished units. */
  tick(n?: number, note?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  quiet?: boolean;
}

export function createProgress(io: CliIo, o: ProgressOptions): Progress {
  const total = Math.max(1, o.total);
  if (o.quiet) return makeCounter(() => {});
  if (io.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${o.label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted} {note}`,
        stream: io.stderr as unknown as NodeJS.WritableStream,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { note: "" });
    return makeCounter(
      (done, note) => bar.update(done, { note: note ?? "" }),
      () => bar.stop(),
    );
  }
  let lastDecile = 0;
  const start = Date.now();
  return makeCounter(
    (done, note) => {
      const decile = Math.floor((10 * done) / total);
      if (decile > lastDecile) {
        lastDecile = decile;
        const pct = Math.round((100 * done) / total);
        const secs = ((Date.now() - start) / 1000).toFixed(1);
        io.stderr.write(`${o.label}: ${done}/${total} (${pct}%) ${secs}s${note ? ` ${note}` : ""}\n`);
      }
    },
    () => {},
  );

  function makeCounter(onUpdate: (done: number, note?: string) => void, onStop: () => void = () => {}): Progress {
    let done = 0;
    let stopped = false;
    return {
      update(n, note) {
        done = Math.min(total, n);
        onUpdate(done, note);
      },
      tick(n = 1, note) {
        done = Math.min(total, done + n);
        onUpdate(done, note);
      },
      stop() {
        if (!stopped) onStop();
        stopped = true;
      },
    };
  }
}
