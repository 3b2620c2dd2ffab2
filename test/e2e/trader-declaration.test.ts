import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { GENERATOR_YEN_RATES, generateConsignments, toNdjson } from '../../src/modules/consignments/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../support/platform.ts';
import { apiCall, newPage, screenshot, startE2E, uniqueLrn, type E2E } from './support/e2e.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/** Green coffee from Brazil by sea into Tokyo: a real line of the schedule (0901.11-000, free of duty, FD/PL permits). */
async function fillCoffee(page: Page, lrn: string, code9: string): Promise<void> {
  const fill = (id: string, v: string) => page.locator(`#${id}`).fill(v);
  await fill('f-lrn', lrn);
  await fill('f-customsOffice', '1A');
  await fill('f-declarant-name', 'Yamato Customs Brokers KK');
  await fill('f-declarant-corporateNumber', '7000012050002');
  await fill('f-importer-name', 'Kissa Trading KK');
  await fill('f-seller-name', 'Fazenda Boa Vista');
  await fill('f-seller-country', 'BR');
  await fill('f-transport-date', '2026-11-20');
  await fill('f-transport-port', 'JPTYO');
  await fill('f-transport-portOfLoading', 'BRSSZ');
  await fill('f-transport-transportDocument-number', 'MSCU1234567');
  await fill('f-items-0-code9', code9);
  await fill('f-items-0-description', 'Green coffee beans, not roasted');
  await fill('f-items-0-originCountry', 'BR');
  await fill('f-items-0-quantities-0-amount', '1200');
  await fill('f-items-0-netMassKg', '1200');
  await fill('f-items-0-invoiceValue-amount', '5400.00');
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto('/trader');
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your declarations' }).waitFor();
}

/** Printed cotton T-shirts from Viet Nam (6109.10-010): the schedule counts them in pieces and in kilograms. */
async function fillTshirts(page: Page, lrn: string): Promise<void> {
  await fillCoffee(page, lrn, '610910010');
  await page.locator('#f-seller-name').fill('Saigon Garment Co');
  await page.locator('#f-seller-country').fill('VN');
  await page.locator('#f-transport-portOfLoading').fill('VNSGN');
  await page.locator('#f-items-0-description').fill('Printed cotton T-shirts, knitted');
  await page.locator('#f-items-0-originCountry').fill('VN');
}

describe('a trader files a line counted in two units', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`sees the line and one quantity per unit, and files T-shirts in pieces and kilograms (${lang})`, async () => {
      const { context, page } = await newPage(e, { lang, apiKey: e.tp.keys.trader });
      await page.goto('/trader/declarations/new');
      const lrn = uniqueLrn(`E2E-TSHIRT-${lang.toUpperCase()}`);
      await fillTshirts(page, lrn);
      // The code is looked up as it is typed: the schedule's description confirms it, and a second quantity appears.
      await page.locator('[data-testid=line-0][data-status=found]').waitFor();
      expect(await page.locator('[data-testid=line-0]').textContent()).toContain('6109.10-010');
      expect(await page.locator('[data-testid=line-0]').textContent()).toContain('Tシャツ');
      const pieces = page.locator('#f-items-0-quantities-0-amount');
      const kilograms = page.locator('#f-items-0-quantities-1-amount');
      expect(await pieces.getAttribute('data-unit')).toBe('NO');
      expect(await kilograms.getAttribute('data-unit')).toBe('KG');
      const label = (id: string) => page.locator(`label[for=${id}]`).textContent();
      expect(await label('f-items-0-quantities-0-amount')).toBe(lang === 'ja' ? '数量（個数・NO）' : 'Quantity in number of pieces (NO)');
      expect(await label('f-items-0-quantities-1-amount')).toBe(lang === 'ja' ? '数量（キログラム・KG）' : 'Quantity in kilograms (KG)');
      await pieces.fill('500');
      await kilograms.fill('');
      await page.locator('#f-items-0-netMassKg').fill('110.5');
      await screenshot(page, `trader-form-two-quantities-${lang}`);

      // Leaving the kilograms out is caught next to that input before anything is sent.
      await page.locator('button[type=submit]').click();
      await expect.poll(() => page.locator('#f-items-0-quantities-1-amount').getAttribute('aria-invalid')).toBe('true');
      await kilograms.fill('110.5');
      await page.locator('button[type=submit]').click();
      await page.waitForURL(/\/trader\/declarations\/[^/]+$/);
      await page.getByRole('heading', { name: new RegExp(lrn) }).waitFor();
      const id = page.url().split('/').pop() ?? '';
      const filed = await apiCall<{ status: string; data: { items: { quantities: unknown }[] } }>(e, 'GET', `/api/v1/declarations/${id}`, e.tp.keys.trader);
      expect(filed.body.data.items[0]?.quantities).toEqual([
        { amount: '500', unit: 'NO' },
        { amount: '110.5', unit: 'KG' },
      ]);
      await expect.poll(async () => (await apiCall<{ status: string }>(e, 'GET', `/api/v1/declarations/${id}`, e.tp.keys.trader)).body.status, { timeout: 30_000 }).not.toMatch(/^(draft|submitted)$/);
      await context.close();
    });
  }
});

