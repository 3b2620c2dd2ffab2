import { describe, expect, it } from 'vitest';
import { serverEn } from './server.en.ts';
import { serverJa } from './server.ja.ts';
import { pageWording, serverText } from './server-text.ts';

const slots = (t: string): string[] => [...t.matchAll(/\{(\w+)(?:@\w+)?\}/g)].map((m) => m[1]!).sort();

describe("the page's wording of server messages", () => {
  it('has every key in Japanese and English, asking for the same parameters', () => {
    expect(Object.keys(serverJa).sort()).toEqual(Object.keys(serverEn).sort());
    expect(Object.keys(serverJa).filter((k) => slots(serverJa[k]!).some((s) => !slots(serverEn[k]!).includes(s)))).toEqual([]);
  });

  it('names every event of a declaration history in both languages', () => {
    const events = ['created', 'submitted', 'accepted', 'rejected', 'assessed', 'assessment_failed', 'lane_assigned', 'released', 'held', 'amended', 'payment_recorded'];
    for (const lang of ['ja', 'en'] as const) expect(events.filter((e) => pageWording(lang, `event.${e}`) === undefined)).toEqual([]);
    expect(pageWording('ja', 'event.lane_assigned')).toBe('審査区分決定');
  });

  it('words a note from its variant key and parameters, with columns and codes in words', () => {
    expect(serverText('ja', { code: 'PREFERENCE_NOT_LOWER', message: 'x', params: { claimed: 'epa_cptpp', applied: 'rate_wto' } })).toBe(
      'TPP11協定の税率はWTO協定税率より低くないため、WTO協定税率を適用しています',
    );
    expect(serverText('en', { code: 'DECLARATION.MISSING_QUANTITY', messageKey: 'DECLARATION.MISSING_QUANTITY.line', message: 'x', params: { code9: '610910010', unit: 'KG' } })).toBe(
      'Line 6109.10-010 needs a quantity in KG',
    );
  });

  it("falls back to the server's message when it has no wording or lacks a parameter", () => {
    expect(serverText('ja', { code: 'SOMETHING.NEW', message: 'サーバーの文言' })).toBe('サーバーの文言');
    expect(serverText('ja', { code: 'STANDARD_RATE', message: 'サーバーの文言' })).toBe('サーバーの文言');
    expect(serverText('zh', { code: 'STANDARD_RATE', message: 'server text', params: { percent: '7.8' } })).toBe('server text');
  });
});
