/** A Sanger chromatogram, told apart by its magic number, not its file name. */
import { InputError } from "../../errors/input-error.ts";
import { looksLikeAbif, readAbif } from "./abif.ts";
import type { Chromatogram } from "./chromatogram.ts";

export interface ReadChromatogramOptions {
  /** The file name for messages, as the user gave it. */
  file?: string;
}

export function readChromatogram(bytes: Uint8Array, o: ReadChromatogramOptions = {}): Chromatogram {
  if (looksLikeAbif(bytes)) return readAbif(bytes, o);
  throw new InputError(bytes.length === 0 ? "the file is empty" : "not a Sanger chromatogram", {
    file: o.file,
    expected: 'an ABIF (.ab1) file, starting with "ABIF"',
  });
}
