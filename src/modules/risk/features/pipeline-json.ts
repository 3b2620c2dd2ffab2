import type { FeatureKind } from '../gbdt/dataset.ts';
import type { KeyField } from './item.ts';
import type { FeaturePipeline } from './pipeline.ts';
import type { PriceNorms } from './price-norm.ts';
import type { PipelineSpec } from './spec.ts';
import type { TargetStats } from './target-encoding.ts';

/** The fitted pipeline as plain JSON (maps as entry lists), saved inside the model file. */
export interface FeaturePipelineJson {
  readonly spec: PipelineSpec;
  readonly names: readonly string[];
  readonly kinds: readonly FeatureKind[];
  /** Per categorical field, its values in code order. */
  readonly categories: Readonly<Record<string, readonly string[]>>;
  readonly counts: Readonly<Record<string, readonly (readonly [string, number])[]>>;
  readonly targets: Readonly<
    Record<string, { prior: number; smoothing: number; stats: readonly (readonly [string, number, number])[] }>
  >;
  readonly norms: {
    readonly minCount: number;
    readonly global: number;
    readonly levels: readonly { fields: readonly KeyField[]; medians: readonly (readonly [string, number])[] }[];
  };
}

export function pipelineToJson(p: FeaturePipeline): FeaturePipelineJson {
  const categories: Record<string, string[]> = {};
  for (const [f, dict] of p.categories) {
    const values: string[] = [];
    for (const [v, code] of dict) values[code] = v;
    categories[f] = values;
  }
  const counts: Record<string, [string, number][]> = {};
  for (const [g, m] of p.counts) counts[g] = [...m.entries()];
  const targets: Record<string, { prior: number; smoothing: number; stats: [string, number, number][] }> = {};
  for (const [g, t] of p.targets) {
    targets[g] = { prior: t.prior, smoothing: t.smoothing, stats: [...t.stats.entries()].map(([k, s]) => [k, s[0], s[1]]) };
  }
  return {
    spec: p.spec,
    names: p.names,
    kinds: p.kinds,
    categories,
    counts,
    targets,
    norms: {
      minCount: p.norms.minCount,
      global: p.norms.global,
      levels: p.norms.levels.map((l) => ({ fields: l.fields, medians: [...l.medians.entries()] })),
    },
  };
}

export function pipelineFromJson(j: FeaturePipelineJson): FeaturePipeline {
  const categories = new Map<KeyField, Map<string, number>>();
  for (const f of j.spec.categorical) {
    const values = j.categories[f];
    if (values === undefined) throw new Error(`pipeline: no categories for ${f}`);
    categories.set(f, new Map(values.map((v, i) => [v, i])));
  }
  const counts = new Map<string, Map<string, number>>();
  for (const [g, entries] of Object.entries(j.counts)) counts.set(g, new Map(entries));
  const targets = new Map<string, TargetStats>();
  for (const [g, t] of Object.entries(j.targets)) {
    targets.set(g, {
      prior: t.prior,
      smoothing: t.smoothing,
      stats: new Map(t.stats.map(([k, pos, n]) => [k, [pos, n] as const])),
    });
  }
  const norms: PriceNorms = {
    minCount: j.norms.minCount,
    global: j.norms.global,
    levels: j.norms.levels.map((l) => ({ fields: l.fields, medians: new Map(l.medians) })),
  };
  return { spec: j.spec, names: j.names, kinds: j.kinds, categories, counts, targets, norms };
}
