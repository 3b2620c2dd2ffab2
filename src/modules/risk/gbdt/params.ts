/** Hyperparameters, named as in LightGBM so that people who know it can read a model's settings. */
export interface GbdtParams {
  readonly numIterations: number;
  readonly learningRate: number;
  /** Leaf-wise growth: the leaf with the largest gain is split next, until the tree has this many leaves. */
  readonly numLeaves: number;
  /** -1 = no limit (num_leaves bounds the tree). */
  readonly maxDepth: number;
  readonly minDataInLeaf: number;
  readonly minSumHessianInLeaf: number;
  readonly lambdaL2: number;
  readonly minGainToSplit: number;
  /** Share of rows drawn (without replacement) for each tree; 1 = no bagging. */
  readonly baggingFraction: number;
  /** Share of features each tree may split on; 1 = all. */
  readonly featureFraction: number;
  /** At most 255: bins are stored as bytes. */
  readonly maxBin: number;
  readonly binSampleCount: number;
  readonly minDataInBin: number;
  /** Categorical splits: smoothing of the gradient/hessian ratio used to order categories. */
  readonly catSmooth: number;
  /** Categorical splits: extra L2 on the split gain (categorical splits overfit more easily). */
  readonly catL2: number;
  /** Categorical splits: at most this many categories on the left side. */
  readonly maxCatThreshold: number;
  /** Categorical splits: a category needs this much data in the node to be ordered on its own. */
  readonly minDataPerGroup: number;
  /** Stop after this many rounds without improvement on the validation set (0 = never). */
  readonly earlyStoppingRounds: number;
  readonly earlyStoppingMetric: 'logloss' | 'auc';
  readonly seed: number;
}

export const DEFAULT_PARAMS: GbdtParams = {
  numIterations: 500,
  learningRate: 0.05,
  numLeaves: 31,
  maxDepth: -1,
  minDataInLeaf: 20,
  minSumHessianInLeaf: 1e-3,
  lambdaL2: 1,
  minGainToSplit: 0,
  baggingFraction: 1,
  featureFraction: 1,
  maxBin: 255,
  binSampleCount: 200_000,
  minDataInBin: 3,
  catSmooth: 10,
  catL2: 10,
  maxCatThreshold: 32,
  minDataPerGroup: 20,
  earlyStoppingRounds: 50,
  earlyStoppingMetric: 'auc',
  seed: 1,
};

/** Returns the list of problems (empty = valid). */
export function checkParams(p: GbdtParams): string[] {
  const problems: string[] = [];
  const int = (name: keyof GbdtParams, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    const v = p[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      problems.push(`${name} must be an integer in [${min}, ${max}], got ${String(v)}`);
    }
  };
  const num = (name: keyof GbdtParams, min: number, max: number, minExclusive = false): void => {
    const v = p[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v > max || v < min || (minExclusive && v === min)) {
      problems.push(`${name} must be a number in ${minExclusive ? '(' : '['}${min}, ${max}], got ${String(v)}`);
    }
  };
  int('numIterations', 1);
  num('learningRate', 0, 10, true);
  int('numLeaves', 2, 1 << 16);
  if (p.maxDepth !== -1) int('maxDepth', 1, 64);
  int('minDataInLeaf', 1);
  num('minSumHessianInLeaf', 0, Number.MAX_VALUE);
  num('lambdaL2', 0, Number.MAX_VALUE);
  num('minGainToSplit', 0, Number.MAX_VALUE);
  num('baggingFraction', 0, 1, true);
  num('featureFraction', 0, 1, true);
  int('maxBin', 2, 255);
  int('binSampleCount', 1);
  int('minDataInBin', 1);
  num('catSmooth', 0, Number.MAX_VALUE);
  num('catL2', 0, Number.MAX_VALUE);
  int('maxCatThreshold', 1);
  int('minDataPerGroup', 1);
  int('earlyStoppingRounds', 0);
  int('seed', 0, 0xffffffff);
  if (p.earlyStoppingMetric !== 'logloss' && p.earlyStoppingMetric !== 'auc') {
    problems.push(`earlyStoppingMetric must be "logloss" or "auc"`);
  }
  return problems;
}
