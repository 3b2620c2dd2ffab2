import { describe, expect, it } from 'vitest';
import { auc, precisionRecallAt } from './metrics.ts';

/** The definition, O(n²): share of (positive, negative) pairs ordered correctly, ties one half. */
function pairAuc(s: number[], y: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < s.length; i++)
    for (let j = 0; j < s.length; j++)
      if (y[i] === 1 && y[j] === 0) {
        den++;
        num += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
  return num / den;
}

describe('metrics', () => {
  it('AUC equals the pairwise definition, ties counting one half', () => {
    const s = [0.1, 0.4, 0.4, 0.35, 0.8, 0.8, 0.2, 0.4, 0.9, 0.05];
    const y = [0, 1, 0, 1, 1, 0, 0, 1, 1, 0];
    expect(auc(s, y)).toBeCloseTo(pairAuc(s, y), 12);
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
  });

  it('precision at n % counts frauds among the round(n % × rows) highest scores', () => {
    const s = Array.from({ length: 100 }, (_, i) => i);
    const y = s.map((v) => (v >= 95 || v === 90 ? 1 : 0));
    expect(precisionRecallAt(s, y, 0.05)).toEqual({ precision: 1, recall: 5 / 6 });
    expect(precisionRecallAt(s, y, 0.1)).toEqual({ precision: 0.6, recall: 1 });
  });
});
