import type { FeatureKind, FeatureMatrix } from './dataset.ts';
import { sigmoid } from './metrics.ts';
import type { GbdtParams } from './params.ts';
import type { TrainedTree } from './tree.ts';
import { TreeShap } from './treeshap.ts';

export const GBDT_FORMAT = 'smart-customs.gbdt';
export const GBDT_VERSION = 1;

export interface FeatureSpec {
  readonly name: string;
  readonly kind: FeatureKind;
}

/** One tree in the JSON file (LightGBM-like arrays; `threshold` null = +Infinity or a categorical split). */
export interface TreeJson {
  readonly splitFeature: number[];
  readonly threshold: (number | null)[];
  readonly defaultLeft: (0 | 1)[];
  readonly catCodes: number[][];
  readonly splitGain: number[];
  readonly left: number[];
  readonly right: number[];
  readonly internalCount: number[];
  readonly leafValue: number[];
  readonly leafCount: number[];
}

export interface GbdtModelJson {
  readonly format: typeof GBDT_FORMAT;
  readonly version: number;
  readonly objective: 'binary';
  readonly features: readonly FeatureSpec[];
  readonly initScore: number;
  readonly bestIteration: number;
  readonly params: GbdtParams;
  readonly trees: readonly TreeJson[];
}

export interface Explanation {
  /** Mean raw score over the training data (the SHAP base value). */
  readonly expectedValue: number;
  /** Raw score (log-odds) = expectedValue + sum(contributions). */
  readonly raw: number;
  /** Per feature, in the model's feature order. */
  readonly contributions: Float64Array;
}

const DEC_DEFAULT_LEFT = 1;
const DEC_CATEGORICAL = 2;

/**
 * A trained boosted ensemble, flattened into typed arrays for scoring: all trees' internal nodes back to back
 * (child >= 0 is a node, < 0 is the leaf ~child), categorical sets as bitsets over raw category codes.
 */
export class GbdtModel {
  readonly numFeatures: number;
  readonly numTrees: number;
  private readonly roots: Int32Array;
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  private readonly decision: Uint8Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly catStart: Int32Array;
  private readonly catWords: Int32Array;
  private readonly catBits: Uint32Array;
  private readonly nodeCount: Float64Array;
  private readonly leafValue: Float64Array;
  private readonly leafCount: Float64Array;
  readonly expectedValue: number;
  private goesLeftBuffer: Uint8Array | undefined;
  private shap: TreeShap | undefined;

  constructor(
    readonly features: readonly FeatureSpec[],
    readonly initScore: number,
    private readonly trees: readonly TreeJson[],
    readonly params: GbdtParams,
    readonly bestIteration: number,
  ) {
    this.numFeatures = features.length;
    this.numTrees = trees.length;
    let nodes = 0;
    let leaves = 0;
    let words = 0;
    for (const t of trees) {
      nodes += t.splitFeature.length;
      leaves += t.leafValue.length;
      for (const c of t.catCodes) if (c.length > 0) words += (Math.max(...c) >>> 5) + 1;
    }
    this.roots = new Int32Array(trees.length);
    this.feature = new Int32Array(nodes);
    this.threshold = new Float64Array(nodes);
    this.decision = new Uint8Array(nodes);
    this.left = new Int32Array(nodes);
    this.right = new Int32Array(nodes);
    this.catStart = new Int32Array(nodes);
    this.catWords = new Int32Array(nodes);
    this.catBits = new Uint32Array(words);
    this.nodeCount = new Float64Array(nodes);
    this.leafValue = new Float64Array(leaves);
    this.leafCount = new Float64Array(leaves);
    let nb = 0;
    let lb = 0;
    let wb = 0;
    let expected = initScore;
    trees.forEach((t, ti) => {
      const m = t.splitFeature.length;
      const relocate = (c: number): number => (c >= 0 ? c + nb : ~(~c + lb));
      this.roots[ti] = m > 0 ? nb : ~lb;
      for (let i = 0; i < m; i++) {
        const k = nb + i;
        const f = t.splitFeature[i]!;
        if (!Number.isInteger(f) || f < 0 || f >= features.length) throw new Error(`tree ${ti}: bad split feature ${f}`);
        this.feature[k] = f;
        const th = t.threshold[i];
        this.threshold[k] = th === null || th === undefined ? Number.POSITIVE_INFINITY : th;
        const cats = t.catCodes[i] ?? [];
        this.decision[k] = (t.defaultLeft[i] === 1 ? DEC_DEFAULT_LEFT : 0) | (cats.length > 0 ? DEC_CATEGORICAL : 0);
        this.left[k] = relocate(t.left[i]!);
        this.right[k] = relocate(t.right[i]!);
        this.nodeCount[k] = t.internalCount[i]!;
        if (cats.length > 0) {
          const w = (Math.max(...cats) >>> 5) + 1;
          this.catStart[k] = wb;
          this.catWords[k] = w;
          for (const c of cats) this.catBits[wb + (c >>> 5)]! |= 1 << (c & 31);
          wb += w;
        }
      }
      let total = 0;
      let weighted = 0;
      for (let j = 0; j < t.leafValue.length; j++) {
        this.leafValue[lb + j] = t.leafValue[j]!;
        this.leafCount[lb + j] = t.leafCount[j]!;
        total += t.leafCount[j]!;
        weighted += t.leafValue[j]! * t.leafCount[j]!;
      }
      expected += total > 0 ? weighted / total : 0;
      nb += m;
      lb += t.leafValue.length;
    });
    this.expectedValue = expected;
  }

