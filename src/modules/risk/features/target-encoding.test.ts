import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../gbdt/random.ts';
import { assignFolds, encodeWith, fitPastOnlyEncoding, fitTargetEncoding, smoothed } from './target-encoding.ts';

const keys = ['CN', 'CN', 'CN', 'CN', 'CN', 'CN', 'JP', 'JP', 'JP', 'JP', 'US', ''];
const labels = [1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1];
const folds = Uint8Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);

describe('out-of-fold target encoding', () => {
  it("never uses a training row's own label: flipping it leaves the row's encoding unchanged", () => {
    const base = fitTargetEncoding(keys, labels, folds, 3, 2).trainValues;
    for (let i = 0; i < keys.length; i++) {
      const flipped = labels.map((y, j) => (j === i ? 1 - y : y));
      const after = fitTargetEncoding(keys, flipped, folds, 3, 2).trainValues;
      expect(after[i]).toBe(base[i]);
    }
  });

  it('does use the labels of rows in other folds (so the test above is not vacuous)', () => {
    const base = fitTargetEncoding(keys, labels, folds, 3, 2).trainValues;
    // Row 1 (CN, fold 1) changes when row 0 (CN, fold 0) changes label.
    const flipped = labels.map((y, j) => (j === 0 ? 1 - y : y));
    expect(fitTargetEncoding(keys, flipped, folds, 3, 2).trainValues[1]).not.toBe(base[1]);
  });

  it('computes the smoothed rate of the other folds with their own prior', () => {
    const { trainValues } = fitTargetEncoding(keys, labels, folds, 3, 2);
    // Row 0: CN rows outside fold 0 are rows 1,2,4,5 → 1 positive of 4; prior outside fold 0 (rows 1,2,4,5,7,8,10,11) = 4/8.
    expect(trainValues[0]).toBeCloseTo(smoothed(1, 4, 4 / 8, 2), 12);
    expect(Number.isNaN(trainValues[11]!)).toBe(true); // empty key: missing, not a group
  });

  it('encodes new rows with all training rows, and unseen keys with the prior', () => {
    const { state } = fitTargetEncoding(keys, labels, folds, 3, 2);
    expect(encodeWith(state, 'CN')).toBeCloseTo(smoothed(3, 6, 6 / 12, 2), 12);
    expect(encodeWith(state, 'KR')).toBe(6 / 12);
  });

  it('deals rows into folds of equal size, deterministically for a seed', () => {
    const a = assignFolds(103, 5, (x) => new SeededRandom(9).shuffle(x));
    const b = assignFolds(103, 5, (x) => new SeededRandom(9).shuffle(x));
    expect(Array.from(a)).toEqual(Array.from(b));
    const sizes = [0, 0, 0, 0, 0];
    for (const f of a) sizes[f]!++;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('past-only target encoding', () => {
  const dates = ['2020-01-01', '2020-01-01', '2020-01-02', '2020-01-03', '2020-01-03', '2020-01-04'];
  const k = ['CN', 'CN', 'CN', 'CN', 'JP', 'CN'];
  const y = [1, 0, 1, 0, 1, 1];

  it('encodes a row with strictly earlier rows only: changing any label on or after its date changes nothing', () => {
    const base = fitPastOnlyEncoding(k, y, dates, 2).trainValues;
    for (let i = 0; i < k.length; i++) {
      for (let j = 0; j < k.length; j++) {
        if (dates[j]! < dates[i]!) continue;
        const flipped = y.map((v, t) => (t === j ? 1 - v : v));
        expect(fitPastOnlyEncoding(k, flipped, dates, 2).trainValues[i]).toBe(base[i]);
      }
    }
  });

  it('uses the history before the row (not vacuous), and the first date has none', () => {
    const { trainValues, state } = fitPastOnlyEncoding(k, y, dates, 2);
    expect(Number.isNaN(trainValues[0]!)).toBe(true);
    // Row 3 (2020-01-03, CN): history = rows 0,1,2 (CN 2 of 3), prior 2/3.
    expect(trainValues[3]).toBeCloseTo(smoothed(2, 3, 2 / 3, 2), 12);
    expect(encodeWith(state, 'CN')).toBeCloseTo(smoothed(3, 5, 4 / 6, 2), 12);
  });
});
