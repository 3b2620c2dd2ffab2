/**
 * The learner's public surface (re-exported by index.ts): gradient-boosted trees trained in-process, the feature
 * pipeline that turns declaration items into features (fitted on training data only), TreeSHAP explanations as
 * officer-readable reasons, the saved model format, and the Korean benchmark procedure.
 */
export { DEFAULT_PARAMS, type GbdtParams } from './gbdt/params.ts';
export { selectFeatures, selectRows, toRowMajor, type FeatureKind, type FeatureMatrix } from './gbdt/dataset.ts';
export { trainGbdt, type LabelledMatrix, type TrainOptions, type TrainResult } from './gbdt/train.ts';
export {
  GbdtModel,
  GBDT_FORMAT,
  GBDT_VERSION,
  type Explanation,
  type FeatureSpec,
  type GbdtModelJson,
  type TreeJson,
} from './gbdt/model.ts';
export { auc, logLossFromRaw, precisionRecallAt, sigmoid } from './gbdt/metrics.ts';
export { SeededRandom } from './gbdt/random.ts';
export { formatHs, groupKey, keyOf, unitValue, PARTY_FIELDS, type KeyField, type RiskItem } from './features/item.ts';
export { DEFAULT_SPEC, withoutParties, type NumericFeature, type PipelineSpec } from './features/spec.ts';
export {
  featureNames,
  fitPipeline,
  transformItems,
  type FeaturePipeline,
  type FittedPipeline,
} from './features/pipeline.ts';
export { pipelineFromJson, pipelineToJson, type FeaturePipelineJson } from './features/pipeline-json.ts';
export { reasonFor, topReasons, type Reason as ModelReason } from './features/reasons.ts';
export { parseKoreanCsv, KoreanCsvError, type LabelledItems } from './features/korean-csv.ts';
export { RiskModel, RISK_MODEL_FORMAT, RISK_MODEL_VERSION, type ItemExplanation, type RiskModelJson } from './risk-model.ts';
export {
  DEFAULT_GRID,
  evaluate,
  runRiskBenchmark,
  type BenchmarkFigures,
  type BenchmarkOptions,
  type SeedReport,
} from './benchmark.ts';
export { ModelErrors } from './errors.ts';
