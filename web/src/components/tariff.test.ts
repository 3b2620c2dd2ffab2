import { describe, expect, it } from 'vitest';
import { columnName, formatCode9, rateEntries } from './tariff.ts';

describe('tariff display helpers', () => {
  it('prints a statistical code the way the schedule does', () => {
    expect(formatCode9('090111000')).toBe('0901.11-000');
  });

  it('names EPA columns by their agreement in the reader language', () => {
    expect(columnName('epa_cptpp', 'en')).toBe('EPA: CPTPP');
    expect(columnName('rate_wto', 'ja')).toBe('WTO協定税率');
    expect(columnName('epa_mexico', 'en')).toBe('EPA: Mexico');
  });

  it('reads rates given as plain strings or as objects with a text', () => {
    expect(rateEntries({ rate_general: '3%', rate_wto: { text: '(無税)', fromRowId: 3 }, bad: 4 })).toEqual([
      { column: 'rate_general', text: '3%' },
      { column: 'rate_wto', text: '(無税)' },
    ]);
  });

  it('reads the short column names of the search API and leaves out absent rates and units', () => {
    expect(rateEntries({ general: '3%', temporary: null, wto: '2.5%', units: ['KG'] })).toEqual([
      { column: 'rate_general', text: '3%' },
      { column: 'rate_wto', text: '2.5%' },
    ]);
  });
});
