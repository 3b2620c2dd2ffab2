import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registeredErrors } from '../errors.ts';
import { EN, JA, localise, pickLanguage, render, slotsOf } from './index.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const files = sources('src');
/** Keys the sources word a message or note with. */
const usedKeys = new Set(
  files
    .filter((f) => !f.includes(join('kernel', 'messages')))
    .flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      // `msg('KEY'`, `note('KEY'`, and any variant key (`CODE.variant`) however it is chosen (`cond ? 'A.x' : 'A.y'`).
      return [...text.matchAll(/\b(?:msg|note)\(\s*'([A-Za-z][\w.]*)'/g), ...text.matchAll(/'([A-Z][A-Z_]+(?:\.[A-Z_]+)*\.[a-z][A-Za-z]+)'/g)].map((m) => m[1]!);
    }),
);

describe('message catalogue (en, ja)', () => {
  beforeAll(async () => {
    // Every module that defines error codes registers them when loaded.
    for (const f of files) if (readFileSync(f, 'utf8').includes('defineError(')) await import(resolve(f));
  });

  it('has Japanese for every registered error code', () => {
    const codes = registeredErrors().map((d) => d.code);
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((c) => JA[c] === undefined)).toEqual([]);
  });

  it('has every wording in both languages, with the same parameters', () => {
    const codes = new Set(registeredErrors().map((d) => d.code));
    expect(Object.keys(EN).filter((k) => JA[k] === undefined)).toEqual([]);
    expect(Object.keys(JA).filter((k) => EN[k] === undefined && !codes.has(k))).toEqual([]);
    const names = (t: string): string[] => [...new Set(slotsOf(t))].sort();
    // Japanese may leave out a detail that reads only in English, never ask for one English does not get.
    expect(Object.entries(JA).filter(([k, t]) => names(t).some((n) => !names(EN[k] ?? '').includes(n) && EN[k] !== undefined))).toEqual([]);
  });

  it('has both languages for every key the sources word a message or note with', () => {
    expect(usedKeys.size).toBeGreaterThan(20);
    const codes = new Set(registeredErrors().map((d) => d.code));
    expect([...usedKeys].filter((k) => (EN[k] === undefined && !codes.has(k)) || JA[k] === undefined)).toEqual([]);
  });

  it('reads Accept-Language by quality; English when no language it speaks is asked for', () => {
    expect(pickLanguage(undefined)).toBe('en');
    expect(pickLanguage('ja')).toBe('ja');
    expect(pickLanguage('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(pickLanguage('en-US,en;q=0.9,ja;q=0.8')).toBe('en');
    expect(pickLanguage('fr, ja;q=0.5')).toBe('ja');
    expect(pickLanguage('zh-CN, ko')).toBe('en');
    expect(pickLanguage('en;q=0.2, ja;q=0.9')).toBe('ja');
  });

  it('words notes, problems and nested answers in Japanese from code and parameters', () => {
    const answer = {
      items: [{ notes: [{ code: 'STANDARD_RATE', message: 'consumption tax at 7.8% national', params: { percent: '7.8' } }] }],
      warnings: [{ code: 'DECLARATION.MISSING_QUANTITY', message: 'Line 1 needs KG', params: { code9: '610910010', unit: 'KG' }, messageKey: 'DECLARATION.MISSING_QUANTITY.line' }],
      other: { code: 'NOT.IN.CATALOGUE', message: 'left as it is' },
    };
    const ja = localise(answer, 'ja');
    expect(ja.items[0]!.notes[0]!.message).toBe('消費税（国税）7.8%（標準税率）');
    expect(ja.warnings[0]!.message).toBe('610910010 は KG での数量の入力が必要です');
    expect(ja.other.message).toBe('left as it is');
    expect(localise(answer, 'en')).toBe(answer);
    // A problem worded before parameters existed reads as its code's own Japanese wording.
    expect(localise({ code: 'DECLARATION.UNKNOWN_CURRENCY', message: 'Unknown currency "XXX"' }, 'ja').message).toBe(JA['DECLARATION.UNKNOWN_CURRENCY']);
  });

  it('looks parameter values up where a wording asks for it', () => {
    expect(render('ja', 'DECLARATION.MISSING_PARTY.required', { role: 'importer' })).toBe('輸入者の入力が必要です');
    expect(render('en', 'DECLARATION.MISSING_PARTY.required', { role: 'importer' })).toBe('The importer is required');
    expect(render('ja', 'PREFERENCE_NOT_LOWER', { claimed: 'rate_gsp', applied: 'rate_wto' })).toBe('特恵税率はWTO協定税率より低くないため、WTO協定税率を適用しました');
  });
});
