import { describe, expect, it } from 'vitest';
import { auc } from './metrics.ts';
import { GbdtModel, type GbdtModelJson } from './model.ts';
import { mixedData } from './test-data.ts';
import { DomainError } from '../../../kernel/index.ts';
import { trainGbdt } from './train.ts';

const sampled = { numIterations: 15, numLeaves: 15, baggingFraction: 0.7, featureFraction: 0.75, seed: 42 };

describe('boosting', () => {
  it('is deterministic for a seed: the same data and seed give the same model JSON', () => {
    const { matrix, labels } = mixedData(800, 1);
    const a = trainGbdt({ matrix, labels }, { params: sampled }).model.toJSON();
    const b = trainGbdt({ matrix, labels }, { params: sampled }).model.toJSON();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // ...and the seed matters when there is sampling (so the test above is not vacuous).
    const c = trainGbdt({ matrix, labels }, { params: { ...sampled, seed: 43 } }).model.toJSON();
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('round-trips through JSON with identical scores', () => {
    const { matrix, labels } = mixedData(800, 2);
    const { model } = trainGbdt({ matrix, labels }, { params: sampled });
    const text = JSON.stringify(model.toJSON());
    const j = JSON.parse(text) as GbdtModelJson;
    const loaded = new GbdtModel(j.features, j.initScore, j.trees, j.params, j.bestIteration);
    const test = mixedData(500, 3).matrix;
    expect(Array.from(loaded.predictRaw(test))).toEqual(Array.from(model.predictRaw(test)));
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
  });

  it('scores the training rows the way the learner scored them on bins (raw thresholds agree with bins)', () => {
    const { matrix, labels } = mixedData(1000, 4);
    const r = trainGbdt({ matrix, labels }, { params: { numIterations: 20 }, valid: { matrix, labels } });
    const last = r.validHistory[r.bestIteration - 1]!;
    expect(auc(r.model.predictRaw(matrix), labels)).toBeCloseTo(last, 12);
  });

  it('stops early when the validation metric stops improving and keeps the best iteration', () => {
    const train = mixedData(600, 5);
    const valid = mixedData(600, 6);
    const r = trainGbdt(
      train,
      { params: { numIterations: 2000, numLeaves: 63, minDataInLeaf: 2, learningRate: 0.3, earlyStoppingRounds: 10, earlyStoppingMetric: 'logloss' }, valid },
    );
    expect(r.validHistory.length).toBeLessThan(2000);
    expect(r.validHistory.length).toBe(r.bestIteration + 10);
    expect(r.model.numTrees).toBe(r.bestIteration);
    expect(Math.min(...r.validHistory)).toBe(r.bestValidMetric);
  });

  it('learns the synthetic signal (AUC on fresh data well above chance)', () => {
    const { model } = trainGbdt(mixedData(2000, 7), { params: { numIterations: 40 } });
    const test = mixedData(2000, 8);
    expect(auc(model.predictRaw(test.matrix), test.labels)).toBeGreaterThan(0.8);
  });

  it('rejects labels other than 0/1 and bad parameters with every problem listed', () => {
    const { matrix } = mixedData(10, 9);
    let caught: unknown;
    try {
      trainGbdt({ matrix, labels: new Array(10).fill(2) }, { params: { numLeaves: 1 } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('RISK.TRAINING_DATA_INVALID');
    expect((caught as DomainError).details).toEqual({ problems: [expect.stringContaining('numLeaves'), expect.stringContaining('label')] });
  });
});
