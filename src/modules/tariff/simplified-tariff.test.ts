import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './rules.ts';
import { simplifiedRateFor } from './simplified-tariff.ts';

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
});
