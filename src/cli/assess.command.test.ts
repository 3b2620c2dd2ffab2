import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RATE_COLUMNS, TARIFF_SCHEDULE_FILE } from '../modules/reference/index.ts';
import { parseArgs } from './args.ts';
import { assessText } from './assess.command.ts';

/** A data folder of one schedule line and minimal jp-rules, so the command runs as it does on the real data. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'assess-cli-'));
  const header = ['row_id', 'chapter', 'level', 'parent_row_id', 'stat_code', 'stat_suffix', 'code9', 'is_leaf', 'description_ja', 'description_path_ja', ...RATE_COLUMNS, 'unit_1', 'unit_2', 'other_laws'];
  const rates = RATE_COLUMNS.map((c) => (c === 'rate_general' ? '5%' : c === 'epa_cptpp' ? '無税' : ''));
  const line = ['1', '84', '0', '', '8471.30', '000', '847130000', '1', 'テスト', 'テスト', ...rates, 'NO', 'KG', ''];
  mkdirSync(join(dir, 'jp-tariff'));
  writeFileSync(join(dir, TARIFF_SCHEDULE_FILE), `${header.join(',')}\n${line.join(',')}\n`);
  mkdirSync(join(dir, 'jp-rules'));
  writeFileSync(
    join(dir, 'jp-rules', 'agreements.json'),
    JSON.stringify({ retrieved: 'test', agreements: [{ id: 'cptpp', tariff_columns: ['epa_cptpp'], parties: [{ iso2: 'AU', entry_into_force: '2018-12-30' }] }] }),
  );
  writeFileSync(join(dir, 'jp-rules', 'gsp.json'), JSON.stringify({ retrieved: 'test', gsp_beneficiaries_full: null }));
  return dir;
}

let out: string[];
beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.stubEnv('SMART_CUSTOMS_DATA_DIR', dataDir());
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const request = (item: Record<string, unknown>) =>
  JSON.stringify({ date: '2026-11-23', exchangeRates: { USD: '150' }, items: [{ code9: '847130000', originCountry: 'AU', value: { amount: '2000', currency: 'USD' }, ...item }] });

describe('customs assess', () => {
  it('writes only the response JSON on stdout: 2,000 USD × 150 = 300,000; 5 % = 15,000, CPTPP saves it', () => {
    expect(assessText(request({}), parseArgs([]))).toBe(0);
    expect(out).toHaveLength(1);
    const r = JSON.parse(out[0]!);
    expect(r.items[0].appliedRate).toEqual({ column: 'rate_general', text: '5%' });
    expect(r.totals.dutyYen).toBe(15000);
    expect(r.items[0].alternatives[0]).toMatchObject({ column: 'epa_cptpp', dutyYen: 0, differenceYen: -15000 });
  });

  it('exits 2 with {code, message, details.problems} on an invalid request', () => {
    expect(assessText(request({ preference: 'eu' }), parseArgs([]))).toBe(2);
    const r = JSON.parse(out.join(''));
    expect(r.code).toBe('ASSESSMENT.PREFERENCE_NOT_APPLICABLE');
    expect(r.details.problems[0].path).toBe('$.items[0].preference');
    out.length = 0;
    expect(assessText('{not json', parseArgs([]))).toBe(2);
    expect(JSON.parse(out.join('')).code).toBe('REQUEST.MALFORMED_JSON');
  });
});