  static fromTrees(
    features: readonly FeatureSpec[],
    initScore: number,
    trees: readonly TrainedTree[],
    params: GbdtParams,
    bestIteration: number,
  ): GbdtModel {
    return new GbdtModel(features, initScore, trees.map(treeToJson), params, bestIteration);
  }

  /** Log-odds of one row given as values in the model's feature order (numeric or category code; NaN = missing). */
  predictRawRow(x: ArrayLike<number>, offset = 0): number {
    let sum = this.initScore;
    const { roots, feature, threshold, decision, left, right, leafValue } = this;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]!;
      while (node >= 0) {
        const d = decision[node]!;
        const v = x[offset + feature[node]!]!;
        let goLeft: boolean;
        if ((d & DEC_CATEGORICAL) !== 0) goLeft = this.categoryGoesLeft(node, v);
        else if (v !== v) goLeft = (d & DEC_DEFAULT_LEFT) !== 0;
        else goLeft = v <= threshold[node]!;
        node = goLeft ? left[node]! : right[node]!;
      }
      sum += leafValue[~node]!;
    }
    return sum;
  }

  /** Missing, negative, fractional or unseen codes go right, as bin 0 ("other") did in training. */
  private categoryGoesLeft(node: number, v: number): boolean {
    if (!(v >= 0) || !Number.isInteger(v)) return false;
    const w = v >>> 5;
    return w < this.catWords[node]! && ((this.catBits[this.catStart[node]! + w]! >>> (v & 31)) & 1) === 1;
  }

  /** Log-odds for every row of a matrix whose features match the model's (by name and order). */
  predictRaw(m: FeatureMatrix): Float64Array {
    this.checkMatrix(m);
    const f = this.numFeatures;
    const out = new Float64Array(m.numRows);
    const row = new Float64Array(f);
    for (let r = 0; r < m.numRows; r++) {
      for (let j = 0; j < f; j++) row[j] = m.columns[j]![r]!;
      out[r] = this.predictRawRow(row);
    }
    return out;
  }

  /** Log-odds for rows packed row-major (the fastest path: no gathering). */
  predictRawRowMajor(x: Float64Array, numRows: number): Float64Array {
    const out = new Float64Array(numRows);
    for (let r = 0; r < numRows; r++) out[r] = this.predictRawRow(x, r * this.numFeatures);
    return out;
  }

  predictProba(m: FeatureMatrix): Float64Array {
    const raw = this.predictRaw(m);
    for (let i = 0; i < raw.length; i++) raw[i] = sigmoid(raw[i]!);
    return raw;
  }

  /** Exact path-dependent TreeSHAP contributions of each feature to the raw score of one row. */
  explain(x: ArrayLike<number>): Explanation {
    const phi = new Float64Array(this.numFeatures);
    // Every node is visited by TreeSHAP, so the row's way at each is decided once, up front.
    const goesLeft = (this.goesLeftBuffer ??= new Uint8Array(this.feature.length));
    const { roots, feature, threshold, decision, left, right, nodeCount, leafValue, leafCount } = this;
    for (let node = 0; node < goesLeft.length; node++) {
      const v = x[feature[node]!]!;
      const d = decision[node]!;
      // predictRawRow's rule, without a branch on a missing value (numeric nodes are most of them)
      goesLeft[node] = (d & DEC_CATEGORICAL) === 0 ? +(v <= threshold[node]!) | (+(v !== v) & d & DEC_DEFAULT_LEFT) : +this.categoryGoesLeft(node, v);
    }
    (this.shap ??= new TreeShap({ roots, feature, left, right, nodeCount, leafValue, leafCount })).addForest(goesLeft, phi);
    let raw = this.expectedValue;
    for (let j = 0; j < phi.length; j++) raw += phi[j]!;
    return { expectedValue: this.expectedValue, raw, contributions: phi };
  }

  /** Total split gain per feature (what the ensemble relied on). */
  gainImportance(): Float64Array {
    const imp = new Float64Array(this.numFeatures);
    for (const t of this.trees) t.splitFeature.forEach((f, i) => (imp[f]! += t.splitGain[i] ?? 0));
    return imp;
  }

  toJSON(): GbdtModelJson {
    return {
      format: GBDT_FORMAT,
      version: GBDT_VERSION,
      objective: 'binary',
      features: this.features,
      initScore: this.initScore,
      bestIteration: this.bestIteration,
      params: this.params,
      trees: this.trees,
    };
  }

  private checkMatrix(m: FeatureMatrix): void {
    if (m.names.length !== this.numFeatures || m.names.some((n, i) => n !== this.features[i]!.name)) {
      throw new Error(`feature mismatch: model expects [${this.features.map((f) => f.name).join(', ')}]`);
    }
  }
}

function treeToJson(t: TrainedTree): TreeJson {
  return {
    splitFeature: [...t.splitFeature],
    threshold: t.threshold.map((v) => (Number.isFinite(v) ? v : null)),
    defaultLeft: t.defaultLeft.map((b) => (b ? 1 : 0)),
    catCodes: t.catCodes.map((c) => [...c]),
    splitGain: [...t.splitGain],
    left: [...t.left],
    right: [...t.right],
    internalCount: [...t.internalCount],
    leafValue: [...t.leafValue],
    leafCount: [...t.leafCount],
  };
}
