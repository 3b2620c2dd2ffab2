import { ModelErrors } from './errors.ts';
import { selectFeatures } from './gbdt/dataset.ts';
import { auc, logLossFromRaw, precisionRecallAt } from './gbdt/metrics.ts';
import type { GbdtModel } from './gbdt/model.ts';
import type { GbdtParams } from './gbdt/params.ts';
import { trainGbdt } from './gbdt/train.ts';
import type { RiskItem } from './features/item.ts';
import { featureNames, fitPipeline, transformItems } from './features/pipeline.ts';
import { DEFAULT_SPEC, withoutParties } from './features/spec.ts';
import { RiskModel } from './risk-model.ts';

/** One inspected item of the platform's history with what the inspection found. */
export interface LabelledItem {
  readonly declarationId: string;
  /** ISO timestamp the declaration was lodged: the split is by time, so validation is the most recent part. */
  readonly at: string;
  readonly item: RiskItem;
  readonly label: 0 | 1;
  /** The declaration was a random-control pick (its hit rate is the honest base rate). */
  readonly control: boolean;
}

/** Fewest labels a retrain accepts: below that, a validation part of a few items says nothing. */
export const MIN_LABELLED_ITEMS = 40;
export const MIN_PER_CLASS = 5;

export interface RetrainOptions {
  /** Share of the most recent declarations kept for validation (default 0.25). */
  readonly validShare?: number;
  readonly seed?: number;
  readonly minItems?: number;
  readonly minPerClass?: number;
  readonly onProgress?: (e: { readonly featureSet: string; readonly iteration: number; readonly maxIterations: number }) => void;
  /** Wall clock in seconds (injected: the module does no I/O). */
  readonly now?: () => number;
  /** Where the labels came from, saved in the model's metadata (default: the platform's own findings). */
  readonly trainedOn?: string;
}

export interface RetrainResult {
  readonly model: RiskModel;
  /** Validation figures, stored in the registry with the version. */
  readonly metrics: Record<string, number>;
  readonly featureSet: string;
}

/**
 * Retrains the live model from the platform's own findings: split by time (older declarations train, the most
 * recent validate; items of one declaration stay on one side), fit the feature pipeline on the training part only,
 * boost with early stopping on validation log-loss, choose with or without party-ID features on validation, and
 * report precision at 5 / 10 %, AUC and the control sample's hit rate (the base rate the model must beat).
 * Parameters scale with the data: a platform's first few hundred findings cannot feed leaves of 20 rows.
 */
