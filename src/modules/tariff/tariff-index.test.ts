import { describe, expect, it } from 'vitest';
import { buildTariffIndex } from './tariff-index.ts';
import { row } from './test-fixtures.ts';

describe('tariff index', () => {
  const index = buildTariffIndex([
    row(1, '', { rate_general: '10%', rate_wto: '(8%)' }, { chapter: '08' }),
    row(2, '', { rate_temporary: '6%' }, { parent: 1, chapter: '08' }),
    row(3, '080510000', { epa_cptpp: '無税' }, { parent: 2, description: '1 毎年6月1日から同年11月30日までに輸入されるもの' }),
    row(4, '080510000', { rate_general: '40%', epa_cptpp: '5%' }, { parent: 2, description: '2 毎年12月1日から翌年5月31日までに輸入されるもの' }),
    row(5, '080520000', { rate_general: '謎の税率' }, { parent: 1 }),
  ]);

  it('inherits empty cells from the nearest ancestor that prints one', () => {
    const line = index.lookup('080510000', '2026-07-01')!;
    expect(line.cells.rate_general?.text).toBe('10%');
    expect(line.cells.rate_temporary?.text).toBe('6%');
    expect(line.cells.rate_wto?.bound).toBe(true);
    expect(line.inheritedFrom).toEqual({ rate_general: 1, rate_wto: 1, rate_temporary: 2 });
  });

  it('picks the seasonal line printed for the import date', () => {
    expect(index.lines('080510000')).toHaveLength(2);
    expect(index.lookup('080510000', '2026-07-01')!.rowId).toBe(3);
    expect(index.lookup('080510000', '2027-01-15')!.rowId).toBe(4);
    expect(index.lookup('080510000', '2027-01-15')!.cells.rate_general?.text).toBe('40%');
  });

  it('keeps text it cannot parse apart instead of treating it as free', () => {
    const line = index.lookup('080520000')!;
    expect(line.cells.rate_general).toBeUndefined();
    expect(line.unparsed.rate_general).toBe('謎の税率');
    expect(index.lookup('999999999')).toBeUndefined();
  });
});
