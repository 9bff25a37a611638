/** The user's files, read for the analysis package; a missing or unreadable file is an InputError naming it. */
import { readFileSync } from "node:fs";
import { InputError } from "@adclab/core";

export function readInputFile(path: string, field: string): { name: string; bytes: Uint8Array } {
  try {
    return { name: path, bytes: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? e})`, {
      file: path,
      field,
    });
  }
}