export function retrain(history: readonly LabelledItem[], options: RetrainOptions = {}): RetrainResult {
  const now = options.now ?? ((): number => performance.now() / 1000);
  const t0 = now();
  const { train, valid } = splitByTime(history, options);
  const seed = options.seed ?? 1;
  const spec = { ...DEFAULT_SPEC, seed };
  const trainItems = train.map((h) => h.item);
  const trainLabels = Float64Array.from(train, (h) => h.label);
  const validLabels = Float64Array.from(valid, (h) => h.label);
  const fitted = fitPipeline(trainItems, trainLabels, spec);
  const validMatrix = transformItems(fitted.pipeline, valid.map((h) => h.item));
  const leaf = Math.max(3, Math.min(20, Math.floor(train.length / 20)));
  const params: Partial<GbdtParams> = {
    seed,
    numIterations: 300,
    learningRate: 0.1,
    numLeaves: 15,
    minDataInLeaf: leaf,
    minDataPerGroup: leaf,
    featureFraction: 0.8,
    earlyStoppingRounds: 30,
    earlyStoppingMetric: 'logloss',
  };
  const candidates = [
    { featureSet: 'all', names: fitted.train.names },
    { featureSet: 'no-party-ids', names: featureNames(withoutParties(spec)).names },
  ];
  let best: { featureSet: string; model: GbdtModel; raw: Float64Array; auc: number; logLoss: number } | undefined;
  for (const c of candidates) {
    const r = trainGbdt(
      { matrix: selectFeatures(fitted.train, c.names), labels: trainLabels },
      {
        params,
        valid: { matrix: selectFeatures(validMatrix, c.names), labels: validLabels },
        onIteration: (iteration) => options.onProgress?.({ featureSet: c.featureSet, iteration, maxIterations: params.numIterations! }),
      },
    );
    const raw = r.model.predictRaw(selectFeatures(validMatrix, c.names));
    const a = auc(raw, validLabels);
    const ll = logLossFromRaw(raw, validLabels);
    if (best === undefined || a > best.auc || (a === best.auc && ll < best.logLoss))
      best = { featureSet: c.featureSet, model: r.model, raw, auc: a, logLoss: ll };
  }
  const chosen = best!;
  const control = history.filter((h) => h.control);
  const metrics: Record<string, number> = {
    precisionAt5: precisionRecallAt(chosen.raw, validLabels, 0.05).precision,
    precisionAt10: precisionRecallAt(chosen.raw, validLabels, 0.1).precision,
    auc: chosen.auc,
    validLogLoss: chosen.logLoss,
    validBaseRate: mean(validLabels),
    trainItems: train.length,
    validItems: valid.length,
    trees: chosen.model.numTrees,
    trainSeconds: Math.round((now() - t0) * 1000) / 1000,
  };
  if (control.length > 0) {
    metrics['controlPrecision'] = control.filter((h) => h.label === 1).length / control.length;
    metrics['controlInspected'] = control.length;
  }
  const model = new RiskModel(fitted.pipeline, chosen.model, {
    trainedOn: options.trainedOn ?? 'platform-findings',
    featureSet: chosen.featureSet,
    seed,
    validAuc: chosen.auc,
    trainItems: train.length,
    validItems: valid.length,
  });
  return { model, metrics, featureSet: chosen.featureSet };
}

/** Older declarations train, the most recent `validShare` of them validate; refuses too few labels of either class. */
export function splitByTime(
  history: readonly LabelledItem[],
  options: Pick<RetrainOptions, 'validShare' | 'minItems' | 'minPerClass'> = {},
): { train: LabelledItem[]; valid: LabelledItem[] } {
  const minItems = options.minItems ?? MIN_LABELLED_ITEMS;
  const minPerClass = options.minPerClass ?? MIN_PER_CLASS;
  const positives = history.filter((h) => h.label === 1).length;
  const negatives = history.length - positives;
  const have = { items: history.length, positives, negatives };
  const needed = { items: minItems, positives: minPerClass, negatives: minPerClass };
  if (history.length < minItems || positives < minPerClass || negatives < minPerClass)
    throw ModelErrors.notEnoughLabels(
      `Training needs at least ${minItems} labelled items with ${minPerClass} or more of each outcome (discrepancy and ` +
        `no discrepancy); the findings give ${history.length} items, ${positives} with a discrepancy and ${negatives} without`,
      { needed, have },
    );
  const sorted = [...history].sort((a, b) => cmp(a.at, b.at) || cmp(a.declarationId, b.declarationId));
  const ids = [...new Set(sorted.map((h) => h.declarationId))];
  const cut = Math.max(1, Math.min(ids.length - 1, Math.round(ids.length * (1 - (options.validShare ?? 0.25)))));
  const validIds = new Set(ids.slice(cut));
  const train = sorted.filter((h) => !validIds.has(h.declarationId));
  const valid = sorted.filter((h) => validIds.has(h.declarationId));
  const classes = (xs: readonly LabelledItem[]) => new Set(xs.map((h) => h.label)).size;
  if (classes(train) < 2 || classes(valid) < 2)
    throw ModelErrors.notEnoughLabels(
      'Both the training part (older declarations) and the validation part (most recent) need items of each outcome; ' +
        'record more findings',
      { needed, have, trainItems: train.length, validItems: valid.length },
    );
  return { train, valid };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const mean = (xs: Float64Array): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
