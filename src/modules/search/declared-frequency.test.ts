import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeclaredFrequency } from './declared-frequency.ts';
import { readDeclaredFrequency } from './loader.ts';

const HS2022 = new Set(['392690', '950300', '852910', '852990']);

describe('DeclaredFrequency.fromDeclarations', () => {
  it('counts a code HS 2022 kept as itself and splits a code HS 2022 divided across its parts', () => {
    // 852910 twice as itself; 2017's 852900 (not in 2022) correlates with 852910 and 852990: ½ to each
    const f = DeclaredFrequency.fromDeclarations(['852910', '852910', '852900'], HS2022, [
      { hs2017: '852900', hs2022: '852910' },
      { hs2017: '852900', hs2022: '852990' },
    ]);
    expect(f.declarations).toBe(3);
    // 852910: 2.5 declarations, the most → prior 1; 852990: 0.5 → ln(1.5) / ln(3.5)
    expect(f.prior('852910')).toBe(1);
    expect(f.prior('852990')).toBeCloseTo(Math.log(1.5) / Math.log(3.5), 12);
    expect(f.subheadings).toBe(2);
  });

  it('leaves out codes neither HS 2022 nor the correlation knows, and gives undeclared subheadings 0', () => {
    const f = DeclaredFrequency.fromDeclarations(['392690', '999999', '', '123456'], HS2022, []);
    expect(f.declarations).toBe(1);
    expect(f.prior('392690')).toBe(1);
    expect(f.prior('950300')).toBe(0);
  });

  it('is logarithmic: 99 declarations against 9 give ln 10 / ln 100 = ½, not 1/10', () => {
    const f = DeclaredFrequency.fromCounts(new Map([['392690', 99], ['950300', 9]]));
    expect(f.prior('950300')).toBeCloseTo(0.5, 12);
  });

  it('is 0 everywhere when nothing was declared', () => {
    expect(DeclaredFrequency.fromCounts(new Map()).prior('392690')).toBe(0);
  });
});

describe('DeclaredFrequency.favour', () => {
  const f = DeclaredFrequency.fromCounts(new Map([['392690', 99], ['950300', 9]]));

  it('breaks a near tie towards the goods declared more often', () => {
    // 852910: 10 + 0.5 × 10 × 0 = 10; 392690: 9.8 + 0.5 × 10 × 1 = 14.8; 950300: 9 + 0.5 × 10 × 0.5 = 11.5
    const out = f.favour([
      { hs6: '852910', score: 10 },
      { hs6: '392690', score: 9.8 },
      { hs6: '950300', score: 9 },
    ]);
    expect(out.map((h) => [h.hs6, h.score])).toEqual([
      ['392690', 14.8],
      ['950300', 11.5],
      ['852910', 10],
    ]);
  });

  it('does not lift a weak match over a much better one', () => {
    // 392690: 2 + 0.5 × 10 × 1 = 7 < 10
    expect(f.favour([{ hs6: '852910', score: 10 }, { hs6: '392690', score: 2 }]).map((h) => h.hs6)).toEqual(['852910', '392690']);
  });

  it('keeps the hits as they are with a share of 0, and keeps their other fields', () => {
    const hits = [{ hs6: '852910', score: 10, note: 'a' }, { hs6: '392690', score: 9.8, note: 'b' }];
    expect(f.favour(hits, 0)).toEqual(hits);
    expect(f.favour(hits).map((h) => h.note)).toEqual(['b', 'a']);
  });
});

describe('readDeclaredFrequency', () => {
  const hs = [...HS2022].map((code) => ({ code, description: '', level: 6 }));

  it('reads the HS6 column of the declaration files and the correlation table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'declared-'));
    mkdirSync(join(dir, 'customs-declarations'));
    mkdirSync(join(dir, 'hs/correspondence'), { recursive: true });
    writeFileSync(join(dir, 'customs-declarations/df_syn_train_eng.csv'), 'Declaration ID,HS6 Code,Fraud\n1,392690,0\n2,852900,1\n');
    writeFileSync(join(dir, 'customs-declarations/df_syn_valid_eng.csv'), 'Declaration ID,HS6 Code,Fraud\n3,392690,0\n');
    writeFileSync(join(dir, 'hs/correspondence/hs2022_hs2017_correlation.csv'), 'hs2022,hs2017,relationship\n852910,852900,1:n\n');
    const f = readDeclaredFrequency(dir, hs);
    expect(f?.declarations).toBe(3);
    expect(f?.prior('392690')).toBe(1);
    expect(f?.prior('852910')).toBeCloseTo(Math.log(2) / Math.log(3), 12);
  });

  it('is undefined for a data folder without declarations', () => {
    expect(readDeclaredFrequency(mkdtempSync(join(tmpdir(), 'declared-')), hs)).toBeUndefined();
  });
});
