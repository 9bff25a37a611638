/**
 * Output files written all together or not at all (Node only, exported as `@adclab/report/node`):
 * the one way the CLI (and any server code) writes figures and tables to disk.
 *
 * 1. Each file's bytes go to a temporary file next to its target (same folder, so the rename
 *    below stays on one file system), which is flushed to disk (fsync) and closed.
 * 2. Each target that already exists gets a backup (a hard link, or a copy where links are not
 *    possible); then the temporary file is renamed over the target. A rename is atomic: a reader
 *    sees the old file or the new one, never half of one.
 * 3. If anything fails in 1 or 2, every rename already done is undone (the backups are renamed
 *    back over their targets, new targets removed) and every temporary file is removed, so the
 *    targets are as they were before; the error is an InputError naming the target that failed.
 * 4. Once all are in place, the folders are flushed (where the platform allows it) and the
 *    backups removed. Nothing named `.NAME.*.tmp` or `.NAME.*.bak` is left behind.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "@adclab/core";

export interface OutputFile {
  /** Where the file goes: absolute, or relative to the working directory, as the user gave it. */
  path: string;
  data: string | Uint8Array;
  /** The flag or field the path came from, named in the error (e.g. "--plot"). */
  field?: string;
  /** What the file is, in the error "cannot write the figure (ENOENT)"; default "the file". */
  what?: string;
}

interface Step {
  file: OutputFile;
  tmp: string;
  backup: string;
  /** The temporary file exists (this call created it). */
  tmpMade: boolean;
  /** The backup of the old target exists. */
  backedUp: boolean;
  /** The new file is at the target. */
  placed: boolean;
}

/**
 * Writes every file or none. On failure the targets are left as they were (files that existed
 * keep their old bytes, new ones do not appear), no temporary file remains, and the error is an
 * InputError "cannot write WHAT (CODE)" with the file's field and path; an error that is not the
 * file system's is rethrown as it is, after the same clean-up.
 */
export function writeFilesAtomically(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const key = resolve(f.path);
    if (seen.has(key)) throw new Error(`writeFilesAtomically: ${f.path} is given twice`);
    seen.add(key);
  }
  const stamp = `${process.pid}.${randomBytes(4).toString("hex")}`;
  const steps: Step[] = files.map((file) => {
    const dir = dirname(file.path);
    const name = basename(file.path);
    return {
      file,
      tmp: join(dir, `.${name}.${stamp}.tmp`),
      backup: join(dir, `.${name}.${stamp}.bak`),
      tmpMade: false,
      backedUp: false,
      placed: false,
    };
  });
  let current: Step | undefined;
  try {
    for (const s of steps) {
      current = s;
      writeDurably(s);
    }
    for (const s of steps) {
      current = s;
      if (lstatSync(s.file.path, { throwIfNoEntry: false })) {
        backUp(s.file.path, s.backup);
        s.backedUp = true;
      }
      renameSync(s.tmp, s.file.path);
      s.tmpMade = false;
      s.placed = true;
    }
  } catch (e) {
    const notUndone = rollBack(steps);
    throw writeError(current as Step, e, notUndone);
  }
  for (const dir of new Set(steps.map((s) => dirname(s.file.path)))) syncFolder(dir);
  for (const s of steps) if (s.backedUp) rmSync(s.backup, { force: true });
}

/** The temporary file: created exclusively (never someone else's file), written, flushed, closed. */
function writeDurably(s: Step): void {
  const fd = openSync(s.tmp, "wx");
  s.tmpMade = true;
  try {
    writeFileSync(fd, s.file.data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A second name for the old target (a hard link), or a copy where the file system has no links. */
function backUp(target: string, backup: string): void {
  try {
    linkSync(target, backup);
  } catch {
    copyFileSync(target, backup);
  }
}

/** Undoes what is done, last first; returns the targets that could not be restored. */
function rollBack(steps: readonly Step[]): string[] {
  const failed: string[] = [];
  for (const s of [...steps].reverse()) {
    try {
      if (s.placed && s.backedUp) renameSync(s.backup, s.file.path);
      else if (s.placed) rmSync(s.file.path, { force: true });
      else if (s.backedUp) rmSync(s.backup, { force: true });
    } catch {
      failed.push(s.file.path);
    }
    try {
      if (s.tmpMade) rmSync(s.tmp, { force: true });
    } catch {
      // nothing more to try: the error names the target
    }
  }
  return failed;
}

function writeError(s: Step, e: unknown, notUndone: readonly string[]): unknown {
  const { code, syscall } = (e ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== "string" || typeof syscall !== "string") return e; // not the file system's
  const undo = notUndone.length ? `; could not restore ${notUndone.join(", ")}` : "";
  return new InputError(`cannot write ${s.file.what ?? "the file"} (${code})${undo}`, {
    ...(s.file.field === undefined ? {} : { field: s.file.field }),
    got: s.file.path,
  });
}

/** Flushes a folder's entries (the renames) to disk; not possible everywhere (Windows), so best effort. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // the files are in place; only their durability across a power cut is not ensured
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
