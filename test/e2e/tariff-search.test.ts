import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, newPage, screenshot, startE2E, type E2E } from './support/e2e.ts';

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
    // The first Japanese search may wait for the search index (kuromoji and the schedule) still building on a busy host.
    await ja.waitFor({ timeout: 90_000 });
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
    expect(await page.getByText('Food Sanitation Act', { exact: false }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('opens a tariff line page with its rates and permits from the real schedule', async () => {
    const { context, page } = await newPage(e, { lang: 'en' });
    await page.goto('/tariff/090111000');
    await page.getByRole('heading', { name: 'Duty rates' }).waitFor();
    const table = (await page.locator('table').first().textContent()) ?? '';
    expect(table).toContain('General');
    // Columns, rates and permits read in English on an English page (無税 is "Free").
    expect(table).toContain('CPTPP (TPP11) rate');
    expect(table).toContain('Free');
    expect(table).not.toContain('無税');
    expect(await page.getByText('Food Sanitation Act', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Coffee; not roasted', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'tariff-line');
    await context.close();
  });

  it('estimates the duty of a line with the rate applied and the cheaper EPA rates it could claim', async () => {
    const { context, page } = await newPage(e, { lang: 'en' });
    await page.goto('/estimate?code9=610910020');
    await page.getByLabel('Country of origin').fill('VN');
    await page.getByLabel('Value of the goods').fill('3200.00');
    await page.getByLabel('Exchange rate (yen per unit)').fill('150');
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await page.locator('[data-testid=grand-total]').waitFor();
    // Cotton T-shirts (6109.10-020): WTO 7.4 % applies without a claim; the EPAs with Viet Nam would make it free.
    expect(await page.locator('.assessment').textContent()).toContain('WTO');
    expect(await page.locator('[data-testid=savings]').textContent()).toMatch(/EPA/);
    await screenshot(page, 'duty-estimate');
    await context.close();
  });

  it('shows the customs guidance an officer wrote for a search term above the results', async () => {
    const term = 'aa battery';
    const put = await apiCall(e, 'PUT', '/api/v1/tariff/search-references', e.tp.keys.officer, {
      term,
      codes: ['8506'],
      note: 'The full code depends on the type of battery.',
    });
    expect(put.status).toBe(200);
    try {
      const { context, page } = await newPage(e, { lang: 'en' });
      await page.goto('/?q=AA%20batteries');
      await page.getByText('Customs guidance for “aa battery”').waitFor();
      expect(await page.locator('li.result').first().getAttribute('data-code9')).toMatch(/^8506/);
      expect(await page.getByText('The full code depends on the type of battery.').count()).toBe(1);
      await screenshot(page, 'tariff-search-reference');
      await context.close();
    } finally {
      await apiCall(e, 'DELETE', `/api/v1/tariff/search-references?term=${encodeURIComponent(term)}`, e.tp.keys.officer);
    }
  });

  it('lets an officer add a search reference on the console, which the public search then shows, and remove it', async () => {
    const term = 'games console controller';
    const officer = await newPage(e, { lang: 'en', apiKey: e.tp.keys.officer });
    const { page } = officer;
    await page.goto('/officer/search-references');
    const editor = page.locator('section', { has: page.getByRole('heading', { name: 'Add or replace a search reference' }) });
    await editor.getByLabel('Search term').fill(term);
    await editor.getByLabel('Codes').fill('9504.50, 0000');
    await editor.getByRole('button', { name: 'Save search reference' }).click();
    // 0000 is no code of the schedule: the server's refusal is shown next to the field
    await editor.locator('.error-summary').waitFor();
    await editor.getByLabel('Codes').fill('9504.50');
    await editor.getByLabel('Note for the searcher').fill('Video game consoles and their controllers: 9504.50.');
    await editor.getByRole('button', { name: 'Save search reference' }).click();
    const row = page.locator('tr', { hasText: term });
    await row.waitFor();
    expect(await row.textContent()).toContain('950450');
    await screenshot(page, 'officer-search-references');

    const visitor = await newPage(e, { lang: 'en' });
    await visitor.page.goto(`/?q=${encodeURIComponent('Games console controllers')}`);
    await visitor.page.getByText(`Customs guidance for “${term}”`).waitFor();
    expect(await visitor.page.locator('li.result').first().getAttribute('data-code9')).toMatch(/^950450/);
    await visitor.context.close();

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: `Remove ${term}` }).click();
    await row.waitFor({ state: 'detached' });
    await officer.context.close();
  });
});
