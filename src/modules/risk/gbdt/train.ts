import type { DomainError } from '../../../kernel/index.ts';
import { ModelErrors } from '../errors.ts';
import { binMatrix, fitBinMapper, type BinnedData } from './binning.ts';
import type { FeatureMatrix } from './dataset.ts';
import { auc, logLossFromRaw } from './metrics.ts';
import { GbdtModel } from './model.ts';
import { checkParams, DEFAULT_PARAMS, type GbdtParams } from './params.ts';
import { SeededRandom } from './random.ts';
import { leafOfBinnedRow, type TrainedTree } from './tree.ts';
import { TreeLearner } from './tree-learner.ts';

export interface LabelledMatrix {
  readonly matrix: FeatureMatrix;
  /** 0 or 1 per row. */
  readonly labels: ArrayLike<number>;
}

export interface TrainOptions {
  readonly params?: Partial<GbdtParams>;
  /** Early stopping watches this set; the model keeps the trees up to its best iteration. */
  readonly valid?: LabelledMatrix;
  readonly onIteration?: (iteration: number, validMetric: number | undefined) => void;
}

export interface TrainResult {
  readonly model: GbdtModel;
  /** Number of trees kept (1-based best iteration). */
  readonly bestIteration: number;
  /** Validation metric after each iteration (empty without a validation set). */
  readonly validHistory: readonly number[];
  readonly bestValidMetric: number | undefined;
}

/** Thrown (as RISK.TRAINING_DATA_INVALID) with every problem in `details.problems`. */
function invalidTrainingInput(problems: readonly string[]): DomainError {
  return ModelErrors.trainingData(`invalid training input: ${problems.join('; ')}`, { problems });
}

/**
 * Gradient boosting of histogram trees for binary log-loss (Friedman 2001; LightGBM's histogram, leaf-wise and
 * categorical techniques). Deterministic: the only randomness (bin sampling, bagging, feature sampling) comes from a
 * PRNG seeded with params.seed.
 */
export function trainGbdt(train: LabelledMatrix, options: TrainOptions = {}): TrainResult {
  const p: GbdtParams = { ...DEFAULT_PARAMS, ...options.params };
  const problems = [...checkParams(p), ...checkData(train, 'train')];
  if (options.valid) {
    problems.push(...checkData(options.valid, 'valid'));
    const v = options.valid.matrix;
    if (v.names.length !== train.matrix.names.length || v.names.some((n, i) => n !== train.matrix.names[i])) {
      problems.push('valid: features differ from train');
    }
  }
  if (problems.length > 0) throw invalidTrainingInput(problems);

  const rng = new SeededRandom(p.seed);
  const m = train.matrix;
  const n = m.numRows;
  const y = Float64Array.from(train.labels);
  const binOpts = {
    maxBin: p.maxBin,
    binSampleCount: p.binSampleCount,
    minDataInBin: p.minDataInBin,
    minDataPerCategory: Math.max(1, Math.min(p.minDataPerGroup, p.minDataInLeaf)),
  };
  const mappers = m.columns.map((c, j) => fitBinMapper(m.kinds[j]!, c, binOpts, rng));
  const data = binMatrix(m, mappers);
  const valid = options.valid ? binMatrix(options.valid.matrix, mappers) : undefined;
  const yValid = options.valid ? Float64Array.from(options.valid.labels) : undefined;

  // Boost from the average: the first tree starts from the log-odds of the base rate.
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]!;
  const rate = Math.min(Math.max(pos / n, 1e-12), 1 - 1e-12);
  const initScore = Math.log(rate / (1 - rate));
  const score = new Float64Array(n).fill(initScore);
  const validScore = valid ? new Float64Array(valid.numRows).fill(initScore) : undefined;
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const learner = new TreeLearner(data, p);
  const allRows = Uint32Array.from({ length: n }, (_, i) => i);
  const allFeatures = Int32Array.from({ length: m.columns.length }, (_, i) => i);
  const bagSize = Math.max(1, Math.round(n * p.baggingFraction));
  const featSize = Math.max(1, Math.round(m.columns.length * p.featureFraction));

  const trees: TrainedTree[] = [];
  const history: number[] = [];
  let bestIter = 0;
  let bestMetric = Number.NaN;
  const higherIsBetter = p.earlyStoppingMetric === 'auc';

  for (let it = 0; it < p.numIterations; it++) {
    for (let i = 0; i < n; i++) {
      const prob = 1 / (1 + Math.exp(-score[i]!));
      grad[i] = prob - y[i]!;
      hess[i] = Math.max(prob * (1 - prob), 1e-16);
    }
    const rows = bagSize < n ? rng.sampleSorted(n, bagSize) : allRows;
    const features = featSize < allFeatures.length ? Int32Array.from(rng.sampleSorted(allFeatures.length, featSize)) : allFeatures;
    const tree = learner.grow(grad, hess, rows, features);
    if (tree.splitFeature.length === 0) break; // no admissible split left: further trees would be constants
    trees.push(tree);
    addTree(tree, data, score);
    let metric: number | undefined;
    if (valid && validScore && yValid) {
      addTree(tree, valid, validScore);
      metric = higherIsBetter ? auc(validScore, yValid) : logLossFromRaw(validScore, yValid);
      history.push(metric);
      if (Number.isNaN(bestMetric) || (higherIsBetter ? metric > bestMetric : metric < bestMetric)) {
        bestMetric = metric;
        bestIter = trees.length;
      } else if (p.earlyStoppingRounds > 0 && trees.length - bestIter >= p.earlyStoppingRounds) {
        options.onIteration?.(it + 1, metric);
        break;
      }
    }
    options.onIteration?.(it + 1, metric);
  }
  if (!valid) bestIter = trees.length;
  const kept = trees.slice(0, bestIter);
  const specs = m.names.map((name, j) => ({ name, kind: m.kinds[j]! }));
  return {
    model: GbdtModel.fromTrees(specs, initScore, kept, p, bestIter),
    bestIteration: bestIter,
    validHistory: history,
    bestValidMetric: valid ? bestMetric : undefined,
  };
}

function addTree(tree: TrainedTree, data: BinnedData, score: Float64Array): void {
  for (let r = 0; r < data.numRows; r++) score[r]! += tree.leafValue[leafOfBinnedRow(tree, data.bins, data.numRows, r)]!;
}

function checkData(d: LabelledMatrix, what: string): string[] {
  const problems: string[] = [];
  const m = d.matrix;
  if (m.numRows === 0) problems.push(`${what}: no rows`);
  if (d.labels.length !== m.numRows) problems.push(`${what}: ${d.labels.length} labels for ${m.numRows} rows`);
  if (m.columns.length === 0) problems.push(`${what}: no features`);
  if (m.columns.length !== m.names.length || m.kinds.length !== m.names.length) {
    problems.push(`${what}: names, kinds and columns differ in length`);
  }
  m.columns.forEach((c, j) => {
    if (c.length !== m.numRows) problems.push(`${what}: column ${m.names[j]} has ${c.length} values`);
  });
  for (let i = 0; i < d.labels.length; i++) {
    const v = d.labels[i];
    if (v !== 0 && v !== 1) {
      problems.push(`${what}: label at row ${i} is ${String(v)}, expected 0 or 1`);
      break;
    }
  }
  return problems;
}
