/** Durations. Internally every time is in hours ("h"); the assays run for hours to days. */
import { InputError } from "../errors/input-error.ts";

export type TimeUnit = "s" | "min" | "h" | "d";

const HOURS_PER: Record<TimeUnit, number> = { s: 1 / 3600, min: 1 / 60, h: 1, d: 24 };
export const TIME_UNITS: readonly TimeUnit[] = ["s", "min", "h", "d"];

const ALIASES: Record<string, TimeUnit> = {
  s: "s",
  sec: "s",
  secs: "s",
  second: "s",
  seconds: "s",
  m: "min",
  min: "min",
  mins: "min",
  minute: "min",
  minutes: "min",
  h: "h",
  hr: "h",
  hrs: "h",
  hour: "h",
  hours: "h",
  d: "d",
  day: "d",
  days: "d",
};

export function normalizeTimeUnit(raw: string): TimeUnit | undefined {
  return ALIASES[raw.trim().toLowerCase()];
}

export function toHours(value: number, unit: TimeUnit): number {
  return value * HOURS_PER[unit];
}

export function fromHours(hours: number, unit: TimeUnit): number {
  return hours / HOURS_PER[unit];
}

/**
 * Parse "120h", "5 d", "30 min" to hours. A bare number needs `defaultUnit`.
 * `allowZero` admits 0 (a t0 read-out); negative times are always rejected.
 */
export function parseDuration(
  text: string,
  o: { field?: string; defaultUnit?: TimeUnit; allowZero?: boolean } = {},
): number {
  const m = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) {
    throw new InputError("not a duration", {
      field: o.field,
      expected: "a number with a unit (s, min, h, d)",
      got: text,
    });
  }
  const value = Number(m[1]);
  const unitText = m[2] ?? "";
  const unit = unitText === "" ? o.defaultUnit : normalizeTimeUnit(unitText);
  if (!unit) {
    throw new InputError(unitText === "" ? "duration has no unit" : `unknown time unit '${unitText}'`, {
      field: o.field,
      expected: "one of s, min, h, d",
      got: text,
    });
  }
  if (value < 0 || (value === 0 && !o.allowZero)) {
    throw new InputError(`duration must be ${o.allowZero ? "zero or positive" : "positive"}`, {
      field: o.field,
      got: text,
    });
  }
  return toHours(value, unit);
}
