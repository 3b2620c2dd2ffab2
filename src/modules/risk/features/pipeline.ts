import type { FeatureKind, FeatureMatrix } from '../gbdt/dataset.ts';
import { SeededRandom } from '../gbdt/random.ts';
import { PipelineEncoder, numericFeature } from './encoder.ts';
import type { FeaturePipeline } from './fitted-pipeline.ts';
import { keyOf, type KeyField, type RiskItem } from './item.ts';
import { fitPriceNorms } from './price-norm.ts';
import { groupName, type PipelineSpec } from './spec.ts';
import { assignFolds, fitPastOnlyEncoding, fitTargetEncoding, type TargetStats } from './target-encoding.ts';

export type { FeaturePipeline } from './fitted-pipeline.ts';

export interface FittedPipeline {
  readonly pipeline: FeaturePipeline;
  /** The training rows' features, target encodings out-of-fold. */
  readonly train: FeatureMatrix;
}

export function featureNames(spec: PipelineSpec): { names: string[]; kinds: FeatureKind[] } {
  const names: string[] = [];
  const kinds: FeatureKind[] = [];
  const add = (name: string, kind: FeatureKind): void => {
    names.push(name);
    kinds.push(kind);
  };
  for (const f of spec.categorical) add(`cat:${f}`, 'categorical');
  for (const g of spec.frequency) add(`freq:${groupName(g)}`, 'numeric');
  for (const g of spec.targetEncoded) add(`te:${groupName(g)}`, 'numeric');
  for (const f of spec.numeric) add(`num:${f}`, 'numeric');
  return { names, kinds };
}

export function fitPipeline(items: readonly RiskItem[], labels: ArrayLike<number>, spec: PipelineSpec): FittedPipeline {
  const n = items.length;
  const { names, kinds } = featureNames(spec);
  const categories = new Map<KeyField, Map<string, number>>();
  for (const f of spec.categorical) {
    const freq = new Map<string, number>();
    for (const it of items) {
      const k = keyOf(it, f);
      if (k !== '') freq.set(k, (freq.get(k) ?? 0) + 1);
    }
    const dict = new Map<string, number>();
    [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).forEach(([k], i) => dict.set(k, i));
    categories.set(f, dict);
  }
  const keys_ = new KeyCache(items);
  const freqColumns: Float64Array[] = [];
  const counts = new Map<string, Map<string, number>>();
  for (const g of spec.frequency) {
    const keys = keys_.of(g);
    const m = new Map<string, number>();
    for (const k of keys) if (k !== '') m.set(k, (m.get(k) ?? 0) + 1);
    counts.set(groupName(g), m);
    // A training row is not counted in its own feature: a new row is never in the training counts either.
    freqColumns.push(Float64Array.from(keys, (k) => (k === '' ? Number.NaN : m.get(k)! - 1)));
  }
  const rng = new SeededRandom(spec.seed);
  const folds = assignFolds(n, spec.folds, (a) => rng.shuffle(a));
  const dates = items.map((it) => it.date);
  const targets = new Map<string, TargetStats>();
  const teColumns: Float64Array[] = [];
  for (const g of spec.targetEncoded) {
    const fitted =
      spec.encoding === 'past-only'
        ? fitPastOnlyEncoding(keys_.of(g), labels, dates, spec.smoothing)
        : fitTargetEncoding(keys_.of(g), labels, folds, spec.folds, spec.smoothing);
    targets.set(groupName(g), fitted.state);
    teColumns.push(fitted.trainValues);
  }
  const pipeline: FeaturePipeline = { spec, names, kinds, categories, counts, targets, norms: fitPriceNorms(items) };
  const train: FeatureMatrix = {
    names,
    kinds,
    numRows: n,
    columns: [...categoricalColumns(pipeline, items), ...freqColumns, ...teColumns, ...numericColumns(pipeline, items)],
  };
  return { pipeline, train };
}

function categoricalColumns(p: FeaturePipeline, items: readonly RiskItem[]): Float64Array[] {
  return p.spec.categorical.map((f) => {
    const dict = p.categories.get(f)!;
    return Float64Array.from(items, (it) => dict.get(keyOf(it, f)) ?? Number.NaN);
  });
}

function numericColumns(p: FeaturePipeline, items: readonly RiskItem[]): Float64Array[] {
  return p.spec.numeric.map((f) => Float64Array.from(items, (it) => numericFeature(p.norms, it, f)));
}

/** Features of new items (validation, test, live declarations) with the training statistics. */
export function transformItems(p: FeaturePipeline, items: readonly RiskItem[]): FeatureMatrix {
  return { names: p.names, kinds: p.kinds, numRows: items.length, columns: PipelineEncoder.of(p).columns(items) };
}

/**
 * Some features of new items, row-major (row r's value of features[k] at r * features.length + k): what scoring
 * needs, without the features the trees never read. An index of -1 (into the pipeline's names) leaves NaN. Written
 * into `into` when it is long enough (a buffer reused across calls), else into a new array.
 */
export function transformRows(p: FeaturePipeline, items: readonly RiskItem[], features: readonly number[], into?: Float64Array): Float64Array {
  return PipelineEncoder.of(p).rows(items, features, into);
}

/**
 * Group keys of many items, each field's strings derived once (HS6 takes part in most groups). Same result as
 * groupKey per item: empty when any part is empty.
 */
class KeyCache {
  private readonly fields = new Map<KeyField, string[]>();

  constructor(private readonly items: readonly RiskItem[]) {}

  private field(f: KeyField): string[] {
    let col = this.fields.get(f);
    if (col === undefined) {
      col = this.items.map((it) => keyOf(it, f));
      this.fields.set(f, col);
    }
    return col;
  }

  of(group: readonly KeyField[]): string[] {
    const cols = group.map((f) => this.field(f));
    if (cols.length === 1) return cols[0]!;
    const out = new Array<string>(this.items.length);
    for (let i = 0; i < out.length; i++) {
      let key = cols[0]![i]!;
      for (let j = 1; j < cols.length && key !== ''; j++) {
        const part = cols[j]![i]!;
        key = part === '' ? '' : `${key}|${part}`;
      }
      out[i] = key;
    }
    return out;
  }
}
