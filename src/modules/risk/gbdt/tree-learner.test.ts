import { describe, expect, it } from 'vitest';
import { matrixOf, thresholdData } from './test-data.ts';
import { trainGbdt } from './train.ts';

const oneTree = { numIterations: 1, learningRate: 1, minDataInLeaf: 5, earlyStoppingRounds: 0 } as const;

describe('tree learner', () => {
  it('splits first on the informative feature at the threshold that separates the classes (y = x0 > 0.5)', () => {
    const { matrix, labels } = thresholdData(2000, 7);
    const { model } = trainGbdt({ matrix, labels }, { params: { ...oneTree, numLeaves: 2 } });
    const tree = model.toJSON().trees[0]!;
    expect(tree.splitFeature).toEqual([0]);
    // The cut lies between the largest x0 <= 0.5 and the smallest x0 > 0.5 (up to bin resolution: 1/254 of the data).
    const x0 = matrix.columns[0]!;
    const below = Math.max(...Array.from(x0).filter((v) => v <= 0.5));
    const above = Math.min(...Array.from(x0).filter((v) => v > 0.5));
    expect(tree.threshold[0]).toBeGreaterThanOrEqual(below - 0.01);
    expect(tree.threshold[0]).toBeLessThan(above + 0.01);
    const p = model.predictProba(matrix);
    const correct = labels.filter((y, i) => (p[i]! > 0.5 ? 1 : 0) === y).length;
    expect(correct / labels.length).toBeGreaterThan(0.99);
  });

  it('puts exactly the categories with the positive label on one side of a categorical split', () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    const fraud = new Set([1, 4, 6, 9]);
    for (let i = 0; i < 1200; i++) {
      const c = i % 10;
      rows.push([c]);
      labels.push(fraud.has(c) ? 1 : 0);
    }
    const matrix = matrixOf(['country'], ['categorical'], rows);
    const { model } = trainGbdt({ matrix, labels }, { params: { ...oneTree, numLeaves: 2, catL2: 0, catSmooth: 1 } });
    const tree = model.toJSON().trees[0]!;
    const left = new Set(tree.catCodes[0]);
    const expected = left.has(1) ? fraud : new Set([0, 2, 3, 5, 7, 8]);
    expect(left).toEqual(expected);
    // Unseen and missing categories go right (where "other" went in training).
    const side = (code: number): number => model.predictRawRow([code]);
    expect(side(99)).toBe(side(Number.NaN));
  });

  it('learns where missing values go: missing rows behave like the class they belong to', () => {
    // Missing x means positive; present x is negative whatever its value.
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const missing = i % 4 === 0;
      rows.push([missing ? Number.NaN : (i % 97) / 97]);
      labels.push(missing ? 1 : 0);
    }
    const matrix = matrixOf(['x'], ['numeric'], rows);
    const { model } = trainGbdt({ matrix, labels }, { params: { ...oneTree, numLeaves: 2 } });
    const tree = model.toJSON().trees[0]!;
    expect(tree.splitFeature).toEqual([0]);
    expect(model.predictRawRow([Number.NaN])).toBeGreaterThan(0);
    expect(model.predictRawRow([0.3])).toBeLessThan(0);
  });

  it('sends missing values to the side with which they share their label when they are mixed among values', () => {
    // Positives: x > 0.7 or missing. The best split on x must put missing with the high side.
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const missing = i % 5 === 0;
      const x = (i % 101) / 101;
      rows.push([missing ? Number.NaN : x]);
      labels.push(missing || x > 0.7 ? 1 : 0);
    }
    const matrix = matrixOf(['x'], ['numeric'], rows);
    const { model } = trainGbdt({ matrix, labels }, { params: { ...oneTree, numLeaves: 2 } });
    const tree = model.toJSON().trees[0]!;
    expect(tree.threshold[0]).toBeGreaterThan(0.69);
    expect(tree.threshold[0]).toBeLessThan(0.71);
    expect(tree.defaultLeft[0]).toBe(0);
    expect(model.predictRawRow([Number.NaN])).toBe(model.predictRawRow([0.9]));
  });

  it('respects num_leaves, max_depth and min_data_in_leaf', () => {
    const { matrix, labels } = thresholdData(3000, 3);
    const noisy = labels.map((y, i) => (i % 7 === 0 ? 1 - y : y));
    const { model } = trainGbdt(
      { matrix, labels: noisy },
      { params: { numIterations: 3, numLeaves: 8, maxDepth: 2, minDataInLeaf: 100, earlyStoppingRounds: 0 } },
    );
    for (const t of model.toJSON().trees) {
      expect(t.leafValue.length).toBeLessThanOrEqual(4); // depth 2 caps 8 leaves at 4
      for (const c of t.leafCount) expect(c).toBeGreaterThanOrEqual(100);
    }
  });
});
