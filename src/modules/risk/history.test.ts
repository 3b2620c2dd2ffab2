import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/index.ts';
import { parseRiskHistory, requiredColumns } from './history.ts';

const korean = readFileSync(new URL('../../../test/fixtures/risk-history-korean.csv', import.meta.url), 'utf8');

function refusal(text: string): DomainError {
  try {
    parseRiskHistory(text);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('risk history file', () => {
  it('reads the Korean benchmark header, maps each column onto the platform field and skips bad rows by line', () => {
    const h = parseRiskHistory(korean);
    expect(h.items).toHaveLength(240);
    expect(h.mapping).toMatchObject({ hsCode: 'HS6 Code', origin: 'Country of Origin', outcome: 'Fraud', value: 'Item Price', transportMode: 'Mode of Transport' });
    expect(h.ignoredColumns).toEqual(expect.arrayContaining(['Process Type', 'Courier ID', 'Critical Fraud']));
    expect(h.skipped).toEqual([
      { line: 242, code: 'OUTCOME_INVALID', column: 'Fraud', value: 'unknown' },
      { line: 243, code: 'HS_CODE_INVALID', column: 'HS6 Code', value: 'abc' },
    ]);
    const first = h.items[0]!;
    expect(first).toMatchObject({ declarationId: '10000000', at: '2025-01-01', label: 0 });
    // Korean transport codes become the platform's modes; fields the platform never fills stay empty.
    expect(first.item).toMatchObject({ hs: '851830', origin: 'VN', transportMode: 'sea', importType: 'import', processType: '', courier: '', netMassKg: 1200, value: 1_921_682 });
  });

  it('reads the platform names too, converts amounts to yen and pads HS codes that lost a leading zero', () => {
    const h = parseRiskHistory(
      'declaration_id,date,hs_code,origin,outcome,value,transport_mode\nD1,2025-02-01,90111,br,yes,1000,air\nD2,2025-02-02,6109.10,CN,no,,\n',
      { yenPerUnit: 0.09 },
    );
    expect(h.items.map((i) => [i.item.hs, i.item.origin, i.label, i.item.value, i.item.transportMode])).toEqual([
      ['090111', 'BR', 1, 90, 'air'],
      ['610910', 'CN', 0, Number.NaN, ''],
    ]);
  });

  it('refuses unknown and missing columns at once, listing the required ones', () => {
    const e = refusal('declaration_id,date,hs_code,origin,Fruad\nD1,2025-02-01,090111,BR,1\n');
    expect(e.code).toBe('RISK.HISTORY_COLUMNS');
    expect(e.details).toMatchObject({ missing: ['outcome'], unknown: ['Fruad'], required: requiredColumns() });
    expect(e.message).toContain('required: declaration_id, date, hs_code, origin, outcome');
  });

  it('refuses a file with no usable row', () => {
    expect(refusal('declaration_id,date,hs_code,origin,outcome\nD1,yesterday,090111,BR,1\n').code).toBe('RISK.HISTORY_EMPTY');
    expect(refusal('').code).toBe('RISK.HISTORY_COLUMNS');
  });
});
