import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../gbdt/random.ts';
import { fitPipeline } from './pipeline.ts';
import { fmt, reasonFor, topReasons } from './reasons.ts';
import { DEFAULT_SPEC } from './spec.ts';
import { item } from './test-items.ts';

// Ten training items of 8517.62 from CN at 100 per kg, half of them with a discrepancy.
const items = Array.from({ length: 10 }, (_, i) => item({ netMassKg: 10, value: 1000, importer: `I${i}` }));
const labels = Uint8Array.from({ length: 10 }, (_, i) => i % 2);
const { pipeline } = fitPipeline(items, labels, DEFAULT_SPEC);

describe('reason codes', () => {
  it('states the unit price against the HS × origin norm in words', () => {
    const cheap = item({ netMassKg: 10, value: 380 }); // 38 per kg against a norm of 100
    expect(reasonFor(pipeline, 'num:priceDeviation', cheap)).toEqual({
      code: 'unit-price-deviation',
      text: 'unit price 62 % below the norm for 8517.62 from CN',
      params: { pct: 62, side: 'below', fields: [{ field: 'hs6', value: '8517.62' }, { field: 'origin', value: 'CN' }] },
    });
  });

  it('gives the figures of each reason so the console can write it in the officer language', () => {
    expect(reasonFor(pipeline, 'te:hs6×origin', item()).params).toEqual({
      fields: [{ field: 'hs6', value: '8517.62' }, { field: 'origin', value: 'CN' }],
      hits: 5,
      total: 10,
      pct: 50,
    });
    expect(reasonFor(pipeline, 'freq:importer', item()).params).toEqual({ fields: [{ field: 'importer', value: item().importer }], count: 1 });
  });

  it('states the history of a group of goods', () => {
    expect(reasonFor(pipeline, 'te:hs6×origin', item()).text).toBe(
      '8517.62, from CN: 5 of 10 past items had a discrepancy (50 %)',
    );
    expect(reasonFor(pipeline, 'te:hs6×origin', item({ origin: 'VN' })).text).toBe('8517.62, from VN: no past items');
  });

  it('keeps only contributions that raise the score, largest first', () => {
    const r = topReasons(pipeline, item(), ['num:taxRate', 'cat:origin', 'num:logMass'], [0.2, -0.5, 0.7], 3);
    expect(r.map((x) => x.code)).toEqual(['net-mass', 'duty-rate']);
  });

  it('picks the reasons that sorting every feature would: largest first, ties by name, never zero, negative or NaN', () => {
    const features = pipeline.names;
    const rng = new SeededRandom(3);
    const byFullSort = (c: number[], limit: number): string[] =>
      features
        .map((feature, i) => ({ feature, contribution: c[i]! }))
        .filter((r) => r.contribution > 0)
        .sort((a, b) => b.contribution - a.contribution || (a.feature < b.feature ? -1 : 1))
        .slice(0, limit)
        .map((r) => r.feature);
    for (let round = 0; round < 300; round++) {
      // few distinct values, so that ties are common
      const c = features.map(() => [0, -0, -0.5, 0.25, 0.5, 1, Number.NaN, rng.next()][rng.int(8)]!);
      for (const limit of [0, 1, 3, 5, features.length + 1]) {
        const got = topReasons(pipeline, item(), features, c, limit);
        expect(got.map((r) => r.feature)).toEqual(byFullSort(c, limit));
        got.forEach((r) => expect(r.contribution).toBe(c[features.indexOf(r.feature)]));
      }
    }
  });

  it('formats numbers exactly as toLocaleString does, at every precision the reasons use', () => {
    const values = [0, -0, 1, -1, 0.5, 1.005, 2.675, 1234.5678, -98765.4321, 1e21, 1.23e-7, 123456789.125, Number.NaN, Infinity, -Infinity];
    // halves either way, negatives that round to zero, the edges of the digit groups and of whole doubles
    values.push(1.5, 2.5, -0.5, -1.5, -2.5, 999.5, -999.5, 0.49999999999999994, -0.4, -1e-9, 999, 1000, -1000, 999999.5, 1e6);
    values.push(2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e15 - 0.5, 1e15, 1e15 + 1, 4503599627370495.5, 12345678901234.5);
    for (let i = 0; i < 200; i++) values.push(Math.sin(i) * 10 ** (i % 12), (i * 7919) % 1000 / 8, -((i * 104729) % 100_000) / 2, i * 1111);
    for (const digits of [0, 2, 3])
      for (const v of values)
        expect(fmt(v, digits)).toBe(v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
    expect(fmt(1234.5678, 2)).toBe('1,234.57');
    expect(fmt(1234.5678)).toBe('1,235');
  });
});
