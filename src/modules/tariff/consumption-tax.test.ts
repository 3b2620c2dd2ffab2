import { describe, expect, it } from 'vitest';
import { consumptionTaxes, reducedRateByDefault } from './consumption-tax.ts';
import { DEFAULT_RULES } from './rules.ts';
import { buildTariffIndex } from './tariff-index.ts';
import { row } from './test-fixtures.ts';

const index = buildTariffIndex([
  row(1, '010121100', {}),
  row(2, '020130010', {}),
  row(3, '120991000', {}, { path: '野菜の種 > 播種用のもの' }),
  row(4, '230910010', {}),
  row(5, '220421020', {}),
  row(6, '220299000', {}),
  row(7, '847130000', {}),
]);
const reduced = (code: string): boolean => reducedRateByDefault(index.lookup(code)!);

describe('consumption tax', () => {
  it('defaults food lines to the reduced rate, but not live animals, seeds for sowing, feed, liquor or non-food', () => {
    expect(reduced('020130010')).toBe(true);
    expect(reduced('220299000')).toBe(true);
    expect(reduced('010121100')).toBe(false);
    expect(reduced('120991000')).toBe(false);
    expect(reduced('230910010')).toBe(false);
    expect(reduced('220421020')).toBe(false);
    expect(reduced('847130000')).toBe(false);
  });

  it('per item: base = value + duty truncated below 100, truncated below 1,000; local = 22/78 of national truncated below 100', () => {
    const rule = DEFAULT_RULES.consumptionTax[0]!;
    // 500,000 + 12,345 → 12,300 → 512,300 → 512,000 × 7.8 % = 39,936; local 39,900 × 22/78 = 11,253.8 → 11,253.
    expect(consumptionTaxes([{ customsValueYen: 500000, dutyYen: 12345, reduced: false, exempt: false }], rule)).toEqual([
      { national: 39936, local: 11253 },
    ]);
    // Reduced: 512,000 × 6.24 % = 31,948.8 → 31,948; local 31,900 × 22/78 = 8,997.4 → 8,997.
    expect(consumptionTaxes([{ customsValueYen: 500000, dutyYen: 12345, reduced: true, exempt: false }], rule)).toEqual([
      { national: 31948, local: 8997 },
    ]);
    expect(consumptionTaxes([{ customsValueYen: 9000, dutyYen: 0, reduced: false, exempt: true }], rule)).toEqual([{ national: 0, local: 0 }]);
  });
});
