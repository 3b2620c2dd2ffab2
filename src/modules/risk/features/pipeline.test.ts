import { describe, expect, it } from 'vitest';
import { fitPipeline, transformItems } from './pipeline.ts';
import { pipelineFromJson, pipelineToJson } from './pipeline-json.ts';
import { DEFAULT_SPEC, withoutParties } from './spec.ts';
import { item, syntheticItems } from './test-items.ts';

const { items, labels } = syntheticItems(400, 1);
const col = (m: { names: readonly string[]; columns: readonly Float64Array[] }, name: string): Float64Array =>
  m.columns[m.names.indexOf(name)]!;

describe('feature pipeline', () => {
  it("no training row's target encodings depend on its own label", () => {
    const base = fitPipeline(items, labels, DEFAULT_SPEC).train;
    const teNames = base.names.filter((n) => n.startsWith('te:'));
    for (const i of [0, 17, 399]) {
      const flipped = Uint8Array.from(labels, (y, j) => (j === i ? 1 - y : y));
      const after = fitPipeline(items, flipped, DEFAULT_SPEC).train;
      for (const n of teNames) expect(col(after, n)[i]).toBe(col(base, n)[i]);
      // Other rows with the same HS6 do see the flipped label (the encoding is not constant).
      const other = items.findIndex((it, j) => j !== i && it.hs === items[i]!.hs);
      expect(col(after, 'te:hs6')[other]).not.toBe(col(base, 'te:hs6')[other]);
    }
  });

  it('counts a training row without itself, and a new item against every training row', () => {
    const { pipeline, train } = fitPipeline(items, labels, DEFAULT_SPEC);
    const n = items.filter((it) => it.hs === items[0]!.hs).length;
    expect(col(train, 'freq:hs6')[0]).toBe(n - 1);
    expect(col(transformItems(pipeline, [items[0]!]), 'freq:hs6')[0]).toBe(n);
  });

  it('maps unseen categories to missing and unseen keys to the prior', () => {
    const { pipeline } = fitPipeline(items, labels, DEFAULT_SPEC);
    const m = transformItems(pipeline, [item({ origin: 'ZZ', hs: '010121' })]);
    expect(Number.isNaN(col(m, 'cat:origin')[0]!)).toBe(true);
    const prior = labels.reduce((a, b) => a + b, 0) / labels.length;
    expect(col(m, 'te:hs6')[0]).toBeCloseTo(prior, 12);
  });

  it('describes the unit price by its deviation from the HS × origin norm fitted on training rows', () => {
    const { pipeline } = fitPipeline(items, labels, DEFAULT_SPEC);
    const cheap = transformItems(pipeline, [item({ netMassKg: 10, value: 100 })]);
    const dear = transformItems(pipeline, [item({ netMassKg: 10, value: 100_000 })]);
    expect(col(cheap, 'num:priceDeviation')[0]).toBeLessThan(0);
    expect(col(dear, 'num:priceDeviation')[0]).toBeGreaterThan(0);
  });

  it('leaves out every party feature in the no-party-IDs feature set', () => {
    const names = fitPipeline(items, labels, withoutParties(DEFAULT_SPEC)).train.names;
    expect(names.some((n) => /declarant|importer|seller|courier/.test(n))).toBe(false);
    expect(fitPipeline(items, labels, DEFAULT_SPEC).train.names.some((n) => n.includes('importer'))).toBe(true);
  });

  it('round-trips through JSON: the reloaded pipeline gives the same features', () => {
    const { pipeline } = fitPipeline(items, labels, DEFAULT_SPEC);
    const reloaded = pipelineFromJson(JSON.parse(JSON.stringify(pipelineToJson(pipeline))));
    const fresh = syntheticItems(50, 2).items;
    const a = transformItems(pipeline, fresh);
    const b = transformItems(reloaded, fresh);
    expect(b.names).toEqual(a.names);
    a.columns.forEach((c, j) => expect(Array.from(b.columns[j]!)).toEqual(Array.from(c)));
  });
});
