import type { BinnedData } from './binning.ts';
import { buildHistogram, newHistogram, subtractHistogram } from './histogram.ts';
import type { GbdtParams } from './params.ts';
import { findBestSplit, type SplitInfo } from './split.ts';
import { emptyTree, type TrainedTree } from './tree.ts';

interface Leaf {
  begin: number;
  end: number;
  g: number;
  h: number;
  depth: number;
  hist: Float64Array | null;
  split: SplitInfo | null;
  /** Internal node whose child this leaf is (-1 for the root) and on which side. */
  parent: number;
  isLeftChild: boolean;
}

/**
 * Leaf-wise (best-first) tree growth over histograms. Rows of each leaf are a contiguous range of one index array,
 * partitioned in place at each split (LightGBM's DataPartition); only the smaller child's histogram is built from
 * rows, the larger one is the parent's minus it.
 */
export class TreeLearner {
  private readonly idx: Uint32Array;
  private readonly tmp: Uint32Array;
  private readonly scratchG: Float64Array;
  private readonly scratchH: Float64Array;
  private readonly pool: Float64Array[] = [];

  constructor(
    private readonly data: BinnedData,
    private readonly p: GbdtParams,
  ) {
    this.idx = new Uint32Array(data.numRows);
    this.tmp = new Uint32Array(data.numRows);
    this.scratchG = new Float64Array(data.numRows);
    this.scratchH = new Float64Array(data.numRows);
  }

  /** Grows one tree on the rows `rows` (the bag) with the features `features`; leaf values include the learning rate. */
  grow(grad: Float64Array, hess: Float64Array, rows: Uint32Array, features: Int32Array): TrainedTree {
    const { data, p } = this;
    const n = rows.length;
    this.idx.set(rows);
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      g += grad[rows[i]!]!;
      h += hess[rows[i]!]!;
    }
    const tree = emptyTree();
    const rootHist = this.take();
    buildHistogram(rootHist, data, features, this.idx, 0, n, grad, hess, this.scratchG, this.scratchH);
    const leaves: Leaf[] = [
      { begin: 0, end: n, g, h, depth: 0, hist: rootHist, split: null, parent: -1, isLeftChild: false },
    ];
    leaves[0]!.split = this.splitOf(leaves[0]!, features);

    while (leaves.length < p.numLeaves) {
      let bestLeaf = -1;
      let bestGain = 0;
      for (let l = 0; l < leaves.length; l++) {
        const s = leaves[l]!.split;
        if (s !== null && (bestLeaf < 0 || s.gain > bestGain)) {
          bestLeaf = l;
          bestGain = s.gain;
        }
      }
      if (bestLeaf < 0) break;
      this.applySplit(tree, leaves, bestLeaf, grad, hess, features);
    }

    for (const leaf of leaves) {
      tree.leafValue.push((-leaf.g / (leaf.h + p.lambdaL2)) * p.learningRate);
      tree.leafCount.push(leaf.end - leaf.begin);
      if (leaf.hist !== null) this.pool.push(leaf.hist);
    }
    return tree;
  }

  private take(): Float64Array {
    const h = this.pool.pop();
    if (h === undefined) return newHistogram(this.data);
    h.fill(0);
    return h;
  }

  private splitOf(leaf: Leaf, features: Int32Array): SplitInfo | null {
    const { p } = this;
    if (p.maxDepth > 0 && leaf.depth >= p.maxDepth) return null;
    const c = leaf.end - leaf.begin;
    if (c < 2 * p.minDataInLeaf || leaf.hist === null) return null;
    return findBestSplit(leaf.hist, this.data, features, { g: leaf.g, h: leaf.h, c }, p);
  }

  private applySplit(
    tree: TrainedTree,
    leaves: Leaf[],
    l: number,
    grad: Float64Array,
    hess: Float64Array,
    features: Int32Array,
  ): void {
    const leaf = leaves[l]!;
    const s = leaf.split!;
    const data = this.data;
    const mapper = data.mappers[s.feature]!;
    const node = tree.splitFeature.length;
    const newLeaf = leaves.length;

    tree.splitFeature.push(s.feature);
    tree.splitGain.push(s.gain);
    tree.internalCount.push(leaf.end - leaf.begin);
    tree.left.push(~l);
    tree.right.push(~newLeaf);
    let mask: Uint8Array;
    if (s.categorical && mapper.kind === 'categorical') {
      mask = new Uint8Array(mapper.numBins);
      for (const b of s.leftBins) mask[b] = 1;
      tree.threshold.push(Number.NaN);
      tree.thresholdBin.push(-1);
      tree.defaultLeft.push(false);
      tree.catCodes.push(s.leftBins.map((b) => mapper.codeOf[b]!).sort((a, b) => a - b));
      tree.catBinMask.push(mask);
    } else if (mapper.kind === 'numeric') {
      mask = new Uint8Array(0);
      tree.threshold.push(mapper.upper[s.thresholdBin]!);
      tree.thresholdBin.push(s.thresholdBin);
      tree.defaultLeft.push(s.defaultLeft);
      tree.catCodes.push([]);
      tree.catBinMask.push(mask);
    } else throw new Error('split kind does not match the feature kind');
    if (leaf.parent >= 0) {
      if (leaf.isLeftChild) tree.left[leaf.parent] = node;
      else tree.right[leaf.parent] = node;
    }

    // Stable in-place partition of the leaf's rows.
    const { idx, tmp } = this;
    const base = s.feature * data.numRows;
    const bins = data.bins;
    let nl = leaf.begin;
    let nr = 0;
    for (let i = leaf.begin; i < leaf.end; i++) {
      const r = idx[i]!;
      const b = bins[base + r]!;
      const goLeft = s.categorical ? mask[b] === 1 : b === 0 ? s.defaultLeft : b <= s.thresholdBin;
      if (goLeft) idx[nl++] = r;
      else tmp[nr++] = r;
    }
    idx.set(tmp.subarray(0, nr), nl);
    if (nl - leaf.begin !== s.leftC) throw new Error('partition disagrees with the histogram (internal error)');

    const left: Leaf = {
      begin: leaf.begin,
      end: nl,
      g: s.leftG,
      h: s.leftH,
      depth: leaf.depth + 1,
      hist: null,
      split: null,
      parent: node,
      isLeftChild: true,
    };
    const right: Leaf = {
      begin: nl,
      end: leaf.end,
      g: s.rightG,
      h: s.rightH,
      depth: leaf.depth + 1,
      hist: null,
      split: null,
      parent: node,
      isLeftChild: false,
    };
    const parentHist = leaf.hist!;
    const smallIsLeft = left.end - left.begin <= right.end - right.begin;
    const small = smallIsLeft ? left : right;
    const large = smallIsLeft ? right : left;
    const smallHist = this.take();
    buildHistogram(smallHist, data, features, idx, small.begin, small.end, grad, hess, this.scratchG, this.scratchH);
    subtractHistogram(parentHist, smallHist, parentHist);
    small.hist = smallHist;
    large.hist = parentHist;
    leaves[l] = left;
    leaves.push(right);
    left.split = this.splitOf(left, features);
    right.split = this.splitOf(right, features);
  }
}
