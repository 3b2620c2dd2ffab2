/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018): the Shapley values of the tree's output where a missing
 * coalition is averaged over the training data that reached each node (the node "cover").
 *
 * Not the textbook recursion (O(leaves × depth²) with chains of dependent divisions; treeshap.test.ts keeps it as the
 * reference) but its closed form per leaf. For a leaf with value v whose path has the distinct features j, each with
 * a zero fraction q_j (the product of the cover ratios of the path's edges on j) and a one fraction o_j (1 when the row
 * follows every one of those edges, else 0), the Shapley weights of the path sum to an integral:
 *   phi_i += v · (o_i − q_i) · ∫₀¹ Π_{j≠i} ((1 − t)·q_j + t·o_j) dt
 * (∫ t^|S| (1−t)^(d−1−|S|) dt = |S|! (d−1−|S|)! / d! is the Shapley weight of a coalition S of the other d − 1).
 * With u = 1 − t the factors are q_j·u for the features the row leaves (o = 0) and 1 − (1 − q_j)·u for those it
 * follows (o = 1), so every feature the row leaves gets the same value, −v·Q0·∫ u^(n0−1) Π_follow du (Q0 the
 * product of their q), and each one it follows v·(1 − q_i)·Q0·∫ u^n0 Π_{follow, ≠i} du. The integrands are
 * polynomials of degree d − 1, which Gauss–Legendre quadrature with ⌈d/2⌉ nodes integrates exactly (up to rounding);
 * all factors and weights are positive, so the sums lose nothing to cancellation. The product leaving one factor out
 * comes from prefix and suffix products, never a division.
 *
 * A leaf's contributions depend on the row only through the set T of its d features the row follows, and all of them
 * come from one number per set: with W(T) = v · Π_{j∉T} q_j · ∫ u^(d−|T|−1) Π_{j∈T} (1 − (1 − q_j)·u) du, a feature
 * the row leaves gets −W(T) and a feature i it follows gets (1 − q_i)/q_i · W(T \ {i}). So each leaf keeps W for all
 * 2^d sets (in the spirit of Fast TreeSHAP v2, Yang 2021, at a d-th of its memory), and a row costs one pass over the
 * nodes (which features each path still follows, as a bit mask) and d + 1 table reads per leaf. Leaves past the
 * memory budget, or with a zero cover on the path, are integrated per row instead.
 */

/** The trees' nodes, all trees back to back (child >= 0 is a node, < 0 is the leaf ~child). */
export interface ShapForest {
  /** Per tree, its root: a node, or ~leaf for a tree of one leaf. */
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly nodeCount: Float64Array;
  readonly leafValue: Float64Array;
  readonly leafCount: Float64Array;
}

/** Doubles the tables of W may take per model (8 MB); leaves with the fewest distinct features are tabled first. */
const TABLE_BUDGET = 1 << 20;
/** A leaf with more distinct features is integrated per row (its table would cost more to build than it saves). */
const MAX_TABLED = 16;

/**
 * One model's trees laid out for explaining, and working memory reused across rows (one per model: explaining is
 * synchronous, one row at a time).
 */
export class TreeShap {
  /**
   * The internal nodes of every tree, each after its parent (position i): the node, the bit of its feature among the
   * distinct features of its path (0 past 31 of them), and where its children's masks go: a child node's position, or
   * a leaf's place after all positions.
   */
  private readonly node: Int32Array;
  private readonly bit: Int32Array;
  private readonly leftAt: Int32Array;
  private readonly rightAt: Int32Array;
  /** Per position, then per leaf: the distinct features of the path that the row follows, as bits by slot. */
  private readonly mask: Int32Array;
  /** Per internal position: its parent's position (-1 for a root), 1 if it is the parent's left child, its slot. */
  private readonly up: Int32Array;
  private readonly upLeft: Uint8Array;
  private readonly slot: Int32Array;
  /** Per leaf of a tree with at least one split: where its mask is, its value, its parent's position and side. */
  private readonly leafMaskAt: Int32Array;
  private readonly value: Float64Array;
  private readonly leafUp: Int32Array;
  private readonly leafUpLeft: Uint8Array;
  /**
   * Leaf l's distinct path features, in slot order, at uniqueStart[l] .. uniqueStart[l + 1] - 1, with their q and
   * (1 − q)/q.
   */
  private readonly uniqueStart: Int32Array;
  private readonly uniqueFeature: Int32Array;
  private readonly uniqueZero: Float64Array;
  private readonly uniqueOdds: Float64Array;
  /** Leaf l's W(T) at tableAt[l] + T (T as a bit mask by slot); -1 for a leaf integrated per row. */
  private readonly tableAt: Int32Array;
  private readonly table: Float64Array;
  /** Per number of distinct features d: the ⌈d/2⌉ nodes u_k, and w_k · u_k^a at [k * (d + 1) + a]. */
  private readonly rules: readonly { readonly u: Float64Array; readonly weightPow: Float64Array }[];
  private readonly one: Uint8Array;
  private readonly leftSlot: Int32Array;
  private readonly followSlot: Int32Array;
  private readonly followCold: Float64Array;
  private readonly factor: Float64Array;
  private readonly prefix: Float64Array;
  private readonly sum: Float64Array;
  private readonly out: Float64Array;

