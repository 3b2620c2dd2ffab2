import { selectFeatures } from './gbdt/dataset.ts';
import { auc, precisionRecallAt } from './gbdt/metrics.ts';
import type { GbdtModel } from './gbdt/model.ts';
import { RiskModel } from './risk-model.ts';
import type { GbdtParams } from './gbdt/params.ts';
import { trainGbdt } from './gbdt/train.ts';
import type { LabelledItems } from './features/korean-csv.ts';
import { featureNames, fitPipeline, transformItems } from './features/pipeline.ts';
import { DEFAULT_SPEC, withoutParties, type PipelineSpec } from './features/spec.ts';

/** The figures of the benchmark contract (means over seeds), in the contract's key order. */
export interface BenchmarkFigures {
  readonly precisionAt1: number;
  readonly precisionAt2: number;
  readonly precisionAt5: number;
  readonly precisionAt10: number;
  readonly recallAt5: number;
  readonly auc: number;
  /** Fitting the feature pipeline and the chosen model once (the cost of a retrain), seconds. */
  readonly trainSeconds: number;
}

export interface SeedReport extends BenchmarkFigures {
  readonly seed: number;
  readonly featureSet: string;
  readonly params: Partial<GbdtParams>;
  readonly trees: number;
  readonly validAuc: number;
  /** CPU time of the same work (the machine may be shared: wall time then exceeds it). */
  readonly trainCpuSeconds: number;
  /** Score threshold that selects 5 % of the valid rows (chosen on valid) and the share of test rows above it. */
  readonly thresholdAt5: number;
  readonly testShareAtThreshold5: number;
  /** Whole selection (every candidate), seconds. */
  readonly selectionSeconds: number;
}

export interface BenchmarkOptions {
  readonly seeds: number;
  readonly spec?: PipelineSpec;
  readonly grid?: readonly Partial<GbdtParams>[];
  /** Overrides of the boosting budget (default: up to 3,000 trees, stop after 50 without a better valid AUC). */
  readonly budget?: Pick<Partial<GbdtParams>, 'numIterations' | 'earlyStoppingRounds'>;
  readonly log?: (line: string) => void;
  /** Wall clock and process CPU time in seconds (injected: the module does no I/O of its own). */
  readonly now?: () => number;
  readonly cpu?: () => number;
}

/** Candidate hyperparameters; early stopping picks the number of trees for each. */
export const DEFAULT_GRID: readonly Partial<GbdtParams>[] = [
  { numLeaves: 31, minDataInLeaf: 20, learningRate: 0.1, featureFraction: 0.8, baggingFraction: 0.8 },
  { numLeaves: 63, minDataInLeaf: 20, learningRate: 0.1, featureFraction: 0.8, baggingFraction: 0.8 },
  { numLeaves: 15, minDataInLeaf: 40, learningRate: 0.1, featureFraction: 0.8, baggingFraction: 0.8 },
];

interface Candidate {
  readonly featureSet: string;
  readonly names: readonly string[];
}

/**
 * The benchmark procedure: fit on train; every choice — feature set (with or without party IDs), hyperparameters,
 * number of trees — on valid only; then score test once. Repeated for each seed (folds, bagging, feature sampling).
 */
