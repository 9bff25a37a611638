/**
 * What the server derives from an analysis contract (@adclab/analyses): the request's `inputs`
 * (one raw file id per file slot, or for a document slot the document itself) checked and loaded,
 * and the OpenAPI components of the kind — its inputs, its options (the contract's own schema,
 * with every option's description) and its result. The options themselves are checked by the
 * contract (optionsFromJson).
 */
import { type AnalysisContract, isPositional, type NamedFile } from "@adclab/analyses";
import { InputError } from "@adclab/core";
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { ZodObject, type ZodType, ZodUnion } from "zod";
import { experimentFile, type FileRef, fileRef } from "./coloc.ts";
import type { KindContext } from "./kinds.ts";

const FileId = z.string().openapi({ description: "the id of a raw file uploaded to the experiment" });

/** "dose-response" → "DoseResponse": the kind's name in OpenAPI component names. */
const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase());

function requiredSlots(contract: AnalysisContract): string[] {
  return Object.entries(contract.files)
    .filter(([, s]) => s.required)
    .map(([k]) => k);
}

/** The contract's document slot (FileSlot.document), if it has one: then its `inputs` are that document. */
function documentSlot(contract: AnalysisContract) {
  return Object.values(contract.files).find((s) => s.document !== undefined)?.document;
}

/** The kind's `inputs` as OpenAPI documents them. */
export function contractInputsSchema(contract: AnalysisContract) {
  const document = documentSlot(contract);
  if (document) return contractDocumentSchema(contract, document);
  const shape = Object.fromEntries(
    Object.entries(contract.files).map(([k, slot]) => [k, slot.required ? FileId : FileId.optional()]),
  );
  const flags = Object.entries(contract.files)
    .map(([k, s]) => {
      if (!isPositional(s)) return `[${s.cli.split(/\s+/)[0]}]`;
      const name = s.cliField ?? k.toUpperCase();
      return s.required ? name : `[${name}]`;
    })
    .join(" ");
  return z.object(shape).openapi({
    description: `inputs of kind "${contract.id}": the files \`adclab ${contract.command} ${flags}\` reads; stored as { id, name, sha256 } each`,
  });
}

/**
 * The same object (or union) schema made by this module's zod: zod-openapi's `.openapi()` exists
 * only on schemas made after @hono/zod-openapi extended zod, and the contracts may load first. The
 * fields or members (with their descriptions, defaults and ranges) are the contract's own.
 */
function documented(schema: ZodType, description: string) {
  if (schema instanceof ZodObject) return sameObject(schema).openapi({ description });
  if (schema instanceof ZodUnion) return z.union(schema.options).openapi({ description });
  throw new Error(`cannot document a result of type ${schema.def.type}: make it an object or a union`);
}

/** The object schema again, made by this module's zod; other keys are refused or passed as the original does. */
function sameObject(schema: ZodObject) {
  const catchall = schema.def.catchall;
  return catchall === undefined ? z.object(schema.shape) : z.object(schema.shape).catchall(catchall);
}

/**
 * The document a document-slot contract takes as its `inputs`, as the API checks and documents it
 * (e.g. a request body); `.openapi(name)` makes it a named component.
 */
export function contractDocumentSchema(contract: AnalysisContract, document = documentSlot(contract)) {
  if (!document) throw new Error(`${contract.id}: no document slot`);
  return sameObject(document).openapi({
    description: document.meta()?.description ?? `inputs of kind "${contract.id}"`,
  });
}

/** Registers the kind's Inputs, Options and Result components (in the app's OpenAPI registry). */
export function registerContractSchemas(app: Pick<OpenAPIHono, "openAPIRegistry">, contract: AnalysisContract): void {
  const name = pascal(contract.id);
  app.openAPIRegistry.register(`${name}Inputs`, contractInputsSchema(contract));
  const flags = `the flags of \`adclab ${contract.command}\` in camelCase, repeatable flags as lists`;
  app.openAPIRegistry.register(
    `${name}Options`,
    documented(contract.options, `options of kind "${contract.id}": ${flags}`),
  );
  const result = contract.result;
  const description = result.meta()?.description ?? `results of kind "${contract.id}"`;
  app.openAPIRegistry.register(`${name}Result`, documented(result, description));
}

/**
 * The request's `inputs` → each file's name and bytes (for `run`) and its stored reference (id,
 * name, SHA-256). Every file must belong to the experiment.
 */
export async function contractFiles(
  contract: AnalysisContract,
  inputs: unknown,
  ctx: Pick<KindContext, "store" | "experimentId">,
): Promise<{ named: Record<string, NamedFile>; files: Record<string, FileRef> }> {
  const slots = Object.keys(contract.files);
  const required = requiredSlots(contract);
  if (typeof inputs !== "object" || inputs === null) {
    throw new InputError(`${contract.id} needs the uploaded file`, {
      field: "inputs",
      expected: `{ ${required.map((k) => `"${k}": "<raw file id>"`).join(", ")} }`,
    });
  }
  const given = inputs as Record<string, unknown>;
  for (const k of Object.keys(given)) {
    if (!slots.includes(k))
      throw new InputError(`unknown input '${k}'`, { field: `inputs.${k}`, expected: slots.join(", ") });
  }
  for (const k of required) {
    if (given[k] === undefined) {
      throw new InputError(`the file to ${contract.command} is missing`, {
        field: `inputs.${k}`,
        expected: "a raw file id",
      });
    }
  }
  const files: Record<string, FileRef> = {};
  const named: Record<string, NamedFile> = {};
  for (const slot of slots) {
    if (given[slot] === undefined) continue;
    const raw = await experimentFile(ctx.store, ctx.experimentId, given[slot], `inputs.${slot}`);
    files[slot] = fileRef(raw);
    named[slot] = { name: raw.originalName, content: raw.content };
  }
  return { named, files };
}