  constructor(forest: ShapForest, tableBudget = TABLE_BUDGET) {
    const positions: { node: number; slot: number; up: number; upLeft: boolean; left: number; right: number }[] = [];
    const leaves: { leaf: number; up: number; upLeft: boolean; value: number; features: number[]; zeros: number[] }[] = [];
    // The path from the root: its distinct features (slot order) and their q so far.
    const features: number[] = [];
    const zeros: number[] = [];
    /** Visits `child` of position `up` (on its left side or not); returns the child's position, or ~leaf. */
    const walk = (child: number, up: number, upLeft: boolean): number => {
      let slot = 0;
      let before = 1;
      let added = false;
      if (up >= 0) {
        const via = positions[up]!.node;
        const ratio = cover(forest, child) / forest.nodeCount[via]!;
        slot = positions[up]!.slot;
        added = slot === features.length;
        if (added) {
          features.push(forest.feature[via]!);
          zeros.push(ratio);
        } else {
          before = zeros[slot]!;
          zeros[slot] = before * ratio;
        }
      }
      let at: number;
      if (child < 0) {
        leaves.push({ leaf: ~child, up, upLeft, value: forest.leafValue[~child]!, features: [...features], zeros: [...zeros] });
        at = child;
      } else {
        at = positions.length;
        const f = forest.feature[child]!;
        const s = features.indexOf(f);
        positions.push({ node: child, slot: s < 0 ? features.length : s, up, upLeft, left: 0, right: 0 });
        positions[at]!.left = walk(forest.left[child]!, at, true);
        positions[at]!.right = walk(forest.right[child]!, at, false);
      }
      if (added) {
        features.pop();
        zeros.pop();
      } else if (up >= 0) zeros[slot] = before;
      return at;
    };
    for (const root of forest.roots) if (root >= 0) walk(root, -1, false);

    const p = positions.length;
    const maskOf = (c: number): number => (c >= 0 ? c : p + ~c);
    this.node = Int32Array.from(positions, (x) => x.node);
    this.bit = Int32Array.from(positions, (x) => (x.slot < 31 ? 1 << x.slot : 0));
    this.leftAt = Int32Array.from(positions, (x) => maskOf(x.left));
    this.rightAt = Int32Array.from(positions, (x) => maskOf(x.right));
    this.up = Int32Array.from(positions, (x) => x.up);
    this.upLeft = Uint8Array.from(positions, (x) => (x.upLeft ? 1 : 0));
    this.slot = Int32Array.from(positions, (x) => x.slot);
    this.mask = new Int32Array(p + forest.leafValue.length);
    // A root's mask is never written by the pass over the nodes: every feature followed, once for all rows.
    positions.forEach((x, i) => x.up < 0 && (this.mask[i] = -1));
    const n = leaves.length;
    this.leafMaskAt = Int32Array.from(leaves, (l) => p + l.leaf);
    this.value = Float64Array.from(leaves, (l) => l.value);
    this.leafUp = Int32Array.from(leaves, (l) => l.up);
    this.leafUpLeft = Uint8Array.from(leaves, (l) => (l.upLeft ? 1 : 0));
    this.uniqueStart = new Int32Array(n + 1);
    leaves.forEach((l, i) => (this.uniqueStart[i + 1] = this.uniqueStart[i]! + l.features.length));
    this.uniqueFeature = Int32Array.from(leaves.flatMap((l) => l.features));
    this.uniqueZero = Float64Array.from(leaves.flatMap((l) => l.zeros));
    this.uniqueOdds = this.uniqueZero.map((q) => (1 - q) / q);
    const maxUnique = leaves.reduce((a, l) => Math.max(a, l.features.length), 0);
    this.rules = Array.from({ length: maxUnique + 1 }, (_, d) => rule(d));
    this.one = new Uint8Array(maxUnique);
    this.leftSlot = new Int32Array(maxUnique);
    this.followSlot = new Int32Array(maxUnique);
    this.followCold = new Float64Array(maxUnique);
    this.factor = new Float64Array(maxUnique);
    this.prefix = new Float64Array(maxUnique);
    this.sum = new Float64Array(maxUnique);
    this.out = new Float64Array(maxUnique);

    this.tableAt = new Int32Array(n).fill(-1);
    let size = 0;
    const byWidth = leaves.map((_, l) => l).sort((a, b) => leaves[a]!.features.length - leaves[b]!.features.length);
    for (const l of byWidth) {
      const { features: f, zeros } = leaves[l]!;
      if (f.length > MAX_TABLED || size + 2 ** f.length > tableBudget) break;
      if (zeros.some((q) => !(q > 0))) continue; // (1 − q)/q would not be finite
      this.tableAt[l] = size;
      size += 2 ** f.length;
    }
    this.table = new Float64Array(size);
    const scratch = new Float64Array(2 ** Math.min(maxUnique, MAX_TABLED));
    for (let l = 0; l < n; l++) if (this.tableAt[l]! >= 0) this.tabulate(l, scratch);
  }

