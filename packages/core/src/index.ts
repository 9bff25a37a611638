// biome-ignore-all assist/source/organizeImports: the exports are grouped by concept, in layer order
/**
 * @adclab/core — the public barrel, and the table of contents of the core.
 * Pure TypeScript only (no node:*, no DOM): the web app runs the same code in the browser.
 *
 * Every public name is listed here by name, one group per concept, in the order of the core's
 * layers (scripts/architecture.ts, CORE_LAYERS). A name not listed is internal to its folder:
 * other packages and apps cannot import it, and core's own files import each other by relative
 * path, never through this file. To make a name public, add it to its concept's line here.
 *
 *   version · errors · units · random numbers · ODE solver · knowledge (cell lines, drugs,
 *   mechanisms, parameters, seed and troubleshooting tables, assays, protocols) · well model ·
 *   virtual assays · standard curves · calibration · parsing (delimited text, dose–response
 *   tables, TIFF, Sanger chromatograms), CSV · dose–response fitting (single, robust, global,
 *   ratios, GR metrics) · sequencing (trimming) · statistics ·
 *   co-localization · troubleshooter
 */

// Version of ADCLab, stored with every analysis
export { ADCLAB_VERSION } from "./version.ts";

// Errors: InputError, the one error meant for users (file, row, column or field; what was expected)
export {
  formatInputError,
  InputError,
  type InputErrorOptions,
  type InputLocation,
  isInputError,
} from "./errors/input-error.ts";

// Units: concentrations (molar inside; mass units need a molecular weight)
export {
  CONCENTRATION_UNITS,
  type ConcentrationUnit,
  convertConcentration,
  fromMolar,
  isMassUnit,
  type MassUnit,
  type MolarOptions,
  type MolarUnit,
  normalizeConcentrationUnit,
  type ParsedConcentration,
  parseConcentration,
  parseConcentrationValue,
  toMolar,
} from "./units/concentration.ts";

// Units: durations (hours inside)
export { fromHours, normalizeTimeUnit, parseDuration, TIME_UNITS, type TimeUnit, toHours } from "./units/time.ts";

// Units: molecular weights, with sources
export {
  type CompoundWithMw,
  MOLECULAR_WEIGHTS,
  type MolecularWeight,
  molecularWeightOfFormula,
} from "./units/molecular-weights.ts";

// Units: `adclab convert` and POST /api/units/convert
export {
  COMPOUNDS_WITH_MW,
  type ConvertQuantityFields,
  type ConvertQuantityRequest,
  type ConvertQuantityResult,
  convertQuantity,
} from "./units/convert-quantity.ts";

// Random numbers: the seeded xoshiro128** generator
export { createRng, type Rng } from "./random/rng.ts";

// ODE solver: stiff Rodas5 with dense output and tStops (src/ode/README.md)
export { createStiffSolver, type StiffSolver, solveStiff } from "./ode/stiff-solver.ts";
export { OdeError, type OdeSystem, type StiffOptions, type StiffResult, type StiffStats } from "./ode/types.ts";

// Knowledge: cell lines
export { CELL_LINE_IDS, CELL_LINES, type CellLine, findCellLine } from "./knowledge/cell-lines.ts";

// Knowledge: drugs (ADCs, payloads, comparators) and inhibitors
export {
  DRUG_IDS,
  DRUGS,
  type Drug,
  type DrugId,
  findDrug,
  findInhibitor,
  INHIBITOR_IDS,
  INHIBITORS,
  type Inhibitor,
  type InhibitorId,
} from "./knowledge/drugs.ts";

// Knowledge: the twelve resistance mechanisms and their settings
export {
  findMechanism,
  MECHANISM_IDS,
  MECHANISMS,
  type Mechanism,
  type MechanismId,
  type MechanismSetting,
  validateMechanisms,
} from "./knowledge/mechanisms.ts";

// Knowledge: model parameters (value, units, source, solidity)
export {
  MODEL_PARAMETERS,
  type ModelParameterName,
  type Solidity,
  type SourcedValue,
} from "./knowledge/parameters.ts";

// Knowledge: the source document's seed table and troubleshooting table
export { SEED_TABLE, type SeedTableRow } from "./knowledge/seed-table.ts";
export {
  type ObservedClause,
  TROUBLESHOOTING_TABLE,
  type TroubleshootingRow,
} from "./knowledge/troubleshooting-table.ts";