export function runRiskBenchmark(
  data: { readonly train: LabelledItems; readonly valid: LabelledItems; readonly test: LabelledItems },
  opts: BenchmarkOptions,
): { figures: BenchmarkFigures & { trainCpuSeconds: number }; seeds: SeedReport[]; model: RiskModel } {
  const log = opts.log ?? ((): void => {});
  const now = opts.now ?? ((): number => performance.now() / 1000);
  const cpu = opts.cpu ?? now;
  const grid = opts.grid ?? DEFAULT_GRID;
  const reports: SeedReport[] = [];
  let last: RiskModel | undefined;
  for (let seed = 1; seed <= opts.seeds; seed++) {
    const spec = { ...(opts.spec ?? DEFAULT_SPEC), seed };
    const t0 = now();
    const c0 = cpu();
    const fitted = fitPipeline(data.train.items, data.train.labels, spec);
    const pipelineSeconds = now() - t0;
    const pipelineCpu = cpu() - c0;
    const valid = transformItems(fitted.pipeline, data.valid.items);
    const test = transformItems(fitted.pipeline, data.test.items);
    const candidates: Candidate[] = [
      { featureSet: 'all', names: fitted.train.names },
      { featureSet: 'no-party-ids', names: featureNames(withoutParties(spec)).names },
    ];
    let best:
      | { c: Candidate; params: Partial<GbdtParams>; model: GbdtModel; validAuc: number; seconds: number; cpuSeconds: number }
      | undefined;
    for (const c of candidates) {
      for (const g of grid) {
        const params = {
          ...g,
          seed,
          numIterations: 3000,
          earlyStoppingRounds: 50,
          ...opts.budget,
          earlyStoppingMetric: 'auc' as const,
        };
        const t1 = now();
        const c1 = cpu();
        const r = trainGbdt(
          { matrix: selectFeatures(fitted.train, c.names), labels: data.train.labels },
          { params, valid: { matrix: selectFeatures(valid, c.names), labels: data.valid.labels } },
        );
        const seconds = now() - t1;
        const cpuSeconds = cpu() - c1;
        const validAuc = r.bestValidMetric ?? Number.NaN;
        log(`seed ${seed} ${c.featureSet} ${JSON.stringify(g)}: valid AUC ${validAuc.toFixed(4)}, ${r.bestIteration} trees, ${seconds.toFixed(1)} s`);
        if (best === undefined || validAuc > best.validAuc) best = { c, params: g, model: r.model, validAuc, seconds, cpuSeconds };
      }
    }
    const chosen = best!;
    const scores = chosen.model.predictRaw(selectFeatures(test, chosen.c.names));
    const validScores = chosen.model.predictRaw(selectFeatures(valid, chosen.c.names));
    const thresholdAt5 = quantileFromTop(validScores, 0.05);
    const above = scores.reduce((a, v) => a + (v >= thresholdAt5 ? 1 : 0), 0) / scores.length;
    const figures = evaluate(scores, data.test.labels, pipelineSeconds + chosen.seconds);
    const report: SeedReport = {
      ...figures,
      seed,
      featureSet: chosen.c.featureSet,
      params: chosen.params,
      trees: chosen.model.numTrees,
      validAuc: chosen.validAuc,
      trainCpuSeconds: pipelineCpu + chosen.cpuSeconds,
      thresholdAt5,
      testShareAtThreshold5: above,
      selectionSeconds: now() - t0,
    };
    log(`seed ${seed}: chose ${report.featureSet} ${JSON.stringify(report.params)}, ${report.trees} trees → test ${JSON.stringify(figures)}`);
    log(`seed ${seed}: the 5 % threshold fixed on valid selects ${(100 * above).toFixed(2)} % of test`);
    reports.push(report);
    last = new RiskModel(fitted.pipeline, chosen.model, {
      trainedOn: 'korean-benchmark',
      featureSet: chosen.c.featureSet,
      seed,
      validAuc: chosen.validAuc,
      testAuc: figures.auc,
      testPrecisionAt5: figures.precisionAt5,
    });
  }
  const cpuMean = round4(reports.reduce((a, r) => a + r.trainCpuSeconds, 0) / reports.length);
  return { figures: { ...mean(reports), trainCpuSeconds: cpuMean }, seeds: reports, model: last! };
}

export function evaluate(scores: Float64Array, labels: ArrayLike<number>, trainSeconds: number): BenchmarkFigures {
  const at = (share: number): { precision: number; recall: number } => precisionRecallAt(scores, labels, share);
  return {
    precisionAt1: at(0.01).precision,
    precisionAt2: at(0.02).precision,
    precisionAt5: at(0.05).precision,
    precisionAt10: at(0.1).precision,
    recallAt5: at(0.05).recall,
    auc: auc(scores, labels),
    trainSeconds,
  };
}

function mean(rs: readonly BenchmarkFigures[]): BenchmarkFigures {
  const m = (k: keyof BenchmarkFigures): number => round4(rs.reduce((a, r) => a + r[k], 0) / rs.length);
  return {
    precisionAt1: m('precisionAt1'),
    precisionAt2: m('precisionAt2'),
    precisionAt5: m('precisionAt5'),
    precisionAt10: m('precisionAt10'),
    recallAt5: m('recallAt5'),
    auc: m('auc'),
    trainSeconds: m('trainSeconds'),
  };
}

/** The score of the k-th highest row, k = round(share × n): selecting scores >= it picks that share. */
function quantileFromTop(scores: Float64Array, share: number): number {
  const sorted = Float64Array.from(scores).sort();
  const k = Math.max(1, Math.round(share * sorted.length));
  return sorted[sorted.length - k]!;
}

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;


