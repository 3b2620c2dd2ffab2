import type { FeatureKind, FeatureMatrix } from './dataset.ts';
import type { SeededRandom } from './random.ts';

/**
 * Discretises one feature into at most `maxBin` bins. Bin 0 always holds missing values (and, for categorical
 * features, categories too rare or unseen in training); bins 1.. hold values. Splits are then searched over bins,
 * which is what makes histogram boosting fast: O(bins) per feature per node instead of O(rows).
 */
export type BinMapper = NumericBinMapper | CategoricalBinMapper;

export interface NumericBinMapper {
  readonly kind: 'numeric';
  /** upper[b] for b = 1..numBins-1: value v falls in the first bin b with v <= upper[b]; upper[0] is unused (NaN). */
  readonly upper: Float64Array;
  readonly numBins: number;
}

export interface CategoricalBinMapper {
  readonly kind: 'categorical';
  /** Raw category code → bin (1..numBins-1). Codes absent here fall in bin 0. */
  readonly binOf: ReadonlyMap<number, number>;
  /** Bin → raw category code (index 0 unused). */
  readonly codeOf: Float64Array;
  readonly numBins: number;
}

export interface BinningOptions {
  readonly maxBin: number;
  /** Values sampled for the quantile sketch; exact quantiles when the column is smaller. */
  readonly binSampleCount: number;
  /** A numeric bin holds at least this many sampled values, so thresholds are not fitted to single outliers. */
  readonly minDataInBin: number;
  /** Categories rarer than this share bin 0 with missing values ("other"). */
  readonly minDataPerCategory: number;
}

export function fitBinMapper(
  kind: FeatureKind,
  column: Float64Array,
  opts: BinningOptions,
  rng: SeededRandom,
): BinMapper {
  return kind === 'numeric' ? fitNumeric(column, opts, rng) : fitCategorical(column, opts);
}

/**
 * Weighted-quantile binning over the distinct sorted values (LightGBM's greedy bin finder): a column with fewer
 * distinct values than bins gets one bin per value; otherwise cuts are placed so that each bin holds about n/maxBin
 * values, never splitting equal values across bins. Thresholds sit midway between neighbouring distinct values.
 */
function fitNumeric(column: Float64Array, opts: BinningOptions, rng: SeededRandom): NumericBinMapper {
  let values: Float64Array;
  const present: number[] = [];
  // Cuts are placed among finite values; ±Infinity still bin (into the first or last bin), NaN is missing.
  for (let i = 0; i < column.length; i++) if (Number.isFinite(column[i]!)) present.push(i);
  if (present.length > opts.binSampleCount) {
    const pick = rng.sampleSorted(present.length, opts.binSampleCount);
    values = new Float64Array(pick.length);
    for (let i = 0; i < pick.length; i++) values[i] = column[present[pick[i]!]!]!;
  } else {
    values = new Float64Array(present.length);
    for (let i = 0; i < present.length; i++) values[i] = column[present[i]!]!;
  }
  values.sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]!++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  const maxValueBins = opts.maxBin - 1;
  const upper: number[] = [Number.NaN];
  if (distinct.length <= maxValueBins) {
    for (let i = 0; i + 1 < distinct.length; i++) upper.push(midpoint(distinct[i]!, distinct[i + 1]!));
  } else {
    const target = Math.max(values.length / maxValueBins, opts.minDataInBin);
    let acc = 0;
    for (let i = 0; i + 1 < distinct.length && upper.length < maxValueBins; i++) {
      acc += counts[i]!;
      // Cut when this bin is full, or when the next value alone would overfill it.
      if (acc >= target || (acc >= opts.minDataInBin && acc + counts[i + 1]! > 2 * target)) {
        upper.push(midpoint(distinct[i]!, distinct[i + 1]!));
        acc = 0;
      }
    }
  }
  upper.push(Number.POSITIVE_INFINITY);
  return { kind: 'numeric', upper: Float64Array.from(upper), numBins: upper.length };
}

function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  // Guard against rounding making the threshold equal to b (then b would fall in the lower bin).
  return m < b ? m : a;
}

/** The most frequent categories get their own bin (most frequent first, ties by code, so the result is deterministic). */
function fitCategorical(column: Float64Array, opts: BinningOptions): CategoricalBinMapper {
  const counts = new Map<number, number>();
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (Number.isNaN(v) || v < 0) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const ranked = [...counts.entries()]
    .filter(([, c]) => c >= opts.minDataPerCategory)
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, opts.maxBin - 1);
  const binOf = new Map<number, number>();
  const codeOf = new Float64Array(ranked.length + 1);
  codeOf[0] = Number.NaN;
  ranked.forEach(([code], i) => {
    binOf.set(code, i + 1);
    codeOf[i + 1] = code;
  });
  return { kind: 'categorical', binOf, codeOf, numBins: ranked.length + 1 };
}

export function valueToBin(mapper: BinMapper, v: number): number {
  if (Number.isNaN(v)) return 0;
  if (mapper.kind === 'categorical') return mapper.binOf.get(v) ?? 0;
  // Binary search for the first b >= 1 with v <= upper[b]; the last bound is +Infinity so one always exists.
  const u = mapper.upper;
  let lo = 1;
  let hi = mapper.numBins - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= u[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The binned training set: one Uint8Array column per feature, stored back to back (column-major). */
export interface BinnedData {
  readonly numRows: number;
  readonly numFeatures: number;
  readonly bins: Uint8Array;
  readonly mappers: readonly BinMapper[];
  /** Offset of each feature's first bin in a histogram; offsets[numFeatures] = total bins. */
  readonly offsets: Int32Array;
}

export function binMatrix(m: FeatureMatrix, mappers: readonly BinMapper[]): BinnedData {
  const n = m.numRows;
  const f = m.columns.length;
  const bins = new Uint8Array(n * f);
  const offsets = new Int32Array(f + 1);
  for (let j = 0; j < f; j++) {
    const mapper = mappers[j]!;
    const col = m.columns[j]!;
    const base = j * n;
    for (let r = 0; r < n; r++) bins[base + r] = valueToBin(mapper, col[r]!);
    offsets[j + 1] = offsets[j]! + mapper.numBins;
  }
  return { numRows: n, numFeatures: f, bins, mappers, offsets };
}