// Knowledge: lab assays (what each measures, duration, cost) and their protocols
export { ASSAY_IDS, ASSAYS, type Assay, type CostClass, findAssay } from "./knowledge/assays.ts";
export {
  findProtocol,
  PROTOCOL_IDS,
  PROTOCOL1_CHASE_h,
  PROTOCOL1_PULSE_h,
  PROTOCOL1_PULSE_nM,
  PROTOCOLS,
  type Protocol,
} from "./knowledge/protocols.ts";

// Well model: one simulated well (src/model/README.md)
export {
  type SimulateOptions,
  simulateWell,
  type WellDose,
  type WellTrajectory,
} from "./model/simulate.ts";
export type { WellConfig, WellGeometry } from "./model/rates.ts";
export {
  MOLECULES_PER_NMOL,
  N_STATES,
  S as STATE_INDEX,
  STATES,
  type StateInfo,
  type StateName,
} from "./model/states.ts";

// Well model: its description (`adclab model describe`) and exported rate constants
export {
  describeModel,
  describeModelMarkdown,
  exportScenario,
  type ModelDescription,
  type Process,
} from "./model/describe.ts";

// Virtual assays: what each lab assay would read out on the well model
export {
  defaultConcentrations,
  resolveDrug,
  simulateViability,
  type ViabilityOptions,
  type ViabilityResult,
  viabilityPoints,
} from "./virtual-assays/viability.ts";
export {
  type CatabolitePoint,
  type CataboliteResult,
  type ExpressionResult,
  type Her2Point,
  type Her2Result,
  type PulseChasePoint,
  type PulseChaseResult,
  simulateCatabolite,
  simulateExpression,
  simulateHer2,
  simulatePulseChase,
} from "./virtual-assays/read-outs.ts";

// Standard curves: straight line, through zero, quadratic; weights, inverse prediction, LOD/LOQ
export {
  type CurveLimits,
  fitLinearStandardCurve,
  type LinearStandardCurve,
  type LinearStandardCurveOptions,
  limitsOf,
  type PredictAmountOptions,
  predictAmount,
} from "./standard-curve/linear-standard-curve.ts";
export type { PolynomialCurve, PolynomialModelName } from "./standard-curve/polynomial-fit.ts";
export {
  type VarianceFunction,
  type Weighting,
  WEIGHTING_NAMES,
  type WeightingName,
} from "./standard-curve/weighting.ts";
export {
  AUTO_CANDIDATES,
  chooseWeighting,
  type HomoscedasticityTest,
  type WeightingCandidate,
  type WeightingChoice,
} from "./standard-curve/choose-weighting.ts";
export type { InversePrediction, RangeQualifier } from "./standard-curve/inverse-predict.ts";
export {
  DETECTION_LIMIT_METHODS,
  type DetectionLimitMethod,
  type Limit,
  QUANTIFICATION_LIMIT_METHODS,
  type QuantificationLimitMethod,
} from "./standard-curve/limits.ts";

// Calibration: mechanism strengths and parameters fitted to IC50s or curves
export {
  type CalibratedValue,
  type CalibrationParameter,
  type CalibrationResult,
  type CurveCalibrationResult,
  type CurveTarget,
  calibrateToCurves,
  calibrateToIc50s,
  type Ic50Target,
} from "./calibration/calibrate.ts";

// Calibration: the seed table reproduced (`adclab reproduce seed-table`)
export {
  reproduceSeedLine,
  reproduceSeedTable,
  SEED_TABLE_PLAN,
  type SeedLinePlan,
  type SeedLineReproduction,
  type SeedTableReproduction,
} from "./calibration/seed-table.ts";

// Parsing: delimited text; and the one CSV writer (RFC 4180) for every CSV file and export
export { type DelimitedRow, type DelimitedText, type Delimiter, parseDelimited } from "./io/delimited.ts";
export { type CsvOptions, type CsvValue, csvField, toCsv } from "./io/csv.ts";

// Parsing: dose–response tables (long tables, count tables, GRmetrics case A, plate layouts) → curves
export type { DoseResponseRecord, DoseResponseTable, WellRole } from "./io/dose-response/types.ts";
export { type DoseResponseReadOptions, readLongTable, readLongTableRows } from "./io/dose-response/long-table.ts";
export { type CountRow, keyColumns, readCountTable } from "./io/dose-response/count-table.ts";
export { type GrCaseATable, readGrCaseA } from "./io/dose-response/grmetrics-case-a.ts";
export { looksLikePlateGrid } from "./io/dose-response/plate-grid.ts";
export { type PlateReadOptions, readPlateLayout, type TextFile } from "./io/dose-response/plate-layout.ts";
export {
  type CurveOptions,
  type CurveSet,
  type DoseResponseCurve,
  type Normalization,
  toCurves,
} from "./io/dose-response/normalize.ts";

