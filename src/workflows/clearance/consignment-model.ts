import { Decimal } from '../../kernel/index.ts';
import { generateLabelledHistory, generatorRateOf, type Consignment } from '../../modules/consignments/index.ts';
import {
  DEFAULT_SPEC,
  RiskModel,
  fitPipeline,
  selectFeatures,
  trainGbdt,
  transformItems,
  type RiskItem,
} from '../../modules/risk/index.ts';
import { consignmentRiskItems } from './risk-items.ts';

export interface TrainOptions {
  /** Consignments of generated labelled history (default 20,000). */
  readonly count?: number;
  readonly seed?: number;
  readonly trees?: number;
}

/** Each line's value in whole yen at the generator's rates (the history is labelled at those rates). */
export function lineYen(c: Consignment, rateOf: (currency: string) => string | undefined): number[] {
  return c.items.map((it) => {
    const rate = it.value.currency === 'JPY' ? '1' : rateOf(it.value.currency);
    return rate === undefined ? 0 : new Decimal(it.value.amount).times(rate).floor().toNumber();
  });
}

/**
 * A risk model for consignments trained on a generated labelled history (a consignment's label on each of its
 * lines). It stands in until officers' findings on real consignments exist; the split is by order (train on the
 * first 80 %, stop early on the rest), so the stopping point is never chosen on training rows.
 */
export function trainConsignmentModel(opts: TrainOptions = {}): { model: RiskModel; validAuc: number | undefined } {
  const history = generateLabelledHistory({ seed: opts.seed ?? 7, count: opts.count ?? 20_000, idPrefix: 'HIST' });
  const items: RiskItem[] = [];
  const labels: number[] = [];
  const split: number[] = [];
  const cut = Math.floor(history.consignments.length * 0.8);
  history.consignments.forEach((c, i) => {
    const rows = consignmentRiskItems(c, lineYen(c, generatorRateOf), '2026-01-01');
    for (const r of rows) {
      items.push(r);
      labels.push(history.labels[i]!.nonCompliant ? 1 : 0);
      split.push(i < cut ? 0 : 1);
    }
  });
  const trainIdx = split.flatMap((s, i) => (s === 0 ? [i] : []));
  const validIdx = split.flatMap((s, i) => (s === 1 ? [i] : []));
  const spec = { ...DEFAULT_SPEC, seed: opts.seed ?? 7 };
  const trainItems = trainIdx.map((i) => items[i]!);
  const trainLabels = trainIdx.map((i) => labels[i]!);
  const fitted = fitPipeline(trainItems, trainLabels, spec);
  const valid = transformItems(fitted.pipeline, validIdx.map((i) => items[i]!));
  const r = trainGbdt(
    { matrix: fitted.train, labels: trainLabels },
    {
      params: { numIterations: opts.trees ?? 200, learningRate: 0.1, earlyStoppingRounds: 20, earlyStoppingMetric: 'auc', seed: spec.seed },
      valid: { matrix: selectFeatures(valid, fitted.train.names), labels: validIdx.map((i) => labels[i]!) },
    },
  );
  const model = new RiskModel(fitted.pipeline, r.model, {
    trainedOn: 'generated-consignment-history',
    consignments: history.consignments.length,
    ...(r.bestValidMetric !== undefined ? { validAuc: r.bestValidMetric } : {}),
  });
  return { model, validAuc: r.bestValidMetric };
}
