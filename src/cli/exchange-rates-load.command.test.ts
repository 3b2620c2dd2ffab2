import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../kernel/index.ts';
import { readRatesFile } from './exchange-rates-load.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'sc-rates-'));

describe('exchange-rates load file', () => {
  it('reads a CSV of weekly rates with their source and validity', () => {
    const f = join(dir, 'rates.csv');
    writeFileSync(f, 'currency,validFrom,validTo,rate,source\nUSD,2026-11-22,2026-11-28,151.23,税関長公示 2026-11-20\n');
    expect(readRatesFile(f)).toEqual([{ currency: 'USD', validFrom: '2026-11-22', validTo: '2026-11-28', rate: '151.23', source: '税関長公示 2026-11-20' }]);
  });

  it('lists every problem of a bad file with its path', () => {
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ rates: [{ currency: 'usd', validFrom: '22/11/2026', validTo: '2026-11-28', rate: '1,51', source: '' }] }));
    try {
      readRatesFile(f);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const paths = ((e as DomainError).details as { problems: { path: string }[] }).problems.map((p) => p.path);
      expect(paths).toEqual(['$.rates[0].currency', '$.rates[0].rate', '$.rates[0].validFrom', '$.rates[0].source']);
    }
  });
});