// Parsing: TIFF, ImageJ hyperstacks and OME-TIFF over bytes
export {
  DEFAULT_MAX_DECODED_BYTES,
  DEFAULT_TIFF_LIMITS,
  type ReadTiffOptions,
  readTiff,
  resolveChannel,
  type SampleType,
  type TiffLimits,
  type TiffStack,
} from "./io/tiff/read-tiff.ts";

// Parsing: qPCR runs (long and wide Cq tables) with "Undetermined" and above-cut-off Cq as named choices
export {
  type CqStatus,
  MISSING_CQ_CHOICES,
  type MissingCqChoice,
  type QpcrReaction,
  type QpcrReadOptions,
  type QpcrRun,
  REACTION_ROLES,
  type ReactionRole,
} from "./io/qpcr/types.ts";
export { amplificationFactor, readQpcrLongTable } from "./io/qpcr/long-table.ts";
export { readQpcrWideTable } from "./io/qpcr/wide-table.ts";

// Parsing: Sanger chromatograms (ABIF .ab1, SCF) over bytes: calls, Phred qualities, peaks, traces
export { type Chromatogram, TRACE_BASES, type TraceBase } from "./io/sanger/chromatogram.ts";
export { type AbifEntry, looksLikeAbif, type ReadAbifOptions, readAbif, readAbifDirectory } from "./io/sanger/abif.ts";
export { type ReadChromatogramOptions, readChromatogram } from "./io/sanger/read-chromatogram.ts";

// Dose–response fitting: one curve (LL.4, Prism 4PL/3PL/5PL), IC50 with its interval
export {
  type DoseResponseData,
  type DoseResponseFit,
  type DoseResponseModelName,
  type DoseResponseOptions,
  type DoseResponseParameter,
  fitDoseResponse,
  type Ic50Qualifier,
  type Ic50Report,
  type ParameterSet,
} from "./fit/dose-response.ts";
export { type ProfileInterval, profileIc50Interval } from "./fit/profile.ts";
export { fitDoseResponseRobust, type RobustFit, type RobustFitOptions } from "./fit/robust.ts";
export { prism4Model, prism5Model } from "./fit/models.ts";

// Dose–response fitting: ECx, absolute ECx, curve summaries
export {
  absoluteEffectiveConcentration,
  type ConcentrationEstimate,
  type CurveSummary,
  effectiveConcentration,
  predictResponse,
  summariseCurve,
} from "./fit/derived.ts";

// Dose–response fitting: global fits with shared or tied parameters, and their tests
export {
  fitGlobal,
  type GlobalFit,
  type GlobalFitOptions,
  globalParameterIndex,
  type Shareable,
  type SharedParameterTest,
  type TiedParameterTest,
  testSharedParameter,
  testTiedParameter,
} from "./fit/global-fit.ts";
export { curveFitsOfGlobal } from "./fit/global-curves.ts";
export { profileGlobalIc50Interval } from "./fit/global-profile.ts";

// Dose–response fitting: IC50 ratios (fold resistance) and reversal by an inhibitor
export {
  compareReversal,
  type Ic50Ratio,
  ic50Ratio,
  ic50RatioFromGlobal,
  type LogIc50Estimate,
  logIc50Of,
  type RatioInterval,
  type ReversalComparison,
} from "./fit/ratio.ts";

// Dose–response fitting: GR metrics (GRmetrics' definitions)
export {
  fitGrMetrics,
  type GrData,
  type GrMetrics,
  type GrMetricsOptions,
  grSigmoidModel,
} from "./fit/gr-metrics.ts";
export {
  type GrCurve,
  grCurvesFromCaseA,
  grCurvesFromSeparateTables,
  grCurvesFromTable,
} from "./fit/gr-curves.ts";

// Sequencing: quality trimming of Sanger reads (Mott, as Biopython's abi-trim)
export {
  DEFAULT_TRIM_CUTOFF,
  DEFAULT_TRIM_MINIMUM_LENGTH,
  mottTrim,
  type TrimOptions,
  type TrimResult,
} from "./sequencing/trim.ts";

