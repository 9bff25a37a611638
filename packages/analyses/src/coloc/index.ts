/** Co-localization (Protocol 1, `adclab coloc`): one image or a batch, bytes and options in. */
export {
  analyzeColocImage,
  type ColocAnalysedPixels,
  type ColocImageResult,
  type ColocRow,
  colocJson,
  prepareColocImage,
} from "./analyze.ts";
export {
  COLOC_METRICS,
  type ColocBatchImage,
  type ColocBatchSummary,
  type ColocDesignRow,
  colocMetric,
  colocRowsCsv,
  type DesignSource,
  parseColocDesign,
  summarizeColocBatch,
} from "./batch.ts";
export { type ColocFiles, ColocResultSchema, colocContract, colocInputOf } from "./contract.ts";
export { colocCytofluorogramSvg } from "./cytofluorogram.ts";
export {
  API_COLOC_FIELDS,
  CLI_FIELD_NAMES,
  COLOC_FILES,
  type ColocAnalysisOptions,
  type ColocContractOptions,
  type ColocFieldNames,
  ColocOptionsSchema,
  colocFieldNames,
  describeColocOptions,
  parseColocThreshold,
} from "./options.ts";
export type { ColocChannelPreview, ColocImageInfo } from "./previews.ts";
export { type ColocChannel, type ColocFile, type ColocInput, type ColocPixels, readColocPixels } from "./read.ts";
