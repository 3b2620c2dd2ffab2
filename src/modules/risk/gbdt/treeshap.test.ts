import { describe, expect, it } from 'vitest';
import type { GbdtModel, TreeJson } from './model.ts';
import { mixedData } from './test-data.ts';
import { trainGbdt } from './train.ts';

/**
 * The definition TreeSHAP must match: Shapley values of v(S) = E[f(x) | x_S], where a feature outside S is
 * integrated out by following both children weighted by the training rows that reached them.
 */
function bruteForceShap(model: GbdtModel, x: number[]): number[] {
  const json = model.toJSON();
  const m = model.numFeatures;
  const cond = (t: TreeJson, node: number, s: number): number => {
    if (node < 0) return t.leafValue[~node]!;
    const f = t.splitFeature[node]!;
    const l = t.left[node]!;
    const r = t.right[node]!;
    if ((s >> f) & 1) {
      // Follow the row: compare with a one-tree model's own decision by reusing the threshold/category rules.
      const v = x[f]!;
      const cats = t.catCodes[node]!;
      let goLeft: boolean;
      if (cats.length > 0) goLeft = cats.includes(v);
      else if (Number.isNaN(v)) goLeft = t.defaultLeft[node] === 1;
      else goLeft = v <= (t.threshold[node] ?? Number.POSITIVE_INFINITY);
      return cond(t, goLeft ? l : r, s);
    }
    const cnt = (c: number): number => (c < 0 ? t.leafCount[~c]! : t.internalCount[c]!);
    return (cnt(l) * cond(t, l, s) + cnt(r) * cond(t, r, s)) / t.internalCount[node]!;
  };
  const v = (s: number): number => json.trees.reduce((acc, t) => acc + (t.splitFeature.length ? cond(t, 0, s) : t.leafValue[0]!), 0);
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    for (let s = 0; s < 1 << m; s++) {
      if ((s >> i) & 1) continue;
      let size = 0;
      for (let j = 0; j < m; j++) size += (s >> j) & 1;
      const w = (fact(size) * fact(m - size - 1)) / fact(m);
      phi[i]! += w * (v(s | (1 << i)) - v(s));
    }
  }
  return phi;
}

describe('TreeSHAP', () => {
  const { model } = trainGbdt(mixedData(2000, 11), {
    params: { numIterations: 15, numLeaves: 12, minDataInLeaf: 10 },
  });
  const rows = mixedData(25, 12);

  it('contributions sum to the raw score minus the expected value', () => {
    for (let r = 0; r < rows.matrix.numRows; r++) {
      const x = rows.matrix.columns.map((c) => c[r]!);
      const e = model.explain(x);
      const sum = e.contributions.reduce((a, b) => a + b, 0);
      expect(e.expectedValue + sum).toBeCloseTo(model.predictRawRow(x), 10);
    }
  });

  it('equals the exact Shapley values computed by enumerating every coalition', () => {
    for (let r = 0; r < 10; r++) {
      const x = rows.matrix.columns.map((c) => c[r]!);
      const fast = Array.from(model.explain(x).contributions);
      const slow = bruteForceShap(model, x);
      fast.forEach((v, i) => expect(v).toBeCloseTo(slow[i]!, 10));
    }
  });

  it('gives a feature the trees never use a contribution of zero', () => {
    const used = new Set(model.toJSON().trees.flatMap((t) => t.splitFeature));
    const x = rows.matrix.columns.map((c) => c[0]!);
    const e = model.explain(x);
    for (let f = 0; f < model.numFeatures; f++) if (!used.has(f)) expect(e.contributions[f]).toBe(0);
    expect(used.size).toBeGreaterThan(1);
  });
});
