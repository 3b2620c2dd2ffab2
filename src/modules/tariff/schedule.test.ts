import { beforeAll, describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { readTariffRows, type TariffRow } from '../reference/index.ts';
import { assess, type AssessOptions } from './assess.ts';
import { coverage } from './coverage.ts';
import { loadJpRules } from './jp-rules-loader.ts';
import { buildTariffIndex } from './tariff-index.ts';

/** The one test file on the full applied schedule and the real jp-rules lists (about 2-3 s). */
let rows: TariffRow[];
let options: AssessOptions;
beforeAll(() => {
  const dir = dataDirFromEnv();
  rows = readTariffRows(dir);
  options = { index: buildTariffIndex(rows), jpRules: loadJpRules(dir), today: '2026-11-23' };
});

const item = (code9: string, originCountry: string, extra: Record<string, unknown> = {}) => ({
  code9,
  originCountry,
  value: { amount: '1000000', currency: 'JPY' },
  ...extra,
});
function applied(it: Record<string, unknown>, date = '2026-11-23') {
  const r = assess({ date, items: [it] }, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('the applied tariff schedule 2026-07-09', () => {
  it('parses every non-empty rate cell of every column', () => {
    const report = coverage(rows);
    expect(report.failures).toEqual([]);
    expect(report.totals.nonEmpty).toBeGreaterThan(200_000);
    expect(report.totals.parsed).toBe(report.totals.nonEmpty);
  });

  it('RCEP follows the origin: T-shirts from CN at epa_rcep_china 6.8 % (68,000 on 1,000,000) instead of 10.9 %', () => {
    const r = applied(item('610910010', 'CN', { preference: 'rcep' }));
    expect(r.items[0]!.appliedRate).toEqual({ column: 'epa_rcep_china', text: '6.8%' });
    expect(r.items[0]!.dutyYen).toBe(68000);
    expect(r.items[0]!.alternatives.find((a) => a.column === 'rate_general')?.dutyYen).toBe(109000);
    expect(r.assumptions.some((a) => a.message.includes('Art. 2.6'))).toBe(true);
  });

  it('gives LDC origins the special preferential rate and names the unconfirmed list it rests on', () => {
    const r = applied(item('610910010', 'KH'));
    expect(r.items[0]!.appliedRate.column).toBe('rate_gsp_ldc');
    expect(r.items[0]!.dutyYen).toBe(0);
    expect(r.assumptions.some((a) => a.message.includes('LDC'))).toBe(true);
  });

  it('oranges: the seasonal line of the import date (general 20 % / WTO 16 % in June–November, 32 % in winter)', () => {
    expect(applied(item('080510000', 'US'), '2026-07-01').items[0]!.dutyYen).toBe(160000);
    expect(applied(item('080510000', 'US'), '2027-01-10').items[0]!.dutyYen).toBe(320000);
  });
});
