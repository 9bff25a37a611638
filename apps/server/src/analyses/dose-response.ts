/**
 * The `dose-response` analysis: `adclab fit` on raw files already uploaded to the experiment.
 * Inputs name the files by id ({ "file": id, "layout"?: id, "controls"?: id, "time0"?: id });
 * they are stored with each file's name and SHA-256, so the analysis says exactly which bytes it
 * read. Options are the CLI's flags in camelCase ({ model, normalize, compare: [], reversal: [], unit, mw,
 * compareModels, ec, absoluteEc, auc, robust, routQ, fix: [], bounds: [], share: [] }), checked by the
 * same parseDoseResponseOptions, so a bad value is a 400 with the CLI's message.
 * The results are the document `adclab fit --json` prints; the figure is rendered on request. The
 * fit and the figure are computed on the compute pool's worker threads (./compute-pool.ts).
 */
import {
  type DoseResponseFiles,
  type DoseResponseOptions,
  type DoseResponseOptionsInput,
  parseDoseResponseOptions,
} from "@adclab/analyses";
import { InputError } from "@adclab/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireExperiment } from "../auth/access.ts";
import type { App, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";
import { errorResponses, IdParam } from "../schemas.ts";
import { experimentFile, type FileRef, fileRef } from "./coloc.ts";
import { compute } from "./compute-pool.ts";
import type { AnalysisKind, KindContext } from "./kinds.ts";

const ROLES = ["file", "layout", "controls", "time0"] as const;
type Role = (typeof ROLES)[number];

function stringOption(options: Record<string, unknown>, key: string): string | undefined {
  const v = options[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if ((key === "mw" || key === "routQ") && typeof v === "number") return String(v);
  throw new InputError("not text", { field: `options.${key}`, got: v });
}

function listOption(options: Record<string, unknown>, key: string): string[] {
  const v = options[key];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
  throw new InputError("not a list of text", { field: `options.${key}`, expected: '["A:B", …]', got: v });
}

/** "50,90" or [50, 90], as the CLI's text or a JSON list; the values are checked by parseDoseResponseOptions. */
function numbersOption(options: Record<string, unknown>, key: string): string | number[] | undefined {
  const v = options[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "number")) return v;
  throw new InputError("not a list of numbers", { field: `options.${key}`, expected: '[50, 90] or "50,90"', got: v });
}

function switchOption(options: Record<string, unknown>, key: string): boolean | undefined {
  const v = options[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  throw new InputError("a switch is true or false", { field: `options.${key}`, got: v });
}

// The options of `adclab fit` as JSON: flag names in camelCase, repeatable flags as lists.
const TEXT = ["model", "normalize", "unit", "mw", "routQ"] as const;
const LISTS = ["compare", "reversal", "fix", "bounds", "share"] as const;
const NUMBERS = ["ec", "absoluteEc"] as const;
const SWITCHES = ["compareModels", "auc", "robust"] as const;

/** `alsoAccepted`: options the caller takes out first (fit-batch's workers), named in the error's list. */
export function doseResponseOptions(
  options: Record<string, unknown>,
  alsoAccepted: readonly string[] = [],
): DoseResponseOptionsInput {
  const known = new Set<string>([...TEXT, ...LISTS, ...NUMBERS, ...SWITCHES]);
  for (const k of Object.keys(options)) {
    if (!known.has(k)) {
      throw new InputError(`unknown option '${k}'`, {
        field: `options.${k}`,
        expected: [...known, ...alsoAccepted].join(", "),
      });
    }
  }
  const out: DoseResponseOptionsInput = {};
  for (const k of LISTS) out[k] = listOption(options, k);
  for (const k of TEXT) {
    const v = stringOption(options, k);
    if (v !== undefined) out[k] = v;
  }
  for (const k of NUMBERS) {
    const v = numbersOption(options, k);
    if (v !== undefined) out[k] = v;
  }
  for (const k of SWITCHES) {
    const v = switchOption(options, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Checks the options and loads the named files (each must be in the experiment): everything but the fit. */
async function doseResponseInputs(
  inputs: unknown,
  options: Record<string, unknown>,
  ctx: KindContext,
): Promise<{ parsed: DoseResponseOptions; named: DoseResponseFiles; files: Partial<Record<Role, FileRef>> }> {
  const parsed = parseDoseResponseOptions(doseResponseOptions(options)); // bad options before any read
  if (typeof inputs !== "object" || inputs === null) {
    throw new InputError("dose-response needs the uploaded file", {
      field: "inputs",
      expected: '{ "file": "<raw file id>" }',
    });
  }
  const given = inputs as Record<string, unknown>;
  for (const k of Object.keys(given)) {
    if (!(ROLES as readonly string[]).includes(k))
      throw new InputError(`unknown input '${k}'`, { field: `inputs.${k}`, expected: ROLES.join(", ") });
  }
  if (given.file === undefined)
    throw new InputError("the file to fit is missing", { field: "inputs.file", expected: "a raw file id" });
  const files: Partial<Record<Role, FileRef>> = {};
  const named: Partial<DoseResponseFiles> = {};
  for (const role of ROLES) {
    if (given[role] === undefined) continue;
    const raw = await experimentFile(ctx.store, ctx.experimentId, given[role], `inputs.${role}`);
    files[role] = fileRef(raw);
    named[role] = { name: raw.originalName, content: raw.content };
  }
  return { parsed, named: named as DoseResponseFiles, files };
}

export const doseResponseKind: AnalysisKind = {
  cli: "adclab fit FILE [--layout LAYOUT] [--model …] [--compare A:B] [--reversal S:I[:P]] [--fix P=V] [--bounds P=LO:HI] [--share P] … --json",
  async prepare(inputs, options, ctx) {
    const { parsed, named, files } = await doseResponseInputs(inputs, options, ctx);
    // Reading the files' contents is part of the fit, and a file it cannot read is a 400 with
    // nothing stored: so the fit (on a worker thread) is awaited here, before anything is written.
    const result = await compute(ctx.compute, { kind: "dose-response", files: named, options: parsed });
    return { inputs: files, run: () => result };
  },
};

const FigureQuery = z.object({
  format: z
    .enum(["svg", "png"])
    .default("svg")
    .openapi({ param: { name: "format", in: "query" } }),
});

const FileId = z.string().openapi({ description: "the id of a raw file uploaded to the experiment" });
export const DoseResponseInputsSchema = z
  .object({ file: FileId, layout: FileId.optional(), controls: FileId.optional(), time0: FileId.optional() })
  .openapi("DoseResponseInputs", {
    description:
      'inputs of kind "dose-response": the files `adclab fit FILE [--layout] [--controls --time0]` reads; stored as { id, name, sha256 } each',
  });
export const DoseResponseOptionsSchema = z
  .object({
    model: z.enum(["ll4", "prism4", "3pl", "5pl", "gr"]).optional(),
    normalize: z.enum(["vehicle", "none"]).optional(),
    compare: z
      .array(z.string())
      .optional()
      .openapi({ example: ["BT-474:BT-474-TR"] }),
    reversal: z
      .array(z.string())
      .optional()
      .openapi({ example: ["KPL-4 T-DM1R:verapamil:KPL-4"] }),
    unit: z.string().optional(),
    mw: z.union([z.string(), z.number()]).optional(),
    compareModels: z.boolean().optional().openapi({ description: "--compare-models" }),
    ec: z
      .union([z.string(), z.array(z.number())])
      .optional()
      .openapi({ description: "--ec: relative ECanything percentages", example: [50, 90] }),
    absoluteEc: z
      .union([z.string(), z.array(z.number())])
      .optional()
      .openapi({ description: "--absolute-ec: response levels", example: [50] }),
    auc: z.boolean().optional().openapi({ description: "--auc" }),
    robust: z.boolean().optional().openapi({ description: "--robust (ROUT)" }),
    routQ: z.union([z.string(), z.number()]).optional().openapi({ description: "--rout-q: ROUT's Q in percent" }),
    fix: z
      .array(z.string())
      .optional()
      .openapi({ description: "--fix PARAM=VALUE (repeatable)", example: ["bottom=0"] }),
    bounds: z
      .array(z.string())
      .optional()
      .openapi({ description: "--bounds PARAM=LO:HI, either side may be empty", example: ["hill=-3:"] }),
    share: z
      .array(z.string())
      .optional()
      .openapi({ description: "--share PARAM: one value for all curves of a compound", example: ["hill"] }),
  })
  .openapi("DoseResponseOptions", {
    description: 'options of kind "dose-response": the flags of `adclab fit` (docs/cli/fit.md)',
  });
export const DoseResponseResultSchema = z
  .object({
    file: z.string(),
    model: z.string(),
    normalization: z.enum(["vehicle", "none"]).optional(),
    responseUnit: z.enum(["%", "raw"]).optional(),
    concentrationUnit: z.string(),
    curves: z.array(z.record(z.string(), z.unknown())),
    comparisons: z.array(z.record(z.string(), z.unknown())),
    reversals: z.array(z.record(z.string(), z.unknown())),
    warnings: z.array(z.string()),
  })
  .openapi("DoseResponseResult", {
    description: 'results of kind "dose-response": the document `adclab fit --json` prints (docs/cli/fit.md)',
  });

/**
 * The OpenAPI schemas of the kind, and GET /api/analyses/{id}/figure: the stored dose–response
 * analysis drawn again from its files (deterministic, so the figure matches the stored results).
 */
export function registerDoseResponseFigure(app: App, o: ServerOptions) {
  app.openAPIRegistry.register("DoseResponseInputs", DoseResponseInputsSchema);
  app.openAPIRegistry.register("DoseResponseOptions", DoseResponseOptionsSchema);
  app.openAPIRegistry.register("DoseResponseResult", DoseResponseResultSchema);
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/analyses/{id}/figure",
      tags: ["analyses"],
      summary: "The figure of a stored dose-response analysis (as `adclab fit --plot out.svg|png`)",
      request: { params: IdParam, query: FigureQuery },
      responses: {
        200: {
          description: "The figure",
          content: {
            "image/svg+xml": { schema: z.string() },
            "image/png": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const a = await o.store.getAnalysis(c.req.valid("param").id);
      if (!a) throw notFound("analysis");
      await requireExperiment(c, o, a.experimentId, "read");
      if (a.kind !== "dose-response" || a.status !== "done") {
        throw new HttpError(404, "not-found", "no figure: not a finished dose-response analysis");
      }
      const { parsed, named } = await doseResponseInputs(a.inputs, (a.options ?? {}) as Record<string, unknown>, {
        store: o.store,
        experimentId: a.experimentId,
      });
      const format = c.req.valid("query").format;
      const figure = await o.compute.run({ kind: "dose-response-figure", files: named, options: parsed, format });
      if (format === "png") return c.body(new Uint8Array(figure as Uint8Array), 200, { "content-type": "image/png" });
      return c.body(figure as string, 200, { "content-type": "image/svg+xml; charset=utf-8" });
    },
  );
}
