/**
 * The contract of an analysis: everything the faces (CLI, API, jobs, web) need to know about it,
 * declared once. Its options are ONE zod object schema; each field is made with `option()`, which
 * gives zod the description (so OpenAPI documents it) and our registry the rest (the CLI flag, the
 * form's label). The CLI's flags and help, the API's validation and OpenAPI entry, the jobs' check
 * of a batch's options and the web page's form are all derived from that schema (./fields.ts,
 * ./check.ts); nothing re-declares it. Browser-safe: zod only.
 */
import { z } from "zod";

/** How the faces present one option; the description doubles as CLI help and API documentation. */
export interface OptionMeta {
  /** The CLI flag with its value name, as commander spells it: "--compare <ref:test>", "--auc". */
  flag: string;
  /** The CLI help line, the OpenAPI description and the form's hint. */
  description: string;
  /** The CLI help line when it must read otherwise (a `--no-…` flag says what turning the option off does). */
  help?: string;
  /** The form's label (default: the description). */
  label?: string;
  /** Shown with the value in forms and in the form's hint, e.g. "%" or "g/mol". */
  unit?: string;
  /** A list option given once per value on the CLI (`--compare A:B --compare A:C`). */
  repeatable?: boolean;
  /** A repeatable flag whose value may hold several, split here (`--mechanism a=2,b=3` with ","). */
  separator?: string;
  /** On the CLI an empty value (`--dose ''`) is the option not given. */
  blankIsUnset?: boolean;
  /** The problem when a required option is not given (default "required"); `expected` says what is. */
  missing?: string;
  /** A choice's name in "unknown NOUN 'x'" (default: the key). */
  noun?: string;
  /** commander's default, shown in the help as (default: "…"); the schema's own default stays with zod. */
  cliDefault?: string;
  /** Labels of an enum's values for a form's select (value → label). */
  choiceLabels?: Readonly<Record<string, string>>;
  /** The form's text for "not set" (a select's empty choice, a field's placeholder). */
  unsetLabel?: string;
  /** A placeholder for a text or list field. */
  placeholder?: string;
  /** How a form takes a list: a line per item (default), or words on one line (split at spaces and commas). */
  listInput?: "lines" | "words";
  /** The switch option this one only means something with (a form disables it until that is on). */
  requires?: string;
  /** What the API's message says is expected when the JSON type is wrong. */
  expected?: string;
  /** An example value for OpenAPI. */
  example?: unknown;
  /**
   * The option's own message for any value its checks refuse (the JSON type, a number's range, a
   * choice), instead of the generic "not a number" / "out of range": `cli` for the CLI and library
   * callers (field: the flag), `api` for the API (field: `options.<key>`; default: `cli`'s). For
   * messages the faces gave before the contract; a new option leaves this out.
   */
  refused?: { cli: RefusedMessage; api?: RefusedMessage };
  /**
   * The range the API accepts, where it is narrower than the schema's (the server bounds the work
   * one request may ask for): checked for the API's requests and documented in OpenAPI.
   */
  apiRange?: { minimum: number; maximum: number };
  /**
   * This option's own reading of the CLI's text, where one message per face (`refused`) is not
   * enough (e.g. "not a whole number" and "must not be negative"): returns the value in the
   * schema's type or throws the InputError, naming `field`. It replaces steps 1–2 of ./check.ts
   * for the CLI. For messages the faces gave before the contract; a new option leaves this out.
   */
  fromFlag?: (text: string, field: string) => unknown;
  /**
   * The same for the API's JSON: called for every value given, null included; returns the value in
   * the schema's type (undefined: not given) or throws, naming `field` (`options.<key>`).
   */
  fromJson?: (value: unknown, field: string) => unknown;
}

/** A problem and what was expected, as an InputError says them. */
export interface RefusedMessage {
  problem: string;
  expected: string;
}

