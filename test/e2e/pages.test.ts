import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, startE2E, type E2E } from './support/e2e.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/** What a screen-reader or keyboard user needs on every page, checked in the rendered DOM. */
async function a11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (!document.documentElement.lang) problems.push('html has no lang');
    const h1 = document.querySelectorAll('h1').length;
    if (h1 !== 1) problems.push(`${h1} h1 elements`);
    for (const el of Array.from(document.querySelectorAll('input, select, textarea'))) {
      const f = el as HTMLInputElement;
      if (f.type === 'hidden') continue;
      if ((f.labels?.length ?? 0) === 0 && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby')) problems.push(`unlabelled ${f.tagName.toLowerCase()}#${f.id || f.name}`);
    }
    for (const img of Array.from(document.querySelectorAll('img'))) if (!img.hasAttribute('alt')) problems.push(`img without alt: ${img.src.slice(0, 40)}`);
    const ids = Array.from(document.querySelectorAll('[id]')).map((x) => x.id);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dup.length) problems.push(`duplicate ids: ${[...new Set(dup)].join(', ')}`);
    return problems;
  });
}

const PAGES: { path: string; key?: 'trader' | 'officer' | 'analyst'; heading: string }[] = [
  { path: '/', heading: 'Search the tariff' },
  { path: '/estimate?code9=090111000', heading: 'Estimate duty and consumption tax' },
  { path: '/tariff/090111000', heading: '0901.11-000' },
  { path: '/traveller', heading: 'About you' },
  { path: '/trader', heading: 'Sign in' },
  { path: '/trader', key: 'trader', heading: 'Your declarations' },
  { path: '/trader/declarations/new', key: 'trader', heading: 'New import or export declaration' },
  { path: '/trader/upload', key: 'trader', heading: 'Upload low-value consignments' },
  { path: '/officer', key: 'officer', heading: 'Work queue' },
  { path: '/officer/dashboard', key: 'analyst', heading: 'Dashboard' },
  { path: '/officer/rules', key: 'analyst', heading: 'Targeting rules' },
  { path: '/officer/search-references', key: 'officer', heading: 'Search references' },
  { path: '/officer/exchange-rates', key: 'officer', heading: 'Customs exchange rates' },
  { path: '/gate', key: 'officer', heading: 'Gate: verify' },
  { path: '/no/such/page', heading: 'Page not found' },
];

describe('every page of the app', () => {
  it('renders without script errors or CSP refusals, with one heading, labelled fields and a language', async () => {
    const failures: string[] = [];
    for (const p of PAGES) {
      const { context, page } = await newPage(e, { lang: 'en', ...(p.key ? { apiKey: e.tp.keys[p.key] } : {}) });
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      // A Content-Security-Policy refusal is only a console message; it means a feature silently broke.
      page.on('console', (m) => void (m.type() === 'error' && /Content Security Policy/i.test(m.text()) ? errors.push(m.text()) : undefined));
      await page.goto(p.path);
      await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
      await page.waitForLoadState('networkidle');
      for (const problem of [...errors, ...(await a11yProblems(page))]) failures.push(`${p.path}${p.key ? ` (${p.key})` : ''}: ${problem}`);
      await context.close();
    }
    expect(failures).toEqual([]);
  });

  it('can be used from the keyboard: the skip link goes to the main content, the search form submits with Enter', async () => {
    const { context, page } = await newPage(e, { lang: 'ja' });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.locator('#tariff-q').focus();
    await page.keyboard.type('0901');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=0901/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await context.close();
  });
});
