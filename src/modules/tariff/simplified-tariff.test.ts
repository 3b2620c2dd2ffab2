import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './rules.ts';
import { Decimal } from '../../kernel/index.ts';
import { percentDutyYen, simplifiedRateFor } from './simplified-tariff.ts';

const rule = DEFAULT_RULES.simplifiedTariff;
const rate = (code: string): string => {
  const r = simplifiedRateFor(code, rule);
  return r.kind === 'excluded' ? 'excluded' : r.kind === 'percent' ? `${r.id} ${r.percent.toString()}%` : `${r.id} ¥${r.yen.toString()}/l`;
};

describe('simplified small-import rates (configured, third-party table)', () => {
  it('maps lines to the most specific category, other goods at 5 %', () => {
    expect(rate('210320000')).toBe('S4 20%');
    expect(rate('090111000')).toBe('S5 15%');
    expect(rate('620342000')).toBe('S6 10%');
    expect(rate('950300000')).toBe('S7 3%');
    expect(rate('730890000')).toBe('S8 0%');
    expect(rate('220421020')).toBe('S1 ¥70/l');
    expect(rate('847130000')).toBe('S9 5%');
  });

  it('excludes leather bags, knitted apparel and footwear', () => {
    expect(rate('420221000')).toBe('excluded');
    expect(rate('610910010')).toBe('excluded');
    expect(rate('640299021')).toBe('excluded');
  });

  it('prices a percent category exactly: floor(value × percent / 100) as Decimal computes it, to 2^53 yen', () => {
    const rates = ['5', '0', '3', '12.345', '0.000001'].map((p) => simplifiedRateFor('847130000', { ...rule, otherPercent: p }));
    let seed = 9;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (const r of rates) {
      if (r.kind !== 'percent') throw new Error('expected a percent rate');
      for (const v of [0, 1000, 10_000, 199_000, 2 ** 53 - 1, ...Array.from({ length: 500 }, () => rnd(2 ** 30) * rnd(8_000_000))]) {
        expect(percentDutyYen(v, r), `${v} × ${r.percent.toString()}%`).toBe(new Decimal(v).times(r.percent).dividedBy(100).floor().toNumber());
      }
    }
  });
});
