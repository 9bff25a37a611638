/**
 * The one error type a user is meant to read. Everything that rejects user input
 * (a file, a CLI flag, an API field) throws an InputError; the CLI turns it into one
 * line and exit code 2, the API into a 4xx with the same message.
 */

/** Where in the user's input the problem is. All parts optional; give what you know. */
export interface InputLocation {
  /** File name as the user gave it (never an absolute machine path we made up). */
  file?: string;
  /** 1-based row (line) number in a table or text file. */
  row?: number;
  /** Column name or 1-based index. */
  column?: string | number;
  /** Field or option name, e.g. `--mechanism` or `observations.tdm1_ic50_fold`. */
  field?: string;
}

export interface InputErrorOptions extends InputLocation {
  /** What would have been accepted, e.g. "a positive number" or a list of choices. */
  expected?: string;
  /** The offending value as the user wrote it. */
  got?: unknown;
}

export class InputError extends Error {
  override readonly name = "InputError";
  readonly location: InputLocation;
  readonly expected: string | undefined;
  readonly got: unknown;
  /** The problem alone, without location, expected and got. */
  readonly problem: string;

  constructor(problem: string, options: InputErrorOptions = {}) {
    super(formatInputError(problem, options));
    this.problem = problem;
    const { expected, got, ...location } = options;
    this.location = location;
    this.expected = expected;
    this.got = got;
  }

  /** A copy with more location filled in (e.g. a parser that knows the file adds it). */
  at(extra: InputLocation): InputError {
    return new InputError(this.problem, {
      ...extra,
      ...stripUndefined(this.location),
      expected: this.expected,
      got: this.got,
    } as InputErrorOptions);
  }

  toJSON(): Record<string, unknown> {
    return {
      error: "input",
      message: this.message,
      problem: this.problem,
      ...stripUndefined(this.location),
      ...(this.expected === undefined ? {} : { expected: this.expected }),
      ...(this.got === undefined ? {} : { got: describeValue(this.got) }),
    };
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

function describeValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) return String(v);
  try {
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
}

/** "data.csv, row 4, column 'conc': not a number (expected a positive number, got "abc")" */
export function formatInputError(problem: string, o: InputErrorOptions): string {
  const where: string[] = [];
  if (o.file !== undefined) where.push(o.file);
  if (o.row !== undefined) where.push(`row ${o.row}`);
  if (o.column !== undefined) where.push(typeof o.column === "number" ? `column ${o.column}` : `column '${o.column}'`);
  if (o.field !== undefined) where.push(o.field);
  const detail: string[] = [];
  if (o.expected !== undefined) detail.push(`expected ${o.expected}`);
  if (o.got !== undefined) detail.push(`got ${describeValue(o.got)}`);
  const head = where.length ? `${where.join(", ")}: ` : "";
  const tail = detail.length ? ` (${detail.join(", ")})` : "";
  return `${head}${problem}${tail}`;
}