// Statistics: t distribution, F and AICc model comparison, Mann–Whitney, Welch, Wilcoxon with Hodges–Lehmann
export { tCritical } from "./stats/distributions.ts";
export {
  type AiccComparison,
  compareByAicc,
  extraSumOfSquaresFTest,
  type FTestResult,
  type LeastSquaresSummary,
} from "./stats/model-comparison.ts";
export { type MannWhitneyResult, mannWhitneyU } from "./stats/mann-whitney.ts";
export { type WelchResult, welchTTest } from "./stats/welch.ts";
export { type WilcoxonRankSumResult, wilcoxonRankSum } from "./stats/wilcoxon-rank-sum.ts";

// qPCR: technical replicates, ΔΔCq and ΔCq (pcr's conventions), standard curves and efficiencies
export type { CqTable } from "./qpcr/cq-table.ts";
export {
  DEFAULT_MAX_SPREAD_cycles,
  dilutionSeriesOf,
  sampleTable,
  type TechnicalReplicates,
  technicalReplicates,
} from "./qpcr/replicates.ts";
export {
  type ComparativeOptions,
  type DeltaCqRow,
  type DeltaDeltaCqRow,
  deltaCq,
  deltaDeltaCq,
  type TubeMode,
} from "./qpcr/comparative-cq.ts";
export {
  type DilutionSeries,
  type EfficiencyCheck,
  efficiencyCheck,
  fitLine,
  type LineFit,
  type StandardCurve,
  standardCurves,
} from "./qpcr/standard-curve.ts";
export {
  type CurveCoefficients,
  type RelativeStandardCurveRow,
  relativeStandardCurve,
} from "./qpcr/relative-standard-curve.ts";

// qPCR: the fold with its 95 % CI (one or more reference genes, efficiencies) and pcr_test's tests
export {
  type RelativeQuantityOptions,
  type RelativeQuantityRow,
  type ReplicateDesign,
  relativeQuantity,
} from "./qpcr/relative-quantity.ts";
export {
  type DeltaCqTestName,
  type DeltaCqTestOptions,
  type DeltaCqTestRow,
  testDeltaCq,
} from "./qpcr/delta-cq-tests.ts";

// Co-localization: Coloc 2's metrics over an image or per cell
export {
  analyzeCells,
  analyzeColoc,
  type CellColocResult,
  type ColocImage,
  type ColocOptions,
  type ColocResult,
} from "./coloc/analyze.ts";
export { type ImageDims, type PixelArray, regionFromMask, regionsFromLabels } from "./coloc/pixels.ts";
export { pearsonR } from "./coloc/pearson.ts";
export { liIcq, type MandersCoefficients, manders, overlapCoefficient } from "./coloc/manders.ts";
export { kendallTauB, spearmanRho } from "./coloc/ranks.ts";

// Co-localization: thresholds (Costes, Otsu) and Costes' significance test
export { costesThresholds, otsuThreshold, type ThresholdSpec, type Thresholds } from "./coloc/thresholds.ts";
export { type CostesTestOptions, type CostesTestResult, costesSignificanceTest } from "./coloc/costes-test.ts";

// Co-localization: conditions compared with a reference, per cell
export { type CellValue, type ConditionComparison, compareConditions } from "./coloc/compare.ts";

// Troubleshooter: observations → ranked mechanisms, evidence, next experiment (`adclab diagnose`)
export {
  type DiagnosedCandidate,
  type DiagnoseOptions,
  type Diagnosis,
  diagnose,
} from "./troubleshoot/diagnose.ts";

// Troubleshooter: the observation vocabulary, and documents of observations parsed and checked
export {
  findObservation,
  OBSERVATION_IDS,
  OBSERVATIONS,
  type ObservationDefinition,
  observationDefinition,
} from "./troubleshoot/observations.ts";
export type { ObservationId } from "./knowledge/observation-ids.ts";
export {
  checkContradictions,
  type ObservationSet,
  type ObservedValue,
  parseObservationSet,
  parseObservedValue,
} from "./troubleshoot/parse-observations.ts";

// Troubleshooter: the mechanisms' short names and prior weights, and the simulator's fingerprint
export { SHORT_NAMES } from "./troubleshoot/explain.ts";
export { MECHANISM_PRIOR_WEIGHTS, type PriorWeight } from "./troubleshoot/priors.ts";
export { modelFingerprint } from "./troubleshoot/model-fingerprint.ts";
