import { describe, expect, it } from 'vitest';
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
    });
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

  it('formats numbers exactly as toLocaleString does, at every precision the reasons use', () => {
    const values = [0, -0, 1, -1, 0.5, 1.005, 2.675, 1234.5678, -98765.4321, 1e21, 1.23e-7, 123456789.125, Number.NaN, Infinity, -Infinity];
    for (let i = 0; i < 200; i++) values.push(Math.sin(i) * 10 ** (i % 12), (i * 7919) % 1000 / 8);
    for (const digits of [0, 2, 3])
      for (const v of values)
        expect(fmt(v, digits)).toBe(v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
    expect(fmt(1234.5678, 2)).toBe('1,234.57');
    expect(fmt(1234.5678)).toBe('1,235');
  });
});
