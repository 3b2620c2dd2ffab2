import { defineError } from '../../kernel/index.ts';

/** Expected failures of model training, model files and the benchmark. */
export const ModelErrors = {
  modelFormat: defineError('RISK.MODEL_FORMAT_INVALID', 422, 'The file is not a supported risk model (format/version)'),
  trainingData: defineError('RISK.TRAINING_DATA_INVALID', 422, 'The training data or parameters are invalid'),
  benchmarkInput: defineError('RISK.BENCHMARK_INPUT_INVALID', 422, 'A benchmark CSV file is missing or malformed'),
  notEnoughLabels: defineError('RISK.NOT_ENOUGH_LABELS', 422, 'Too few inspection findings to train a model'),
} as const;
