import type { BinnedData } from './binning.ts';
import type { GbdtParams } from './params.ts';

/** The best split of one leaf. Left/right sums let the learner size the children without another pass. */
export interface SplitInfo {
  readonly feature: number;
  readonly gain: number;
  readonly categorical: boolean;
  /** Numeric: bins 1..thresholdBin go left. */
  readonly thresholdBin: number;
  /** Numeric: where missing values (bin 0) go. Categorical splits always send bin 0 (missing, rare, unseen) right. */
  readonly defaultLeft: boolean;
  /** Categorical: the bins that go left. */
  readonly leftBins: readonly number[];
  readonly leftG: number;
  readonly leftH: number;
  readonly leftC: number;
  readonly rightG: number;
  readonly rightH: number;
  readonly rightC: number;
}

interface Totals {
  readonly g: number;
  readonly h: number;
  readonly c: number;
}

const MAX_CAT_TO_ONEHOT = 4;

/** Best split over the allowed features, or null when no split satisfies the constraints with positive gain. */
export function findBestSplit(
  hist: Float64Array,
  data: BinnedData,
  features: Int32Array,
  totals: Totals,
  p: GbdtParams,
): SplitInfo | null {
  let best: SplitInfo | null = null;
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const mapper = data.mappers[f]!;
    const cand =
      mapper.kind === 'numeric'
        ? bestNumeric(hist, 3 * data.offsets[f]!, mapper.numBins, f, totals, p)
        : bestCategorical(hist, 3 * data.offsets[f]!, mapper.numBins, f, totals, p);
    // Ties keep the lower feature index: deterministic, independent of iteration order quirks.
    if (cand !== null && (best === null || cand.gain > best.gain)) best = cand;
  }
  return best;
}

function leafGain(g: number, h: number, l2: number): number {
  return (g * g) / (h + l2);
}

function admissible(lc: number, lh: number, rc: number, rh: number, p: GbdtParams): boolean {
  return lc >= p.minDataInLeaf && rc >= p.minDataInLeaf && lh >= p.minSumHessianInLeaf && rh >= p.minSumHessianInLeaf;
}

function bestNumeric(
  hist: Float64Array,
  off: number,
  numBins: number,
  feature: number,
  t: Totals,
  p: GbdtParams,
): SplitInfo | null {
  const l2 = p.lambdaL2;
  const parent = leafGain(t.g, t.h, l2);
  const mg = hist[off]!;
  const mh = hist[off + 1]!;
  const mc = hist[off + 2]!;
  let bestGain = p.minGainToSplit;
  let bestBin = -1;
  let bestLeft = false;
  let gl = 0;
  let hl = 0;
  let cl = 0;
  // Scan thresholds over value bins; for each, try missing values on either side and keep the better
  // (the learned default direction). Threshold numBins-1 puts every value left, which separates missing from present.
  for (let b = 1; b < numBins; b++) {
    gl += hist[off + 3 * b]!;
    hl += hist[off + 3 * b + 1]!;
    cl += hist[off + 3 * b + 2]!;
    // missing right
    {
      const gr = t.g - gl;
      const hr = t.h - hl;
      const cr = t.c - cl;
      if (admissible(cl, hl, cr, hr, p)) {
        const gain = leafGain(gl, hl, l2) + leafGain(gr, hr, l2) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          bestBin = b;
          bestLeft = false;
        }
      }
    }
    if (mc > 0) {
      const glm = gl + mg;
      const hlm = hl + mh;
      const clm = cl + mc;
      const gr = t.g - glm;
      const hr = t.h - hlm;
      const cr = t.c - clm;
      if (admissible(clm, hlm, cr, hr, p)) {
        const gain = leafGain(glm, hlm, l2) + leafGain(gr, hr, l2) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          bestBin = b;
          bestLeft = true;
        }
      }
    }
  }
  if (bestBin < 0) return null;
  let lg = 0;
  let lh = 0;
  let lc = 0;
  for (let b = 1; b <= bestBin; b++) {
    lg += hist[off + 3 * b]!;
    lh += hist[off + 3 * b + 1]!;
    lc += hist[off + 3 * b + 2]!;
  }
  let defaultLeft = bestLeft;
  if (mc > 0) {
    if (bestLeft) {
      lg += mg;
      lh += mh;
      lc += mc;
    }
  } else {
    // No missing value reached this node in training: send future missing values to the larger child,
    // the least surprising place for them.
    defaultLeft = lc >= t.c - lc;
  }
  return {
    feature,
    gain: bestGain,
    categorical: false,
    thresholdBin: bestBin,
    defaultLeft,
    leftBins: [],
    leftG: lg,
    leftH: lh,
    leftC: lc,
    rightG: t.g - lg,
    rightH: t.h - lh,
    rightC: t.c - lc,
  };
}

