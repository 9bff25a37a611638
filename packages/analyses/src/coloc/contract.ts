/**
 * The co-localization analysis of one image as a contract (../contract/): `adclab coloc IMAGE`,
 * the API's `coloc` kind, each image of the `coloc-batch` job and the Co-localization page's
 * option controls all derive from it. Its faces name the options their own way (the CLI's
 * `--psf`, the API's `options.psf`: `apiNames: "key"`), as they always have.
 */
import { z } from "zod";
import { defineAnalysis } from "../contract/define.ts";
import type { NamedFile } from "../dose-response/read.ts";
import { analyzeColocImage } from "./analyze.ts";
import { COLOC_FILES, type ColocContractOptions, ColocOptionsSchema, resolveColocOptions } from "./options.ts";
import type { ColocInput } from "./read.ts";

/** The result document (`adclab coloc --json`; docs/cli/coloc.md has every field). */
export const ColocResultSchema = z
  .object({
    schema: z.literal("adclab.coloc/1"),
    image: z.object({
      file: z.string(),
      file2: z.string().nullable(),
      format: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      slices: z.number().int(),
      sampleType: z.string(),
      pixelSize: z.object({ x: z.number(), y: z.number(), z: z.number().optional(), unit: z.string() }).nullable(),
    }),
    channels: z.object({
      ch1: z.object({ index: z.number().int(), name: z.string().nullable() }),
      ch2: z.object({ index: z.number().int(), name: z.string().nullable() }),
    }),
    rows: z.array(z.record(z.string(), z.unknown())),
    options: z.record(z.string(), z.unknown()),
  })
  .meta({
    description: 'results of kind "coloc": the document `adclab coloc --json` prints (docs/cli/coloc.md)',
  });

/** The contract's files: what `run` takes (the CLI reads them from disk, the server from uploads). */
export type ColocFiles = { image: NamedFile } & Partial<Record<"image2" | "mask" | "labels", NamedFile>>;

/** The procedure's input from the files and the channel options. */
export function colocInputOf(files: ColocFiles, o: Pick<ColocContractOptions, "ch1" | "ch2">): ColocInput {
  const file = (f: NamedFile) => ({
    name: f.name,
    bytes: typeof f.content === "string" ? new TextEncoder().encode(f.content) : f.content,
  });
  return {
    image: file(files.image),
    ...(files.image2 ? { image2: file(files.image2) } : {}),
    ...(files.mask ? { mask: file(files.mask) } : {}),
    ...(files.labels ? { labels: file(files.labels) } : {}),
    ...(o.ch1 === undefined ? {} : { ch1: o.ch1 }),
    ...(o.ch2 === undefined ? {} : { ch2: o.ch2 }),
  };
}

export const colocContract = defineAnalysis({
  id: "coloc",
  command: "coloc",
  summary: "co-localization of two channels (Protocol 1) with Fiji Coloc 2's metrics; per cell with a label image",
  files: COLOC_FILES,
  options: ColocOptionsSchema,
  apiNames: "key",
  parse: resolveColocOptions,
  result: ColocResultSchema,
  observations: [
    {
      id: "lysosomal_colocalization_ratio",
      from: "the resistant condition's co-localization metric ÷ the parental one's at a chase time, from a batch with a design table (--batch, --reference, --metric)",
    },
  ],
  run: (files: ColocFiles, options: ColocContractOptions) =>
    analyzeColocImage(colocInputOf(files, options), options, options.fields),
});
