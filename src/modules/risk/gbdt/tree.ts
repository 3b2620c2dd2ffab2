/**
 * One regression tree as the learner builds it (LightGBM's layout): internal nodes 0..n-2, leaves 0..n-1; a child
 * index >= 0 is an internal node, < 0 is the leaf ~child. Thresholds are kept both as raw values (for scoring
 * any data) and as bins (for the learner's fast update of its own scores).
 */
export interface TrainedTree {
  readonly splitFeature: number[];
  /** Numeric: go left when value <= threshold. */
  readonly threshold: number[];
  readonly thresholdBin: number[];
  readonly defaultLeft: boolean[];
  /** Categorical split: raw category codes that go left (sorted); empty for numeric splits. */
  readonly catCodes: number[][];
  /** Categorical split: bin mask (1 = left) for binned scoring; empty for numeric splits. */
  readonly catBinMask: Uint8Array[];
  readonly splitGain: number[];
  readonly left: number[];
  readonly right: number[];
  /** Training rows that reached the node (the "cover" TreeSHAP weighs by). */
  readonly internalCount: number[];
  readonly leafValue: number[];
  readonly leafCount: number[];
}

export function emptyTree(): TrainedTree {
  return {
    splitFeature: [],
    threshold: [],
    thresholdBin: [],
    defaultLeft: [],
    catCodes: [],
    catBinMask: [],
    splitGain: [],
    left: [],
    right: [],
    internalCount: [],
    leafValue: [],
    leafCount: [],
  };
}

/** Walks the tree on binned data (column-major bytes); returns the leaf index. */
export function leafOfBinnedRow(tree: TrainedTree, bins: Uint8Array, numRows: number, row: number): number {
  if (tree.splitFeature.length === 0) return 0;
  let node = 0;
  while (node >= 0) {
    const b = bins[tree.splitFeature[node]! * numRows + row]!;
    const mask = tree.catBinMask[node]!;
    let goLeft: boolean;
    if (mask.length > 0) goLeft = mask[b] === 1;
    else if (b === 0) goLeft = tree.defaultLeft[node]!;
    else goLeft = b <= tree.thresholdBin[node]!;
    node = goLeft ? tree.left[node]! : tree.right[node]!;
  }
  return ~node;
}
