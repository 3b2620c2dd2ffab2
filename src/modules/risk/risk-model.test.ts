import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/index.ts';
import { fitPipeline, transformItems } from './features/pipeline.ts';
import { DEFAULT_SPEC } from './features/spec.ts';
import { item, syntheticItems } from './features/test-items.ts';
import { selectFeatures } from './gbdt/dataset.ts';
import { auc, sigmoid } from './gbdt/metrics.ts';
import { trainGbdt } from './gbdt/train.ts';
import { RiskModel } from './risk-model.ts';

function trained(): RiskModel {
  const train = syntheticItems(1500, 3);
  const valid = syntheticItems(500, 4);
  const { pipeline, train: m } = fitPipeline(train.items, train.labels, DEFAULT_SPEC);
  const { model } = trainGbdt(
    { matrix: m, labels: train.labels },
    { params: { numIterations: 60, numLeaves: 8, minDataInLeaf: 10 }, valid: { matrix: transformItems(pipeline, valid.items), labels: valid.labels } },
  );
  return new RiskModel(pipeline, model, { note: 'test' });
}

describe('risk model', () => {
  const model = trained();
  const test = syntheticItems(500, 5);

  it('ranks the planted risky pattern first (AUC well above chance on fresh items)', () => {
    expect(auc(model.score(test.items), test.labels)).toBeGreaterThan(0.8);
  });

  it('saves and reloads as JSON with identical scores', () => {
    const reloaded = RiskModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(reloaded.score(test.items))).toEqual(Array.from(model.score(test.items)));
    expect(reloaded.metadata).toEqual({ note: 'test' });
  });

  it('refuses a file of another format or version with RISK.MODEL_FORMAT_INVALID', () => {
    const j = model.toJSON();
    for (const bad of [{}, null, { ...j, version: 2 }, { ...j, format: 'lightgbm' }]) {
      expect(() => RiskModel.fromJSON(bad)).toThrow(DomainError);
    }
  });

  it('explains a score: contributions add up to it, and the reasons are readable and point at the pattern', () => {
    const risky = item({ hs: '851762', origin: 'CN', departure: 'CN', netMassKg: 10, value: 200 });
    const e = model.explain(risky);
    const total = e.contributions.reduce((a, c) => a + c.value, e.expectedValue);
    expect(total).toBeCloseTo(e.raw, 9);
    expect(e.score).toBeCloseTo(model.score([risky])[0]!, 12);
    expect(e.reasons.length).toBeGreaterThan(0);
    expect(e.reasons.every((r) => r.contribution > 0 && r.text.length > 0)).toBe(true);
    const texts = e.reasons.map((r) => r.text).join(' | ');
    expect(texts).toMatch(/8517\.62|unit price|unit value|value/);
  });

  it('scores and explains from only the features the trees read, to the same doubles as from every feature', () => {
    const names = model.gbdt.features.map((f) => f.name);
    const used = new Set(model.gbdt.toJSON().trees.flatMap((t) => t.splitFeature));
    expect(used.size).toBeLessThan(names.length); // some features are never read, so they are skipped
    const items = [...test.items.slice(0, 200), item({ hs: '', origin: '', netMassKg: Number.NaN }), item({ importer: 'new', value: 0 })];
    const full = selectFeatures(transformItems(model.pipeline, items), names);
    const raw = model.gbdt.predictRaw(full);
    const scores = model.score(items);
    items.forEach((it, r) => {
      expect(scores[r]).toBe(sigmoid(raw[r]!));
      if (r % 10 !== 0) return;
      const want = model.gbdt.explain(full.columns.map((c) => c[r]!));
      const got = model.explain(it);
      expect(got.raw).toBe(want.raw);
      for (const c of got.contributions) expect(c.value).toBe(want.contributions[names.indexOf(c.feature)]);
    });
  });
  it('scores a small batch after a large one as it scores it alone (the row buffer kept between calls)', () => {
    const alone = trained().score(test.items.slice(0, 7));
    model.score(test.items);
    expect(Array.from(model.score(test.items.slice(0, 7)))).toEqual(Array.from(alone));
    model.explain(test.items[3]!);
    expect(Array.from(model.score(test.items.slice(0, 7)))).toEqual(Array.from(alone));
  });
});
