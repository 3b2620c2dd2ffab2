/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2; the form used in LightGBM's tree.cpp):
 * the Shapley values of the tree's output where a missing coalition is averaged over the training data that
 * reached each node (the node "cover"). Runs in O(leaves × depth²) per tree instead of O(2^features).
 */
export interface ShapTree {
  /** Root: node index >= 0, or ~leaf for a single-leaf tree. */
  readonly root: number;
  readonly feature: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly nodeCount: Float64Array;
  readonly leafValue: Float64Array;
  readonly leafCount: Float64Array;
  readonly maxDepth: number;
  readonly goesLeft: (node: number, value: number) => boolean;
}

/** The unique path: one element per distinct feature on the current root-to-node path (element 0 is a dummy). */
export interface Path {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
}

/** Working memory for trees up to `maxDepth` deep; reusable across trees and rows. */
export function pathBuffer(maxDepth: number): Path {
  const d = maxDepth + 2;
  const size = (d * (d + 1)) / 2;
  return {
    feature: new Int32Array(size),
    zero: new Float64Array(size),
    one: new Float64Array(size),
    weight: new Float64Array(size),
  };
}

/** Adds this tree's contributions to phi (phi has one slot per feature). */
export function treeShap(tree: ShapTree, x: ArrayLike<number>, phi: Float64Array, path = pathBuffer(tree.maxDepth)): void {
  if (tree.root < 0) return; // a constant tree contributes only to the expected value
  recurse(tree, x, phi, tree.root, 0, path, 0, 1, 1, -1);
}

function countOf(tree: ShapTree, node: number): number {
  return node >= 0 ? tree.nodeCount[node]! : tree.leafCount[~node]!;
}

function recurse(
  tree: ShapTree,
  x: ArrayLike<number>,
  phi: Float64Array,
  node: number,
  depth: number,
  path: Path,
  parentStart: number,
  zeroFraction: number,
  oneFraction: number,
  featureIndex: number,
): void {
  // Each level works on its own copy of the path, placed right after the parent's.
  const start = parentStart + depth;
  if (depth > 0) {
    path.feature.copyWithin(start, parentStart, parentStart + depth);
    path.zero.copyWithin(start, parentStart, parentStart + depth);
    path.one.copyWithin(start, parentStart, parentStart + depth);
    path.weight.copyWithin(start, parentStart, parentStart + depth);
  }
  extend(path, start, depth, zeroFraction, oneFraction, featureIndex);

  if (node < 0) {
    const v = tree.leafValue[~node]!;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundSum(path, start, depth, i);
      phi[path.feature[start + i]!]! += w * (path.one[start + i]! - path.zero[start + i]!) * v;
    }
    return;
  }

  const f = tree.feature[node]!;
  const hot = tree.goesLeft(node, x[f]!) ? tree.left[node]! : tree.right[node]!;
  const cold = hot === tree.left[node]! ? tree.right[node]! : tree.left[node]!;
  const w = countOf(tree, node);
  const hotZero = countOf(tree, hot) / w;
  const coldZero = countOf(tree, cold) / w;
  let incomingZero = 1;
  let incomingOne = 1;
  let d = depth;
  // A feature already on the path is undone and redone here, so each feature appears once.
  let k = 0;
  for (; k <= d; k++) if (path.feature[start + k] === f) break;
  if (k !== d + 1) {
    incomingZero = path.zero[start + k]!;
    incomingOne = path.one[start + k]!;
    unwind(path, start, d, k);
    d -= 1;
  }
  recurse(tree, x, phi, hot, d + 1, path, start, hotZero * incomingZero, incomingOne, f);
  recurse(tree, x, phi, cold, d + 1, path, start, coldZero * incomingZero, 0, f);
}

function extend(p: Path, s: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[s + depth] = feature;
  p.zero[s + depth] = zero;
  p.one[s + depth] = one;
  p.weight[s + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[s + i + 1]! += (one * p.weight[s + i]! * (i + 1)) / (depth + 1);
    p.weight[s + i] = (zero * p.weight[s + i]! * (depth - i)) / (depth + 1);
  }
}

function unwind(p: Path, s: number, depth: number, index: number): void {
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
}

function unwoundSum(p: Path, s: number, depth: number, index: number): number {
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
}
