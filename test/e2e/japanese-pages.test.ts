import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../support/platform.ts';
import { apiCall, newPage, startE2E, uniqueLrn, type E2E } from './support/e2e.ts';

let e: E2E;
let declarationId = '';
beforeAll(async () => {
  e = await startE2E();
  const r = await apiCall<{ id: string }>(e, 'POST', '/api/v1/declarations', e.tp.keys.trader, sampleDeclaration({ lrn: uniqueLrn('JA') }));
  expect(r.status).toBe(201);
  declarationId = r.body.id;
}, 600_000);
afterAll(async () => e?.close());

/**
 * What people typed is shown as typed, in whatever language it was written: the trader's names and descriptions,
 * and the names and reasons analysts gave their targeting rules.
 */
const TYPED = (() => {
  const d = sampleDeclaration() as { items: { description: string }[] } & Record<string, { name?: string } | undefined>;
  return [...d.items.map((i) => i.description), ...['declarant', 'importer', 'exporter', 'seller', 'buyer'].map((p) => d[p]?.name ?? '')].filter((s) => s !== '');
})();
beforeAll(async () => {
  const rules = await apiCall<{ items: { name: string; reason: string }[] }>(e, 'GET', '/api/v1/risk/rules?all=true', e.tp.keys.analyst);
  expect(rules.status).toBe(200);
  // Longest first, so that a name containing another is taken out whole.
  TYPED.push(...rules.body.items.flatMap((r) => [r.name, r.reason]));
  TYPED.sort((a, b) => b.length - a.length);
}, 60_000);

/**
 * Runs of three or more English words in the text a reader sees: what a Japanese page must not contain. Codes
 * (`<code>`), numbers, HS and currency or country codes are not words of two or more letters in a row of three, so
 * they pass; so does the app's brand, two words. Text marked translate="no" (a source quoted as published, such as
 * the HS nomenclature, which exists in English only) and what the trader typed are not the page's wording.
 */
async function englishRuns(page: Page): Promise<string[]> {
  return page.evaluate((typed) => {
    const RUN = /[A-Za-z][A-Za-z'’]+(?:,? [A-Za-z][A-Za-z'’]+){2,}/g;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || el.closest('code, pre, kbd, script, style, noscript, [translate="no"]')) continue;
      // Only what is rendered: not the inside of a closed <details>, not a hidden element.
      if (!el.checkVisibility() && !el.closest('.visually-hidden')) continue;
      let text = node.textContent ?? '';
      for (const t of typed) text = text.split(t).join(' ');
      for (const m of text.matchAll(RUN)) found.push(m[0]);
    }
    return [...new Set(found)];
  }, TYPED);
}

type Who = 'trader' | 'officer' | 'analyst';
interface Visit {
  readonly name: string;
  readonly key?: Who;
  readonly path: () => string;
  /** What to do on the page before reading it (fill a form, wait for an answer). */
  readonly act?: (page: Page) => Promise<void>;
}

const VISITS: readonly Visit[] = [
  { name: 'search', path: () => '/?q=%E3%82%B3%E3%83%BC%E3%83%92%E3%83%BC', act: (p) => p.locator('li.result').first().waitFor({ timeout: 120_000 }) },
  { name: 'tariff line', path: () => '/tariff/090111000', act: (p) => p.locator('table').first().waitFor() },
  {
    name: 'estimate',
    path: () => '/estimate?code9=610910020',
    act: async (page) => {
      await page.getByLabel('原産国').fill('VN');
      await page.getByLabel('価格', { exact: true }).fill('3200.00');
      await page.getByLabel('為替レート（1単位あたりの円）').fill('150');
      await page.getByRole('button', { name: '試算する', exact: true }).click();
      await page.locator('[data-testid=grand-total]').waitFor();
      // WTO 7.4 % of ¥480,000 is ¥35,520 on the item; the headline ¥35,500 says what the rounding dropped.
      expect(await page.locator('[data-testid=rounding]').textContent()).toContain('関税：品目の合計 ￥35,520 の100円未満の端数 ￥20 を切り捨て、￥35,500 としています（関税法第13条）');
    },
  },
  { name: 'traveller', path: () => '/traveller' },
  { name: 'sign in', path: () => '/trader' },
  { name: 'trader declarations', key: 'trader', path: () => '/trader', act: (p) => p.locator('table').first().waitFor() },
  { name: 'trader declaration', key: 'trader', path: () => `/trader/declarations/${declarationId}`, act: (p) => p.locator('[data-testid=status]').waitFor() },
  { name: 'trader new declaration', key: 'trader', path: () => '/trader/declarations/new' },
  { name: 'trader upload', key: 'trader', path: () => '/trader/upload' },
  { name: 'officer queue', key: 'officer', path: () => '/officer' },
  { name: 'officer declaration', key: 'officer', path: () => `/officer/declarations/${declarationId}`, act: (p) => p.locator('[data-testid=status]').waitFor() },
  { name: 'officer search references', key: 'officer', path: () => '/officer/search-references' },
  { name: 'analyst dashboard', key: 'analyst', path: () => '/officer/dashboard' },
  { name: 'analyst rules', key: 'analyst', path: () => '/officer/rules' },
  { name: 'gate', key: 'officer', path: () => '/gate' },
];

describe('the main pages in Japanese', () => {
  it('show no English sentences to a Japanese reader', async () => {
    const found: string[] = [];
    for (const v of VISITS) {
      const { context, page } = await newPage(e, { lang: 'ja', ...(v.key ? { apiKey: e.tp.keys[v.key] } : {}) });
      await page.goto(v.path());
      await page.getByRole('heading', { level: 1 }).waitFor();
      await v.act?.(page);
      await page.waitForLoadState('networkidle');
      for (const run of await englishRuns(page)) found.push(`${v.name}: ${run}`);
      await context.close();
    }
    expect(found).toEqual([]);
  }, 600_000);
});
