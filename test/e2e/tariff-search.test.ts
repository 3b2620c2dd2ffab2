import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, startE2E, type E2E } from './support/e2e.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('a visitor searches the tariff', () => {
  it('finds green coffee in Japanese and in English, with codes and rates from the real schedule', async () => {
    const { context, page } = await newPage(e, { lang: 'ja' });
    await page.goto('/');
    await page.getByLabel('どのような品物ですか').fill('コーヒー豆');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const ja = page.locator('li.result').first();
    await ja.waitFor();
    expect(await page.locator('li.result[data-code9^="0901"]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#results-title').textContent()).toContain('コーヒー豆');
    await screenshot(page, 'tariff-search-ja');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('What are the goods?').fill('green coffee beans');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('#results-title', { hasText: 'green coffee beans' }).waitFor();
    expect(await page.locator('li.result[data-code9^="090111"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'tariff-search-en');

    // The line page shows every rate column and the other-law requirements of the real schedule.
    await page.locator('li.result[data-code9^="090111"] a.result__code').first().click();
    await page.getByRole('heading', { name: 'Duty rates' }).waitFor();
    await expect.poll(() => page.locator('table').first().textContent()).toContain('WTO');
    expect(await page.getByText('食品衛生法').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('opens a tariff line page with its rates and permits from the real schedule', async () => {
    const { context, page } = await newPage(e, { lang: 'en' });
    await page.goto('/tariff/090111000');
    await page.getByRole('heading', { name: 'Duty rates' }).waitFor();
    const table = (await page.locator('table').first().textContent()) ?? '';
    expect(table).toContain('General');
    expect(table).toContain('EPA: CPTPP');
    expect(table).toContain('無税');
    expect(await page.getByText('食品衛生法').count()).toBeGreaterThan(0);
    expect(await page.getByText('Coffee; not roasted', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'tariff-line');
    await context.close();
  });
});