/** Our registry of option metadata, keyed by the field's schema instance. */
export const optionRegistry = z.registry<OptionMeta>();

/** One option: its schema (JSON type, range, default) and how the faces present it. */
export function option<T extends z.ZodType>(schema: T, meta: OptionMeta): T {
  const documented = schema.meta({
    description: meta.description,
    ...(meta.example === undefined ? {} : { example: meta.example }),
    ...(meta.apiRange ?? {}),
  }) as T;
  optionRegistry.add(documented, meta);
  return documented;
}

/**
 * An input file of an analysis: the API's `inputs.<slot>` (a raw file id), the CLI's argument or
 * flag. A document slot is the exception: the API takes the decoded document itself as `inputs`.
 */
export interface FileSlot {
  /** The CLI's positional argument ("<file>", or "[file]" when it may be left out) or flag ("--layout <file>"). */
  cli: string;
  description: string;
  required?: boolean;
  /** What the CLI calls it in messages (the argument's name, e.g. "FILE"; default: the flag). */
  cliField?: string;
  /**
   * A document, not an uploaded file: the API's request carries it (decoded JSON) as its whole
   * `inputs`, the CLI reads it from the file named (e.g. JSON or YAML). Its schema documents it in
   * OpenAPI. A contract with a document slot has that one slot.
   */
  document?: z.ZodObject;
}

/** A slot given as the CLI's positional argument ("<file>" or "[file]") rather than a flag. */
export const isPositional = (slot: FileSlot) => slot.cli.startsWith("<") || slot.cli.startsWith("[");

/** A troubleshooter observation an analysis yields (packages/core/src/troubleshoot/observations.ts). */
export interface YieldedObservation {
  id: string;
  /** How the analysis makes it, in a sentence. */
  from: string;
}

export interface AnalysisContract<
  Schema extends z.ZodObject = z.ZodObject,
  Options = unknown,
  Files = unknown,
  Result = unknown,
> {
  /** The API's analysis kind, e.g. "dose-response". */
  id: string;
  /** The CLI command, e.g. "fit". */
  command: string;
  /** One line: the CLI command's description and the API kind's summary. */
  summary: string;
  files: Readonly<Record<string, FileSlot>>;
  /** The options as JSON gives them; the CLI's text is turned into these types first. */
  options: Schema;
  /**
   * Cross-field checks and the typed options `run` takes. Messages name the CLI's flags, or, for a
   * contract whose faces each use their own names, `name(key)`: the face's name of the option or
   * file slot (./fields.ts faceNames: the CLI's flag, or with `apiNames: "key"` the API's key). A `records` option (./fields.ts) may arrive as
   * the CLI's text, which `parse` reads as well.
   */
  parse(input: z.output<Schema>, name?: (key: string) => string): Options;
  /**
   * What the API's messages call an option: "flag" (default) names the CLI's flag once the JSON
   * type is checked (docs/cli documents the flags); "key" names `options.<key>` throughout (in
   * `parse`'s `name` too), and an unknown option `options`.
   */
  apiNames?: "flag" | "key";
  /** The result's schema (for OpenAPI): the document `--json` prints (an object, or a union of them). */
  result: z.ZodType;
  observations: readonly YieldedObservation[];
  run(files: Files, options: Options): Result;
}

/** Declares an analysis; the identity function, there for the types. */
export function defineAnalysis<Schema extends z.ZodObject, Options, Files, Result>(
  c: AnalysisContract<Schema, Options, Files, Result>,
): AnalysisContract<Schema, Options, Files, Result> {
  return c;
}

/** The metadata of an option field; an option made without `option()` is a mistake in the contract. */
export function metaOf(contract: Pick<AnalysisContract, "id" | "options">, key: string): OptionMeta {
  const field = contract.options.shape[key];
  const meta = field ? optionRegistry.get(field) : undefined;
  if (!meta) throw new Error(`${contract.id}: option '${key}' was not made with option()`);
  return meta;
}
