/** Exit codes and the mapping from errors to one readable line. */
import { isInputError } from "@adclab/core";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Thrown by a command when it ran but the answer is "no" (e.g. a check failed). */
export class CommandFailure extends Error {
  override readonly name = "CommandFailure";
}

export function exitCodeFor(e: unknown): number {
  if (isInputError(e)) return EXIT_BAD_INPUT;
  return EXIT_FAILURE;
}

/** One line for the user; the stack only with --debug. */
export function describeError(e: unknown, debug: boolean): string {
  const base = e instanceof Error ? e.message : String(e);
  if (isInputError(e) || e instanceof CommandFailure) {
    return debug && e instanceof Error && e.stack ? `adclab: ${base}\n${e.stack}` : `adclab: ${base}`;
  }
  const line = `adclab: internal error: ${base.split("\n")[0]}`;
  if (debug && e instanceof Error && e.stack) return `${line}\n${e.stack}`;
  return `${line} (run with --debug for details)`;
}
