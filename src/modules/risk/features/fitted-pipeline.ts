import type { FeatureKind } from '../gbdt/dataset.ts';
import type { KeyField } from './item.ts';
import type { PriceNorms } from './price-norm.ts';
import type { PipelineSpec } from './spec.ts';
import type { TargetStats } from './target-encoding.ts';

/** A fitted feature pipeline: everything it learned comes from the training rows only. */
export interface FeaturePipeline {
  readonly spec: PipelineSpec;
  readonly names: readonly string[];
  readonly kinds: readonly FeatureKind[];
  /** Category dictionaries: value → code (most frequent first). */
  readonly categories: ReadonlyMap<KeyField, ReadonlyMap<string, number>>;
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly targets: ReadonlyMap<string, TargetStats>;
  readonly norms: PriceNorms;
}