  /** Adds every tree's contributions to phi. goesLeft[node] is 1 where the row goes left at that node. */
  addForest(goesLeft: Uint8Array, phi: Float64Array): void {
    const { node, bit, leftAt, rightAt, mask } = this;
    for (let i = 0; i < node.length; i++) {
      const m = mask[i]!;
      const b = bit[i]!;
      const gl = goesLeft[node[i]!]!;
      mask[leftAt[i]!] = m & ~(-(gl ^ 1) & b);
      mask[rightAt[i]!] = m & ~(-gl & b);
    }
    const { leafMaskAt, uniqueStart, uniqueFeature, uniqueOdds, tableAt, table, out } = this;
    for (let l = 0; l < leafMaskAt.length; l++) {
      const u0 = uniqueStart[l]!;
      const d = uniqueStart[l + 1]! - u0;
      const at = tableAt[l]!;
      if (at >= 0) {
        const m = mask[leafMaskAt[l]!]! & ((1 << d) - 1);
        const left = -table[at + m]!;
        for (let s = 0; s < d; s++) {
          const b = 1 << s;
          phi[uniqueFeature[u0 + s]!]! += (m & b) !== 0 ? uniqueOdds[u0 + s]! * table[at + (m ^ b)]! : left;
        }
      } else {
        this.follows(l, goesLeft);
        this.integrate(l, out);
        for (let s = 0; s < d; s++) phi[uniqueFeature[u0 + s]!]! += out[s]!;
      }
    }
  }

  /**
   * W(T) of leaf l for every T but the full set (no feature left: W is never read there), the products over T built
   * up one bit at a time.
   */
  private tabulate(l: number, product: Float64Array): void {
    const u0 = this.uniqueStart[l]!;
    const d = this.uniqueStart[l + 1]! - u0;
    const v = this.value[l]!;
    const { u, weightPow } = this.rules[d]!;
    const at = this.tableAt[l]!;
    const table = this.table;
    const size = 1 << d;
    for (let k = 0; k < u.length; k++) {
      product[0] = 1;
      for (let t = 1; t < size; t++) {
        const s = 31 - Math.clz32(t);
        product[t] = product[t ^ (1 << s)]! * (1 - (1 - this.uniqueZero[u0 + s]!) * u[k]!);
      }
      for (let t = 0; t < size - 1; t++) table[at + t]! += weightPow[k * (d + 1) + d - popcount(t) - 1]! * product[t]!;
    }
    // v times the product of q over the features left (those not in T)
    product[size - 1] = v;
    for (let t = size - 2; t >= 0; t--) {
      const s = 31 - Math.clz32(~t & (size - 1));
      product[t] = product[t | (1 << s)]! * this.uniqueZero[u0 + s]!;
    }
    for (let t = 0; t < size - 1; t++) table[at + t]! *= product[t]!;
  }

