import type { BinnedData } from './binning.ts';

/**
 * Gradient/hessian/count histograms, interleaved in one Float64Array: entry 3*(offsets[f]+bin) holds the sum of
 * gradients, +1 the sum of hessians, +2 the row count of that feature's bin among a leaf's rows.
 */
export function newHistogram(data: BinnedData): Float64Array {
  return new Float64Array(3 * data.offsets[data.numFeatures]!);
}

/**
 * Accumulates the rows idx[begin..end) into `hist` (which must be zero) for the features in `features`.
 * Gradients are gathered once into leaf order (LightGBM's "ordered gradients"), so the per-feature loop reads one
 * byte column with random access and two sequential arrays.
 */
export function buildHistogram(
  hist: Float64Array,
  data: BinnedData,
  features: Int32Array,
  idx: Uint32Array,
  begin: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  scratchG: Float64Array,
  scratchH: Float64Array,
): void {
  const n = end - begin;
  for (let i = 0; i < n; i++) {
    const r = idx[begin + i]!;
    scratchG[i] = grad[r]!;
    scratchH[i] = hess[r]!;
  }
  const numRows = data.numRows;
  const bins = data.bins;
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const base = f * numRows;
    const off = 3 * data.offsets[f]!;
    for (let i = 0; i < n; i++) {
      const p = off + 3 * bins[base + idx[begin + i]!]!;
      hist[p]! += scratchG[i]!;
      hist[p + 1]! += scratchH[i]!;
      hist[p + 2]! += 1;
    }
  }
}

/** The subtraction trick: the larger child's histogram is parent − smaller child, at O(bins) instead of O(rows). */
export function subtractHistogram(parent: Float64Array, child: Float64Array, out: Float64Array): void {
  for (let i = 0; i < parent.length; i++) out[i] = parent[i]! - child[i]!;
}
