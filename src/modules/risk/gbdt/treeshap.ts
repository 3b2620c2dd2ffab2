/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2; the form used in LightGBM's tree.cpp):
 * the Shapley values of the tree's output where a missing coalition is averaged over the training data that
 * reached each node (the node "cover"). Runs in O(leaves × depth²) per tree instead of O(2^features).
 *
 * Written for speed without changing a single rounding: every product and quotient is the one of the textbook form
 * (treeshap.test.ts keeps that form and compares bit for bit); only quotients that depend on the depth alone come
 * from a table, since a quotient computed earlier is the same double.
 */

/** The trees' nodes, all trees back to back (child >= 0 is a node, < 0 is the leaf ~child). */
export interface ShapForest {
  readonly feature: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly nodeCount: Float64Array;
  readonly leafValue: Float64Array;
  readonly leafCount: Float64Array;
}

/**
 * Working memory for trees up to `maxDepth` deep, reused across trees and rows (one per model: explaining is
 * synchronous, so one row at a time). The unique path holds one element per distinct feature on the current
 * root-to-node path (element 0 is a dummy); a node's first child works on a copy placed right after the node's path,
 * the second child takes the node's own path over (the node needs it no more).
 */
export class TreeShap {
  private readonly pathFeature: Int32Array;
  private readonly pathZero: Float64Array;
  private readonly pathOne: Float64Array;
  private readonly pathWeight: Float64Array;
  /** (depth - i) / (depth + 1) at [depth * stride + i]. */
  private readonly fraction: Float64Array;
  private readonly stride: number;
  private goesLeft: Uint8Array = new Uint8Array(0);
  private phi: Float64Array = new Float64Array(0);

  constructor(
    private readonly forest: ShapForest,
    maxDepth: number,
  ) {
    const d = maxDepth + 2;
    const size = (d * (d + 1)) / 2;
    this.pathFeature = new Int32Array(size);
    this.pathZero = new Float64Array(size);
    this.pathOne = new Float64Array(size);
    this.pathWeight = new Float64Array(size);
    this.stride = d + 1;
    this.fraction = new Float64Array(this.stride * this.stride);
    for (let depth = 0; depth <= d; depth++)
      for (let i = 0; i <= depth; i++) this.fraction[depth * this.stride + i] = (depth - i) / (depth + 1);
  }

  /**
   * Adds the contributions of the tree rooted at `root` (a node, or ~leaf for a constant tree) to phi.
   * goesLeft[node] is 1 where the row goes left at that node.
   */
  addTree(root: number, goesLeft: Uint8Array, phi: Float64Array): void {
    if (root < 0) return; // a constant tree contributes only to the expected value
    this.goesLeft = goesLeft;
    this.phi = phi;
    this.recurse(root, 0, 0, -1, 1, 1, -1);
  }