  /** one[slot] = 1 where the row follows every edge of leaf l's path on that slot's feature. */
  private follows(l: number, goesLeft: Uint8Array): void {
    const { one, node, up, upLeft, slot } = this;
    one.fill(1, 0, this.uniqueStart[l + 1]! - this.uniqueStart[l]!);
    let left = this.leafUpLeft[l]!;
    for (let i = this.leafUp[l]!; i >= 0; i = up[i]!) {
      one[slot[i]!]! &= 1 ^ goesLeft[node[i]!]! ^ left;
      left = upLeft[i]!;
    }
  }

  /** Leaf l's contribution to each of its distinct features (slot order) into out, for the pattern in `one`. */
  private integrate(l: number, out: Float64Array): void {
    const { one, leftSlot, followSlot, followCold, factor, prefix, sum } = this;
    const u0 = this.uniqueStart[l]!;
    const d = this.uniqueStart[l + 1]! - u0;
    let n0 = 0;
    let n1 = 0;
    let q0 = 1;
    for (let s = 0; s < d; s++) {
      const q = this.uniqueZero[u0 + s]!;
      if (one[s] === 1) {
        followSlot[n1] = s;
        followCold[n1++] = 1 - q;
      } else {
        leftSlot[n0++] = s;
        q0 *= q;
      }
    }
    const vq = this.value[l]! * q0;
    if (n1 === 0) {
      // ∫ u^(n0−1) du = 1/n0
      out.fill(-vq / n0, 0, d);
      return;
    }
    const { u, weightPow } = this.rules[d]!;
    const stride = d + 1;
    let left = 0;
    for (let m = 0; m < n1; m++) sum[m] = 0;
    for (let k = 0; k < u.length; k++) {
      const uk = u[k]!;
      let p = 1;
      for (let m = 0; m < n1; m++) {
        const g = 1 - followCold[m]! * uk;
        factor[m] = g;
        prefix[m] = p;
        p *= g;
      }
      if (n0 > 0) left += weightPow[k * stride + n0 - 1]! * p;
      let suffix = weightPow[k * stride + n0]!;
      for (let m = n1 - 1; m >= 0; m--) {
        sum[m]! += prefix[m]! * suffix;
        suffix *= factor[m]!;
      }
    }
    for (let s = 0; s < n0; s++) out[leftSlot[s]!] = -vq * left;
    for (let m = 0; m < n1; m++) out[followSlot[m]!] = vq * followCold[m]! * sum[m]!;
  }
}

function popcount(t: number): number {
  let c = 0;
  for (let x = t; x !== 0; x &= x - 1) c++;
  return c;
}

function cover(forest: ShapForest, child: number): number {
  return child >= 0 ? forest.nodeCount[child]! : forest.leafCount[~child]!;
}

/**
 * Gauss–Legendre on [0, 1] with ⌈d/2⌉ nodes (exact for polynomials of degree d − 1), and each weight times the powers
 * 0..d of its node. Nodes by Newton's method on the Legendre polynomial from the usual first guesses, to convergence.
 */
function rule(d: number): { u: Float64Array; weightPow: Float64Array } {
  const n = Math.max(1, Math.ceil(d / 2));
  const u = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < (n + 1) >> 1; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let iter = 0; iter < 100; iter++) {
      const [p, dp] = legendre(n, z);
      const next = z - p / dp;
      if (next === z) break;
      z = next;
    }
    const dp = legendre(n, z)[1];
    // The pair ±z: on [0, 1] the nodes (1 ∓ z)/2, each with weight 1 / ((1 − z²) P'(z)²).
    const weight = 1 / ((1 - z * z) * dp * dp);
    u[i] = (1 - z) / 2;
    u[n - 1 - i] = (1 + z) / 2;
    w[i] = weight;
    w[n - 1 - i] = weight;
  }
  const weightPow = new Float64Array(n * (d + 1));
  for (let k = 0; k < n; k++) {
    let p = w[k]!;
    for (let a = 0; a <= d; a++) {
      weightPow[k * (d + 1) + a] = p;
      p *= u[k]!;
    }
  }
  return { u, weightPow };
}

/** P_n(z) and P_n'(z) by the three-term recurrence. */
function legendre(n: number, z: number): [number, number] {
  let p1 = 1;
  let p2 = 0;
  for (let j = 1; j <= n; j++) {
    const p3 = p2;
    p2 = p1;
    p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
  }
  return [p1, (n * (z * p1 - p2)) / (z * z - 1)];
}
