/**
 * Uploaded file names are kept for the user's benefit only (bytes are addressed by id), but a
 * name that tries to climb directories or hides control characters is refused outright rather
 * than quietly rewritten, so a hostile upload writes nothing.
 */
import { InputError } from "@adclab/core";

const MAX_NAME_LENGTH = 255;

export function sanitizeFileName(name: string, field = "file name"): string {
  const trimmed = name.normalize("NFC").trim();
  if (trimmed === "") throw new InputError("empty file name", { field, expected: "a file name such as plate1.csv" });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new InputError("file name contains control characters", { field, got: name });
  }
  if (/[/\\]/.test(trimmed) || trimmed === "." || trimmed === "..") {
    throw new InputError("file name must not contain a path", {
      field,
      expected: "a plain file name without '/', '\\' or '..'",
      got: name,
    });
  }
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new InputError("file name too long", { field, expected: `at most ${MAX_NAME_LENGTH} characters` });
  }
  // A leading dot would make a hidden file if the user ever exports it to disk.
  return trimmed.replace(/^\.+/, "") || "unnamed";
}