  /**
   * `start`: where this node's path lives; copied there from `copyFrom` first, or, for the second child (copyFrom -1),
   * the parent's own path taken over in place, the parent having no further use for it.
   */
  private recurse(node: number, depth: number, start: number, copyFrom: number, zeroFraction: number, oneFraction: number, featureIndex: number): void {
    const pf = this.pathFeature;
    const pz = this.pathZero;
    const po = this.pathOne;
    const pw = this.pathWeight;
    if (copyFrom >= 0) {
      for (let k = 0; k < depth; k++) {
        pf[start + k] = pf[copyFrom + k]!;
        pz[start + k] = pz[copyFrom + k]!;
        po[start + k] = po[copyFrom + k]!;
        pw[start + k] = pw[copyFrom + k]!;
      }
    }
    // extend
    pf[start + depth] = featureIndex;
    pz[start + depth] = zeroFraction;
    po[start + depth] = oneFraction;
    pw[start + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      pw[start + i + 1]! += (oneFraction * pw[start + i]! * (i + 1)) / (depth + 1);
      pw[start + i] = (zeroFraction * pw[start + i]! * (depth - i)) / (depth + 1);
    }

    const forest = this.forest;
    if (node < 0) {
      const v = forest.leafValue[~node]!;
      const phi = this.phi;
      // Two elements whose row went hot ("one" set) at once: their sums are chains of dependent divisions, and two
      // independent chains side by side run in about the time of one. Each sum is still computed exactly as alone.
      let pending = 0;
      for (let i = 1; i <= depth; i++) {
        if (po[start + i] === 0) {
          const w = this.unwoundSum(start, depth, i);
          phi[pf[start + i]!]! += w * (po[start + i]! - pz[start + i]!) * v;
        } else if (pending === 0) pending = i;
        else {
          this.unwoundSumPair(start, depth, pending, i);
          phi[pf[start + pending]!]! += this.sumA * (po[start + pending]! - pz[start + pending]!) * v;
          phi[pf[start + i]!]! += this.sumB * (po[start + i]! - pz[start + i]!) * v;
          pending = 0;
        }
      }
      if (pending !== 0) {
        const w = this.unwoundSum(start, depth, pending);
        phi[pf[start + pending]!]! += w * (po[start + pending]! - pz[start + pending]!) * v;
      }
      return;
    }

    const f = forest.feature[node]!;
    const left = forest.left[node]!;
    const right = forest.right[node]!;
    const hot = this.goesLeft[node] === 1 ? left : right;
    const cold = hot === left ? right : left;
    const w = forest.nodeCount[node]!;
    const hotZero = (hot >= 0 ? forest.nodeCount[hot]! : forest.leafCount[~hot]!) / w;
    const coldZero = (cold >= 0 ? forest.nodeCount[cold]! : forest.leafCount[~cold]!) / w;
    let incomingZero = 1;
    let incomingOne = 1;
    let d = depth;
    // A feature already on the path is undone and redone here, so each feature appears once.
    let k = 0;
    for (; k <= d; k++) if (pf[start + k] === f) break;
    if (k !== d + 1) {
      incomingZero = pz[start + k]!;
      incomingOne = po[start + k]!;
      this.unwind(start, d, k);
      d -= 1;
    }
    this.recurse(hot, d + 1, start + d + 1, start, hotZero * incomingZero, incomingOne, f);
    this.recurse(cold, d + 1, start, -1, coldZero * incomingZero, 0, f);
  }

  private unwind(s: number, depth: number, index: number): void {
    const pf = this.pathFeature;
    const pz = this.pathZero;
    const po = this.pathOne;
    const pw = this.pathWeight;
    const one = po[s + index]!;
    const zero = pz[s + index]!;
    let next = pw[s + depth]!;
    if (one !== 0) {
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = pw[s + i]!;
        const w = (next * (depth + 1)) / ((i + 1) * one);
        pw[s + i] = w;
        next = tmp - (w * zero * (depth - i)) / (depth + 1);
      }
    } else {
      for (let i = depth - 1; i >= 0; i--) pw[s + i] = (pw[s + i]! * (depth + 1)) / (zero * (depth - i));
    }
    for (let i = index; i < depth; i++) {
      pf[s + i] = pf[s + i + 1]!;
      pz[s + i] = pz[s + i + 1]!;
      po[s + i] = po[s + i + 1]!;
    }
  }

  private sumA = 0;
  private sumB = 0;

  /** unwoundSum of two elements with "one" set, interleaved; results in sumA and sumB. */
  private unwoundSumPair(s: number, depth: number, a: number, b: number): void {
    const pw = this.pathWeight;
    const oneA = this.pathOne[s + a]!;
    const zeroA = this.pathZero[s + a]!;
    const oneB = this.pathOne[s + b]!;
    const zeroB = this.pathZero[s + b]!;
    const fraction = this.fraction;
    const row = depth * this.stride;
    let nextA = pw[s + depth]!;
    let nextB = nextA;
    let totalA = 0;
    let totalB = 0;
    for (let i = depth - 1; i >= 0; i--) {
      const tmpA = (nextA * (depth + 1)) / ((i + 1) * oneA);
      const tmpB = (nextB * (depth + 1)) / ((i + 1) * oneB);
      totalA += tmpA;
      totalB += tmpB;
      const wi = pw[s + i]!;
      const fi = fraction[row + i]!;
      nextA = wi - tmpA * zeroA * fi;
      nextB = wi - tmpB * zeroB * fi;
    }
    this.sumA = totalA;
    this.sumB = totalB;
  }

  private unwoundSum(s: number, depth: number, index: number): number {
    const pw = this.pathWeight;
    const one = this.pathOne[s + index]!;
    const zero = this.pathZero[s + index]!;
    const fraction = this.fraction;
    const row = depth * this.stride;
    let next = pw[s + depth]!;
    let total = 0;
    if (one !== 0) {
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = (next * (depth + 1)) / ((i + 1) * one);
        total += tmp;
        next = pw[s + i]! - tmp * zero * fraction[row + i]!;
      }
    } else {
      for (let i = depth - 1; i >= 0; i--) total += pw[s + i]! / zero / fraction[row + i]!;
    }
    return total;
  }
}
