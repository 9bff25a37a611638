export {
  type DiagnoseFiles,
  DiagnosisResultSchema,
  diagnoseContract,
  diagnoseObservationSet,
  diagnosisOptions,
  ObservationDocumentSchema,
  runDiagnosis,
} from "./contract.ts";
export { DIAGNOSE_DRAWS, type DiagnoseAnalysisOptions, DiagnoseOptionsSchema } from "./options.ts";
