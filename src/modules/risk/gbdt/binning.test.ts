import { describe, expect, it } from 'vitest';
import { binMatrix, fitBinMapper, valueToBin, type NumericBinMapper } from './binning.ts';
import { buildHistogram, newHistogram, subtractHistogram } from './histogram.ts';
import { SeededRandom } from './random.ts';
import { matrixOf } from './test-data.ts';

const opts = { maxBin: 255, binSampleCount: 200_000, minDataInBin: 3, minDataPerCategory: 1 };

describe('binning', () => {
  it('cuts many distinct values into at most 255 bins of about equal counts (quantiles)', () => {
    const rng = new SeededRandom(1);
    const col = Float64Array.from({ length: 20_000 }, () => Math.exp(5 * rng.next()));
    const m = fitBinMapper('numeric', col, opts, rng) as NumericBinMapper;
    expect(m.numBins).toBeLessThanOrEqual(255);
    expect(m.numBins).toBeGreaterThan(200);
    const counts = new Array<number>(m.numBins).fill(0);
    for (const v of col) counts[valueToBin(m, v)]!++;
    expect(counts[0]).toBe(0); // bin 0 is for missing values only
    const filled = counts.slice(1);
    expect(Math.max(...filled)).toBeLessThan(3 * (col.length / 254));
  });

  it('gives each distinct value its own bin when there are few, with thresholds between them', () => {
    const col = Float64Array.from([1, 1, 2, 3, 3, 3, Number.NaN]);
    const m = fitBinMapper('numeric', col, opts, new SeededRandom(1)) as NumericBinMapper;
    expect([1, 2, 3, Number.NaN].map((v) => valueToBin(m, v))).toEqual([1, 2, 3, 0]);
    expect(Array.from(m.upper.slice(1))).toEqual([1.5, 2.5, Number.POSITIVE_INFINITY]);
  });

  it('bins categories by frequency and sends unseen codes to bin 0 with missing', () => {
    const col = Float64Array.from([7, 7, 7, 2, 2, 9]);
    const m = fitBinMapper('categorical', col, opts, new SeededRandom(1));
    expect([7, 2, 9, 42, Number.NaN].map((v) => valueToBin(m, v))).toEqual([1, 2, 3, 0, 0]);
  });

  it('subtraction trick: parent − one child equals the other child built from its rows', () => {
    const rng = new SeededRandom(3);
    const rows = Array.from({ length: 500 }, () => [rng.next(), rng.int(6), rng.next() < 0.1 ? Number.NaN : rng.next()]);
    const matrix = matrixOf(['a', 'c', 'm'], ['numeric', 'categorical', 'numeric'], rows);
    const data = binMatrix(matrix, matrix.columns.map((c, j) => fitBinMapper(matrix.kinds[j]!, c, opts, rng)));
    const g = Float64Array.from({ length: 500 }, () => rng.next() - 0.5);
    const h = Float64Array.from({ length: 500 }, () => rng.next());
    const feats = Int32Array.from([0, 1, 2]);
    const idx = Uint32Array.from({ length: 500 }, (_, i) => i);
    const sg = new Float64Array(500);
    const sh = new Float64Array(500);
    const parent = newHistogram(data);
    const left = newHistogram(data);
    const right = newHistogram(data);
    buildHistogram(parent, data, feats, idx, 0, 500, g, h, sg, sh);
    buildHistogram(left, data, feats, idx, 0, 180, g, h, sg, sh);
    buildHistogram(right, data, feats, idx, 180, 500, g, h, sg, sh);
    const derived = newHistogram(data);
    subtractHistogram(parent, left, derived);
    derived.forEach((v, i) => expect(v).toBeCloseTo(right[i]!, 10));
  });
});
