import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../gbdt/random.ts';
import { groupKey, keyOf, unitValue, type RiskItem } from './item.ts';
import { fitPipeline, transformItems, transformRows, type FeaturePipeline } from './pipeline.ts';
import { pipelineFromJson, pipelineToJson } from './pipeline-json.ts';
import { priceDeviation } from './price-norm.ts';
import { DEFAULT_SPEC, groupName, withoutParties } from './spec.ts';
import { encodeWith } from './target-encoding.ts';
import { item, syntheticItems } from './test-items.ts';

/** The transform as first written: every group's key string built and looked up in the fitted maps. */
function referenceColumns(p: FeaturePipeline, items: readonly RiskItem[]): Float64Array[] {
  const cols: Float64Array[] = [];
  for (const f of p.spec.categorical) cols.push(Float64Array.from(items, (it) => p.categories.get(f)!.get(keyOf(it, f)) ?? Number.NaN));
  for (const g of p.spec.frequency) {
    const m = p.counts.get(groupName(g))!;
    cols.push(Float64Array.from(items, (it) => (groupKey(it, g) === '' ? Number.NaN : (m.get(groupKey(it, g)) ?? 0))));
  }
  for (const g of p.spec.targetEncoded) cols.push(Float64Array.from(items, (it) => encodeWith(p.targets.get(groupName(g))!, groupKey(it, g))));
  for (const f of p.spec.numeric) {
    cols.push(
      Float64Array.from(items, (it) => {
        const u = unitValue(it);
        if (f === 'taxRate') return Number.isFinite(it.taxRate) ? it.taxRate : Number.NaN;
        if (f === 'logMass') return it.netMassKg >= 0 ? Math.log1p(it.netMassKg) : Number.NaN;
        if (f === 'logValue') return it.value >= 0 ? Math.log1p(it.value) : Number.NaN;
        if (f === 'logUnitValue') return u > 0 && Number.isFinite(u) ? Math.log(u) : Number.NaN;
        return priceDeviation(p.norms, it);
      }),
    );
  }
  return cols;
}

/** Items that reach every branch: empty and unseen values, missing numbers, -0, short HS codes, '|' inside values. */
function awkwardItems(n: number, seed: number, pipes: boolean): RiskItem[] {
  const rng = new SeededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  return Array.from({ length: n }, () =>
    item({
      hs: pick(['851762', '8517620000', '6403', '64', '', '640399', '6403991000', ...(pipes ? ['85|762', '8517|6'] : [])]),
      origin: pick(['CN', 'VN', '', 'ZZ', ...(pipes ? ['C|N', 'N'] : [])]),
      departure: pick(['CN', 'VN', '', 'KR']),
      importer: pick(['I1', 'I2', 'I3', '', 'I9', ...(pipes ? ['I|1', '1'] : [])]),
      seller: pick(['S1', 'S2', '']),
      taxType: pick(['A', 'B', '']),
      taxRate: pick([8, 0, -0, Number.NaN, 2.5]),
      netMassKg: pick([10, 1, 0, -0, Number.NaN, 0.1 + 0.2, 3]),
      value: pick([1000, 380, 10, 0, -0, Number.NaN, -5, 1e21, 0.30000000000000004]),
    }),
  );
}

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

  it('gives exactly the features of building and looking up every key string, on awkward items', () => {
    for (const pipes of [false, true]) {
      const train = awkwardItems(600, 7, pipes);
      const labels = Uint8Array.from(train, (_, i) => (i * 7) % 3 === 0 ? 1 : 0);
      const { pipeline } = fitPipeline(train, labels, { ...DEFAULT_SPEC, categorical: [...DEFAULT_SPEC.categorical, 'importer', 'taxRate', 'mass'] });
      const json = JSON.parse(JSON.stringify(pipelineToJson(pipeline))) as ReturnType<typeof pipelineToJson>;
      // Keys no String(number) can produce ("1e3" is 1000, "10.0" is 10) must not stand for those numbers.
      const edited = { ...json, counts: { ...json.counts, value: [...json.counts['value']!, ['1e3', 77], ['10.0', 78]] as [string, number][] } };
      for (const p of [pipeline, pipelineFromJson(json), pipelineFromJson(edited)]) {
        const fresh = [...awkwardItems(400, 8, true), ...train.slice(0, 50)];
        const want = referenceColumns(p, fresh);
        const got = transformItems(p, fresh).columns;
        expect(got.length).toBe(want.length);
        want.forEach((c, j) => c.forEach((v, r) => expect(got[j]![r], `${p.names[j]} row ${r}`).toBe(v)));
        // row-major, a subset in another order, -1 for a feature left out
        const pick = [p.names.length - 1, -1, 3, 0, p.names.indexOf('te:hs6×origin×taxType')];
        const rows = transformRows(p, fresh, pick);
        fresh.forEach((_, r) => pick.forEach((j, k) => expect(rows[r * pick.length + k]).toBe(j < 0 ? Number.NaN : want[j]![r])));
      }
    }
  });
  it("finds a unit value's key by its number at the edges of the key's rounding, as by the key string", () => {
    // unit values 100, 0.00123 and 1234567 per kg in training: keys "100.000", "0.00123000", "1.23457e+6"
    const train = [100, 0.00123, 1234567].flatMap((u) => Array.from({ length: 5 }, (_, i) => item({ netMassKg: 1000, value: u * 1000, importer: `I${i}` })));
    const labels = Uint8Array.from(train, (_, i) => i % 2);
    const { pipeline } = fitPipeline(train, labels, DEFAULT_SPEC);
    const units = [100, 100.0004, 100.0006, 99.9996, 99.99949, 99.999, 0.00123, 0.0012300049, 0.0012300051, 1234567, 1234565, 1234575, 1234576, -100, 0];
    const fresh = units.map((u) => item({ netMassKg: 1000, value: u * 1000 }));
    const want = referenceColumns(pipeline, fresh);
    const got = transformItems(pipeline, fresh).columns;
    for (const name of ['te:unitValue', 'te:hs6×unitValue']) {
      const j = pipeline.names.indexOf(name);
      fresh.forEach((_, r) => expect(got[j]![r], `${name} at ${units[r]}`).toBe(want[j]![r]));
    }
    // some fresh unit values fall on a training key and some just beside it
    const j = pipeline.names.indexOf('te:unitValue');
    const prior = labels.reduce((a, b) => a + b, 0) / labels.length;
    expect(fresh.filter((_, r) => got[j]![r] !== prior).length).toBeGreaterThan(3);
    expect(fresh.filter((_, r) => got[j]![r] === prior).length).toBeGreaterThan(3);
  });
});
