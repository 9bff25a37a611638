/** Output files appear whole or not at all: each is written under a temporary name, then renamed. */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Write several files; if any write fails, the ones already renamed into place are removed again. */
export function writeFilesAtomically(files: { path: string; data: string | Uint8Array }[]): void {
  const done: string[] = [];
  try {
    for (const f of files) {
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      try {
        writeFileSync(tmp, f.data);
        renameSync(tmp, f.path);
        done.push(f.path);
      } finally {
        rmSync(tmp, { force: true });
      }
    }
  } catch (e) {
    for (const p of done) rmSync(p, { force: true });
    throw e;
  }
}
