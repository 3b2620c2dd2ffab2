import { describe, expect, it } from 'vitest';
import { AGREEMENTS, agreementName, columnName, formatCode9, groupDecimal, permitName, rateEntries, rateText } from './tariff.ts';

describe('tariff display helpers', () => {
  it('prints a statistical code the way the schedule does', () => {
    expect(formatCode9('090111000')).toBe('0901.11-000');
  });

  it('names EPA columns by their agreement in the reader language', () => {
    expect(columnName('epa_cptpp', 'en')).toBe('CPTPP (TPP11) rate');
    expect(columnName('epa_cptpp', 'ja')).toBe('TPP11協定の税率');
    expect(columnName('rate_wto', 'ja')).toBe('WTO協定税率');
    expect(columnName('epa_mexico', 'en')).toBe('Japan–Mexico EPA rate');
  });

  it('names every column of the schedule and every agreement in words, never by its key', () => {
    const columns = ['rate_general', 'rate_temporary', 'rate_wto', 'rate_gsp', 'rate_gsp_ldc', 'simplified_tariff', 'epa_singapore', 'epa_mexico', 'epa_malaysia', 'epa_chile', 'epa_thailand', 'epa_indonesia', 'epa_brunei', 'epa_asean_ajcep', 'epa_philippines', 'epa_switzerland', 'epa_vietnam', 'epa_india', 'epa_peru', 'epa_australia', 'epa_mongolia', 'epa_cptpp', 'epa_eu', 'epa_uk', 'epa_rcep_asean_au_nz', 'epa_rcep_china', 'epa_rcep_korea', 'epa_us_japan_tta'];
    for (const lang of ['ja', 'en'] as const) {
      for (const c of columns) expect(columnName(c, lang)).not.toMatch(/_|^epa|Us Japan/);
      for (const a of AGREEMENTS.filter((x) => x !== '')) expect(agreementName(a, lang)).not.toBe(a);
    }
    expect(columnName('epa_us_japan_tta', 'en')).toBe('Japan–US Trade Agreement rate');
    expect(columnName('rate_gsp_ldc', 'ja')).toBe('特別特恵税率');
  });

  it('names a permit under other laws with its law and authority, and reads 無税 as Free in English', () => {
    expect(permitName('FD', 'en')).toBe('Food Sanitation Act: import notification for foods — Ministry of Health, Labour and Welfare (quarantine stations) [FD]');
    expect(permitName('PL', 'ja')).toBe('植物防疫法（植物検疫） — 農林水産省 植物防疫所［PL］');
    expect(permitName('WA', 'ja')).toContain('ワシントン条約');
    expect(rateText('無税', 'en')).toBe('Free');
    expect(rateText('(無税)', 'ja')).toBe('(無税)');
    expect(rateText('10%又は30円/kgのうちいずれか高いもの', 'en')).toBe('10% or 30 yen/kg, whichever is higher');
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

describe('groupDecimal', () => {
  it('groups the whole part of a declared decimal and leaves its fraction as filed', () => {
    expect(groupDecimal('5400.00')).toBe('5,400.00');
    expect(groupDecimal('1234567.891')).toBe('1,234,567.891');
    expect(groupDecimal('999')).toBe('999');
    expect(groupDecimal('0.000001')).toBe('0.000001');
  });
});