/**
 * LightGBM's categorical split: categories with enough data are sorted by gradient/(hessian + cat_smooth), and the
 * best prefix (from either end, at most max_cat_threshold categories) goes left. For k categories this finds the
 * optimal binary partition among k-1 candidates instead of 2^(k-1) (Fisher 1958 for squared loss). Few categories
 * are tried one-vs-rest.
 */
function bestCategorical(
  hist: Float64Array,
  off: number,
  numBins: number,
  feature: number,
  t: Totals,
  p: GbdtParams,
): SplitInfo | null {
  const l2 = p.lambdaL2 + p.catL2;
  const parent = leafGain(t.g, t.h, l2);
  const used: number[] = [];
  for (let b = 1; b < numBins; b++) if (hist[off + 3 * b + 2]! >= p.minDataPerGroup) used.push(b);
  if (used.length === 0) return null;
  let bestGain = p.minGainToSplit;
  let bestSet: number[] | null = null;
  const consider = (set: number[], g: number, h: number, c: number): void => {
    const gr = t.g - g;
    const hr = t.h - h;
    const cr = t.c - c;
    if (!admissible(c, h, cr, hr, p)) return;
    const gain = leafGain(g, h, l2) + leafGain(gr, hr, l2) - parent;
    if (gain > bestGain) {
      bestGain = gain;
      bestSet = set;
    }
  };
  if (used.length <= MAX_CAT_TO_ONEHOT) {
    for (const b of used) consider([b], hist[off + 3 * b]!, hist[off + 3 * b + 1]!, hist[off + 3 * b + 2]!);
  } else {
    const ratio = (b: number): number => hist[off + 3 * b]! / (hist[off + 3 * b + 1]! + p.catSmooth);
    used.sort((a, b) => ratio(a) - ratio(b) || a - b);
    const maxK = Math.min(p.maxCatThreshold, used.length - 1);
    for (const dir of [1, -1]) {
      let g = 0;
      let h = 0;
      let c = 0;
      for (let k = 0; k < maxK; k++) {
        const b = dir === 1 ? used[k]! : used[used.length - 1 - k]!;
        g += hist[off + 3 * b]!;
        h += hist[off + 3 * b + 1]!;
        c += hist[off + 3 * b + 2]!;
        consider(dir === 1 ? used.slice(0, k + 1) : used.slice(used.length - 1 - k), g, h, c);
      }
    }
  }
  const chosen = bestSet as number[] | null;
  if (chosen === null) return null;
  const leftBins = [...chosen].sort((a, b) => a - b);
  let lg = 0;
  let lh = 0;
  let lc = 0;
  for (const b of leftBins) {
    lg += hist[off + 3 * b]!;
    lh += hist[off + 3 * b + 1]!;
    lc += hist[off + 3 * b + 2]!;
  }
  return {
    feature,
    gain: bestGain,
    categorical: true,
    thresholdBin: -1,
    defaultLeft: false,
    leftBins,
    leftG: lg,
    leftH: lh,
    leftC: lc,
    rightG: t.g - lg,
    rightH: t.h - lh,
    rightC: t.c - lc,
  };
}
