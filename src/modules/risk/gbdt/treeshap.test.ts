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

/**
 * The textbook TreeSHAP (Lundberg et al. Algorithm 2, as the model first implemented it), one tree at a time from the
 * saved JSON. The optimised one must give the same doubles, not merely close ones: reasons and stored explanations
 * are compared across versions.
 */
function referenceShap(model: GbdtModel, x: readonly number[]): Float64Array {
  const json = model.toJSON();
  const phi = new Float64Array(model.numFeatures);
  for (const t of json.trees) {
    if (t.splitFeature.length === 0) continue;
    const count = (c: number): number => (c >= 0 ? t.internalCount[c]! : t.leafCount[~c]!);
    const goesLeft = (node: number): boolean => {
      const v = x[t.splitFeature[node]!]!;
      const cats = t.catCodes[node]!;
      if (cats.length > 0) return v >= 0 && Number.isInteger(v) && cats.includes(v);
      if (Number.isNaN(v)) return t.defaultLeft[node] === 1;
      return v <= (t.threshold[node] ?? Number.POSITIVE_INFINITY);
    };
    const size = ((depthOf(t) + 2) * (depthOf(t) + 3)) / 2;
    const path = { feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size) };
    type P = typeof path;
    const extend = (p: P, s: number, depth: number, zero: number, one: number, feature: number): void => {
      p.feature[s + depth] = feature;
      p.zero[s + depth] = zero;
      p.one[s + depth] = one;
      p.weight[s + depth] = depth === 0 ? 1 : 0;
      for (let i = depth - 1; i >= 0; i--) {
        p.weight[s + i + 1]! += (one * p.weight[s + i]! * (i + 1)) / (depth + 1);
        p.weight[s + i] = (zero * p.weight[s + i]! * (depth - i)) / (depth + 1);
      }
    };
    const unwind = (p: P, s: number, depth: number, index: number): void => {
      const one = p.one[s + index]!;
      const zero = p.zero[s + index]!;
      let next = p.weight[s + depth]!;
      for (let i = depth - 1; i >= 0; i--) {
        if (one !== 0) {
          const tmp = p.weight[s + i]!;
          p.weight[s + i] = (next * (depth + 1)) / ((i + 1) * one);
          next = tmp - (p.weight[s + i]! * zero * (depth - i)) / (depth + 1);
        } else {
          p.weight[s + i] = (p.weight[s + i]! * (depth + 1)) / (zero * (depth - i));
        }
      }
      for (let i = index; i < depth; i++) {
        p.feature[s + i] = p.feature[s + i + 1]!;
        p.zero[s + i] = p.zero[s + i + 1]!;
        p.one[s + i] = p.one[s + i + 1]!;
      }
    };
    const unwoundSum = (p: P, s: number, depth: number, index: number): number => {
      const one = p.one[s + index]!;
      const zero = p.zero[s + index]!;
      let next = p.weight[s + depth]!;
      let total = 0;
      for (let i = depth - 1; i >= 0; i--) {
        if (one !== 0) {
          const tmp = (next * (depth + 1)) / ((i + 1) * one);
          total += tmp;
          next = p.weight[s + i]! - tmp * zero * ((depth - i) / (depth + 1));
        } else {
          total += p.weight[s + i]! / zero / ((depth - i) / (depth + 1));
        }
      }
      return total;
    };
    const recurse = (node: number, depth: number, parentStart: number, zeroFraction: number, oneFraction: number, featureIndex: number): void => {
      const start = parentStart + depth;
      if (depth > 0) {
        path.feature.copyWithin(start, parentStart, parentStart + depth);
        path.zero.copyWithin(start, parentStart, parentStart + depth);
        path.one.copyWithin(start, parentStart, parentStart + depth);
        path.weight.copyWithin(start, parentStart, parentStart + depth);
      }
      extend(path, start, depth, zeroFraction, oneFraction, featureIndex);
      if (node < 0) {
        const v = t.leafValue[~node]!;
        for (let i = 1; i <= depth; i++) {
          const w = unwoundSum(path, start, depth, i);
          phi[path.feature[start + i]!]! += w * (path.one[start + i]! - path.zero[start + i]!) * v;
        }
        return;
      }
      const f = t.splitFeature[node]!;
      const hot = goesLeft(node) ? t.left[node]! : t.right[node]!;
      const cold = hot === t.left[node]! ? t.right[node]! : t.left[node]!;
      const w = count(node);
      let incomingZero = 1;
      let incomingOne = 1;
      let d = depth;
      let k = 0;
      for (; k <= d; k++) if (path.feature[start + k] === f) break;
      if (k !== d + 1) {
        incomingZero = path.zero[start + k]!;
        incomingOne = path.one[start + k]!;
        unwind(path, start, d, k);
        d -= 1;
      }
      recurse(hot, d + 1, start, (count(hot) / w) * incomingZero, incomingOne, f);
      recurse(cold, d + 1, start, (count(cold) / w) * incomingZero, 0, f);
    };
    recurse(0, 0, 0, 1, 1, -1);
  }
  return phi;
}

function depthOf(t: TreeJson, node = 0): number {
  const child = (c: number): number => (c < 0 ? 1 : 1 + depthOf(t, c));
  return Math.max(child(t.left[node]!), child(t.right[node]!));
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
  it('gives bit for bit the contributions of the textbook algorithm on deep trees that split a feature repeatedly', () => {
    const deep = trainGbdt(mixedData(3000, 5), { params: { numIterations: 30, numLeaves: 31, minDataInLeaf: 5 } }).model;
    const depths = deep.toJSON().trees.map((t) => (t.splitFeature.length > 0 ? depthOf(t) : 0));
    expect(Math.max(...depths)).toBeGreaterThan(6); // more levels than features: features recur on a path
    const test = mixedData(150, 6).matrix;
    const xs = Array.from({ length: test.numRows }, (_, r) => test.columns.map((c) => c[r]!));
    // missing everywhere, unseen, fractional and negative category codes, values past every threshold
    xs.push([Number.NaN, Number.NaN, Number.NaN, Number.NaN], [0.3, 99, 0.1, 0.5], [0.7, 2.5, Number.NaN, 2], [-5, -1, 9, -1]);
    for (const x of xs) {
      const got = deep.explain(x);
      const want = referenceShap(deep, x);
      for (let f = 0; f < want.length; f++) expect(got.contributions[f]).toBe(want[f]);
    }
  });
});
