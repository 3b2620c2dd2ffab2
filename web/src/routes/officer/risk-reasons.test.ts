import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { ja } from '../../i18n/ja.ts';
import type { MessageKey } from '../../i18n/index.tsx';
import { reasonText, scoreReasons, selectionReasons } from './risk-reasons.ts';

const tr = (dict: Record<string, string>) => (k: MessageKey, vars: Record<string, string | number> = {}) =>
  (dict[k] ?? en[k]).replace(/\{(\w+)\}/g, (m, name: string) => (vars[name] !== undefined ? String(vars[name]) : m));
const num = (n: number) => n.toLocaleString('en-US');
const mode = (m: string) => (m === 'sea' ? '海上' : m);

const history = {
  code: 'history:hs6×origin',
  text: 'Item 1: 6109.10, from CN: 14 of 29 past items had a discrepancy (48 %)',
  source: 'model',
  items: [0],
  params: { fields: [{ field: 'hs6', value: '6109.10' }, { field: 'origin', value: 'CN' }], hits: 14, total: 29, pct: 48 },
};

describe('risk reasons in the officer language', () => {
  it('writes a model reason from its code and figures, in Japanese and in English', () => {
    expect(reasonText(history, tr(ja), num, mode)).toBe('HS 6109.10・原産地 CN: 過去 29 件中 14 件で相違あり（48 %）');
    expect(reasonText(history, tr(en), num, mode)).toBe('HS 6109.10, origin CN: 14 of 29 past items had a discrepancy (48 %)');
    const price = { code: 'unit-price-deviation', text: 'x', source: 'model', params: { pct: 62, side: 'below', fields: [{ field: 'hs6', value: '8517.62' }] } };
    expect(reasonText(price, tr(ja), num, mode)).toBe('単価がHS 8517.62の通常の価格を 62 % 下回る');
    const byMode = { code: 'rarity:transportMode', text: 'x', source: 'model', params: { fields: [{ field: 'transportMode', value: 'sea' }], count: 1200 } };
    expect(reasonText(byMode, tr(ja), num, mode)).toBe('輸送手段 海上: 過去の取扱い 1,200 件');
  });

  it('writes the selection reasons from their code, and keeps the server text of a reason it has no words for', () => {
    const rule = { code: 'RULE_HIT', text: 'Rule "Coffee" (v2): low value', source: 'rule', params: { name: 'Coffee', version: 2, reason: 'low value' } };
    expect(reasonText(rule, tr(ja), num, mode)).toBe('ルール「Coffee」（第2版）: low value');
    expect(reasonText({ code: 'feature:new', text: 'something new', source: 'model', params: {} }, tr(ja), num, mode)).toBe('something new');
    expect(reasonText({ code: 'RULE_HIT', text: 'Rule "old" (v1): stored before params', source: 'rule' }, tr(ja), num, mode)).toBe('Rule "old" (v1): stored before params');
  });

  it('never lists "no model" as a reason: it is said once, apart', () => {
    const reasons = [{ code: 'NO_MODEL', text: 'No model: selection on rules…', source: 'model' }];
    expect(selectionReasons(reasons)).toEqual([]);
    expect(scoreReasons(reasons, undefined)).toEqual([]);
    expect(scoreReasons([...reasons, history], undefined)).toEqual([history]);
  });
});
