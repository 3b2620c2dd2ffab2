import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvColumns } from './csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'sc-csv-'));
const file = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe('readCsvColumns', () => {
  it('takes the named columns of a file without quotes, in the order asked, past a BOM and CRLF line ends', () => {
    const f = file('plain.csv', '\uFEFFid,code,country\r\n1,090111,BR\r\n2,220830\r\n\r\n');
    expect(readCsvColumns(f, ['country', 'code'])).toEqual([
      ['BR', '090111'],
      ['', '220830'],
    ]);
  });

  it('parses a file with quotes in full, so a quoted comma stays in its field', () => {
    const f = file('quoted.csv', 'id,name,code\n1,"Coffee, roasted",090121\n');
    expect(readCsvColumns(f, ['code', 'name'])).toEqual([['090121', 'Coffee, roasted']]);
  });

  it('is undefined when the header lacks a column, with or without quotes', () => {
    expect(readCsvColumns(file('a.csv', 'id,code\n1,09\n'), ['hs6'])).toBeUndefined();
    expect(readCsvColumns(file('b.csv', 'id,"code"\n1,09\n'), ['hs6'])).toBeUndefined();
  });
});
