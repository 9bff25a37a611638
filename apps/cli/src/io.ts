/** Where a command writes. Real runs use process streams; tests pass in-memory sinks. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** In-memory sinks for tests: `out()` and `err()` return what was written. */
export function memoryIo(): CliIo & { out(): string; err(): string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    out: () => out,
    err: () => err,
  };
}