describe("a trader acts on their declaration", () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  for (const lang of ['ja', 'en'] as const) {
    it(`is told which permits from which ministry, then why it is held; sends a document the officer sees; amends it (${lang})`, async () => {
      const lrn = uniqueLrn(`E2E-ACT-${lang.toUpperCase()}`);
      const created = await apiCall<{ id: string }>(e, 'POST', '/api/v1/declarations', e.tp.keys.trader, sampleDeclaration({ lrn }));
      expect(created.status).toBe(201);
      const id = created.body.id;
      await expect.poll(async () => (await apiCall<{ status: string }>(e, 'GET', `/api/v1/declarations/${id}`, e.tp.keys.trader)).body.status, { timeout: 30_000 }).toBe('lane_assigned');

      const { context, page } = await newPage(e, { lang, apiKey: e.tp.keys.trader });
      await page.goto(`/trader/declarations/${id}`);
      const todo = page.locator('[data-testid=requested]');
      await todo.waitFor();
      // Coffee needs food-sanitation and plant-protection permits: never "nothing to present".
      expect(await todo.getAttribute('data-nothing')).toBe('false');
      await page.locator('[data-testid=permits] tr[data-permit=FD]').waitFor();
      const fd = (await page.locator('[data-testid=permits] tr[data-permit=FD]').textContent()) ?? '';
      expect(fd).toContain(lang === 'ja' ? '食品衛生法' : 'Food Sanitation Act');
      expect(fd).toContain(lang === 'ja' ? '厚生労働省' : 'Ministry of Health, Labour and Welfare');
      expect(fd).toContain('食品等輸入届出書');
      expect(await page.locator('[data-testid=permits] tr[data-permit=PL]').textContent()).toContain(lang === 'ja' ? '農林水産省' : 'Ministry of Agriculture, Forestry and Fisheries');
      // The goods as declared.
      const goods = (await page.locator('[data-testid=declared-item]').first().textContent()) ?? '';
      expect(goods).toContain('0901.11-000');
      expect(goods).toContain('Green coffee beans');
      expect(await page.locator('[data-testid=declared-quantities]').first().textContent()).toContain(lang === 'ja' ? '1,200 キログラム' : '1,200 kilograms');
      expect(await page.getByText('Nothing to present').count()).toBe(0);

      // The officer holds it and asks for a document: the trader is told why, and what to send.
      const reason = 'Send the food import notification (FD) for the coffee';
      expect((await apiCall(e, 'POST', `/api/v1/declarations/${id}/decision`, e.tp.keys.officer, { decision: 'hold', reason })).status).toBe(200);
      await page.reload();
      await page.locator('[data-step="todo.held.reason"]').waitFor();
      expect(await page.locator('[data-step="todo.held.reason"]').textContent()).toContain(reason);
      expect(await page.locator('[data-step="todo.held.send"]').count()).toBe(1);
      await page.locator('#f-document-file').setInputFiles({ name: 'fd-notification.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.locator('#f-document-note').fill('FD notification');
      await page.locator('[data-testid=documents] button[type=submit]').click();
      await page.locator('[data-testid=document]', { hasText: 'fd-notification.pdf' }).waitFor();
      // A file that is not a PDF, JPEG or PNG is refused next to the field, before it is read.
      await page.locator('#f-document-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
      await page.locator('[data-testid=documents] button[type=submit]').click();
      await page.locator('#f-document-file-error').waitFor();
      await screenshot(page, `trader-declaration-held-${lang}`);

      // The officer sees the document on the declaration and gets the same bytes.
      const officer = await newPage(e, { lang, apiKey: e.tp.keys.officer });
      await officer.page.goto(`/officer/declarations/${id}`);
      await officer.page.locator('[data-testid=documents] [data-testid=document]', { hasText: 'fd-notification.pdf' }).waitFor();
      const [download] = await Promise.all([officer.page.waitForEvent('download'), officer.page.locator('[data-testid=documents] button', { hasText: 'fd-notification.pdf' }).click()]);
      expect(download.suggestedFilename()).toBe('fd-notification.pdf');
      await officer.context.close();

      // Amending starts from what was filed, for the version shown.
      await page.locator(`a[href="/trader/declarations/${id}/amend"]`).click();
      await page.locator('[data-testid=amend-version][data-version="1"]').waitFor();
      expect(await page.locator('#f-items-0-description').inputValue()).toBe('Green coffee beans, not roasted, not decaffeinated');
      expect(await page.locator('#f-items-0-quantities-0-amount').inputValue()).toBe('1200');
      await page.locator('#f-items-0-description').fill('Green arabica coffee beans, not roasted, not decaffeinated');
      await page.locator('button[type=submit]').click();
      await page.waitForURL(new RegExp(`/trader/declarations/${id}$`));
      await expect.poll(async () => (await apiCall<{ version: number; data: { items: { description: string }[] } }>(e, 'GET', `/api/v1/declarations/${id}`, e.tp.keys.trader)).body.version).toBe(2);
      const amended = await apiCall<{ data: { items: { description: string; quantities: unknown }[] } }>(e, 'GET', `/api/v1/declarations/${id}`, e.tp.keys.trader);
      expect(amended.body.data.items[0]).toMatchObject({ description: 'Green arabica coffee beans, not roasted, not decaffeinated', quantities: [{ amount: '1200', unit: 'KG' }] });
      await page.locator('[data-testid=declared-item]', { hasText: 'arabica' }).waitFor();
      await screenshot(page, `trader-declaration-${lang}`);
      await context.close();
    });
  }
});

describe('officers enter the week\'s exchange rates', () => {
  it('shows the form to an officer and saves the rates; an analyst only reads them', async () => {
    const { context, page } = await newPage(e, { lang: 'ja', apiKey: e.tp.keys.officer });
    await page.goto('/officer');
    await page.locator('a[href="/officer/exchange-rates"]').first().click();
    await page.getByRole('heading', { level: 1, name: '外国為替相場（税関長公示レート）' }).waitFor();
    await page.locator('#f-validFrom').fill('2031-01-05');
    await page.locator('#f-validTo').fill('2031-01-11');
    await page.locator('#f-rates-0-rate').fill('151.37');
    await page.locator('#f-rates-1-rate').fill('160.02');
    await page.locator('button[type=submit]').click();
    await page.locator('[data-testid=rates-saved]').waitFor();
    const stored = await apiCall<{ items: { currency: string; rate: string; validFrom: string }[] }>(e, 'GET', '/api/v1/exchange-rates?date=2031-01-07', null);
    // The end-to-end database is kept between files and runs: other tests' long-lived test rates may cover 2031 too.
    expect(stored.body.items.filter((r) => r.validFrom === '2031-01-05').map((r) => [r.currency, r.rate]).sort()).toEqual([
      ['EUR', '160.02'],
      ['USD', '151.37'],
    ]);
    await screenshot(page, 'officer-exchange-rates-ja');
    await context.close();

    const analyst = await newPage(e, { lang: 'en', apiKey: e.tp.keys.analyst });
    await analyst.page.goto('/officer/exchange-rates');
    await analyst.page.locator('[data-testid=rates-readonly]').waitFor();
    expect(await analyst.page.locator('#f-rates-0-rate').count()).toBe(0);
    expect(await analyst.page.locator('[data-testid=rates-table]').textContent()).toContain('151.37');
    await analyst.context.close();
  });
});

describe('an estimate in a currency without the week\'s rate', () => {
  it('is told so on the exchange-rate field, with where the official rates come from, not on the currency', async () => {
    const { context, page } = await newPage(e, { lang: 'ja' });
    await page.goto('/estimate?code9=090111000');
    await page.locator('#f-items-0-originCountry').fill('BR');
    await page.locator('#f-items-0-value-amount').fill('1000');
    await page.locator('#f-items-0-value-currency').fill('SEK');
    await page.locator('#f-date').fill('2026-11-20');
    await page.locator('button[type=submit]').click();
    await page.locator('#f-exchangeRate-error').waitFor();
    expect(await page.locator('#f-exchangeRate-error').getAttribute('data-code')).toBe('ASSESSMENT.NO_EXCHANGE_RATE');
    expect(await page.locator('#f-exchangeRate-error').textContent()).toContain('税関長公示レート');
    expect(await page.locator('#f-items-0-value-currency-error').count()).toBe(0);
    await context.close();
  });
});

describe('a trader files a declaration', () => {
  it('signs in with the key, sees checks as they type and the server error codes next to the fields, then files it', async () => {
    const { context, page } = await newPage(e, { lang: 'en' });
    await signIn(page, e.tp.keys.trader);
    await page.getByRole('link', { name: 'New declaration' }).first().click();
    await page.getByRole('heading', { name: 'New import or export declaration' }).waitFor();

    // As you type: a 6-digit code is refused before anything is sent.
    await page.locator('#f-items-0-code9').fill('090111');
    await expect.poll(() => page.locator('#f-items-0-code9-error').textContent()).toContain('9-digit');
    expect(await page.locator('#f-items-0-code9').getAttribute('aria-invalid')).toBe('true');

    // A well-formed code that the real schedule does not have: only the server knows, and its code lands by the field.
    const lrn = uniqueLrn('E2E-TRADER');
    await fillCoffee(page, lrn, '999999999');
    await page.getByRole('button', { name: 'Submit the declaration' }).click();
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => page.locator('#f-items-0-code9-error').getAttribute('data-code')).toBe('DECLARATION.UNKNOWN_TARIFF_CODE');
    await screenshot(page, 'trader-form-errors');
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-items-0-code9');

    await page.locator('#f-items-0-code9').fill('090111000');
    await page.getByRole('button', { name: 'Submit the declaration' }).click();
    await page.waitForURL(/\/trader\/declarations\/[^/]+$/);
    await page.getByRole('heading', { name: new RegExp(lrn) }).waitFor();
    await expect.poll(() => page.locator('[data-testid=status] [data-status]').getAttribute('data-status')).not.toBe('draft');
    // The line needs permits under other laws (food sanitation, plant protection): the trader is told.
    expect(await page.getByText('DECLARATION.OTHER_LAWS_PERMIT_REQUIRED').count()).toBeGreaterThan(0);
    await screenshot(page, 'trader-declaration-filed');

    await page.getByRole('link', { name: 'My declarations' }).first().click();
    await page.getByRole('link', { name: lrn }).waitFor();
    await context.close();
  });

  it('sees the duty, the cheaper rates, the lane and what is requested — and no targeting reasons', async () => {
    const { context, page } = await newPage(e, { lang: 'en' });
    await signIn(page, e.tp.keys.trader);
    await page.goto('/trader/declarations/new');
    const lrn = uniqueLrn('E2E-DUTY');
    await fillCoffee(page, lrn, '090111000');
    await page.getByRole('button', { name: 'Submit the declaration' }).click();
    await page.waitForURL(/\/trader\/declarations\/[^/]+$/);
    await page.locator('[data-testid=lane] [data-lane]').waitFor({ timeout: 30_000 });
    expect(['green', 'yellow', 'red']).toContain(await page.locator('[data-testid=lane] [data-lane]').getAttribute('data-lane'));
    await page.locator('[data-testid=totals]').waitFor();
    expect(await page.locator('[data-testid=duty-total]').textContent()).toMatch(/[¥￥]/);
    expect(await page.locator('[data-testid=requested]').textContent()).toBeTruthy();
    expect(await page.getByText('Why it was selected').count()).toBe(0);
    await screenshot(page, 'trader-declaration');
    await context.close();
  });

  it('uploads a file of low-value consignments and watches them being checked and cleared', async () => {
    // The generator prices parcels in several currencies; their (test) rates are loaded as an officer would.
    const rates = Object.entries(GENERATOR_YEN_RATES).map(([currency, rate]) => ({ currency, rate, validFrom: '2020-01-01', validTo: '2099-12-31', source: 'e2e test rate' }));
    expect((await apiCall(e, 'POST', '/api/v1/exchange-rates', e.tp.keys.admin, { rates })).status).toBeLessThan(300);
    const prefix = `E2E${Date.now().toString(36).toUpperCase()}-`;
    const file = join(tmpdir(), `${prefix}consignments.ndjson`);
    writeFileSync(file, toNdjson([...generateConsignments({ seed: 7, count: 40, idPrefix: prefix })].map((g) => g.consignment)));

    const { context, page } = await newPage(e, { lang: 'en' });
    await signIn(page, e.tp.keys.trader);
    await page.getByRole('link', { name: 'Upload consignments' }).click();
    await page.getByLabel('Consignment file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.locator('[data-testid=batch] [data-status=completed]').waitFor({ timeout: 60_000 });
    const batch = (await page.locator('[data-testid=batch]').textContent()) ?? '';
    expect(batch).toMatch(/Accepted lines\s*[1-9]/);
    expect(await page.locator('#upload-progress').getAttribute('value')).toBe(await page.locator('#upload-progress').getAttribute('max'));
    await screenshot(page, 'consignment-upload');
    await context.close();
    rmSync(file, { force: true });
  });
});
