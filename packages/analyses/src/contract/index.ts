/** The analysis contract: one schema per analysis, from which every face derives its options. */
export { optionsFromFlags, optionsFromJson, optionsFromValues } from "./check.ts";
export {
  type AnalysisContract,
  defineAnalysis,
  type FileSlot,
  isPositional,
  metaOf,
  type OptionMeta,
  option,
  optionRegistry,
  type RefusedMessage,
  type YieldedObservation,
} from "./define.ts";
export { faceNames, type NamingFace, type OptionField, type OptionKind, optionFields } from "./fields.ts";
