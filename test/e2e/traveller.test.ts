import jsqrImport from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, newPage, screenshot, startE2E, type E2E } from './support/e2e.ts';

// jsqr is CommonJS with an ES-style `default` in its typings; take whichever the loader hands over.
type JsQr = typeof import('jsqr').default;
const jsQR: JsQr = (jsqrImport as unknown as { default?: JsQr }).default ?? (jsqrImport as unknown as JsQr);

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

/**
 * A visitor from London over the allowance: 5 bottles of whisky (2 over the 3-bottle allowance) and a 150,000-yen
 * handbag with a 120,000-yen watch (together over 200,000 yen: the handbag uses the allowance, the watch is taxed).
 */
async function fillInEnglish(page: Page): Promise<void> {
  await page.goto('/traveller');
  await page.getByRole('heading', { name: 'About you' }).waitFor();
  // One question group per page, and nothing passes unanswered: the summary links to the first field.
  await next(page);
  await page.locator('.error-summary').waitFor();
  await page.getByLabel('Family name (as in your passport)').fill('Smith');
  await page.getByLabel('Given names').fill('Jane');
  await page.getByLabel('Date of birth').fill('1988-05-17');
  await page.getByLabel('Nationality').fill('GBR');
  await next(page);
  await page.getByRole('heading', { name: 'Your flight' }).waitFor();
  await page.getByLabel('Flight number').fill('BA005');
  await page.getByLabel('Airport you flew from').fill('LHR');
  await page.getByLabel('Date of arrival in Japan').fill('2026-12-01');
  await next(page);
  await page.getByRole('heading', { name: 'Questions' }).waitFor();
  for (const q of await page.locator('fieldset.yes-no').all()) await q.getByLabel('No').check();
  await page.locator('fieldset.yes-no', { hasText: 'over the duty-free allowance' }).getByLabel('Yes').check();
  await next(page);
  await page.getByRole('heading', { name: 'Goods you are bringing' }).waitFor();
  await page.getByRole('button', { name: 'Add alcohol' }).click();
  await page.getByLabel('Kind').selectOption('whisky_brandy');
  await page.getByLabel('Bottles').fill('5');
  await page.getByLabel('Volume per bottle (ml)').fill('700');
  for (const [i, [what, price]] of [['Handbag', '150000'], ['Watch', '120000']].entries()) {
    await page.getByRole('button', { name: 'Add goods' }).click();
    await page.getByLabel('What is it?').nth(i).fill(what!);
    await page.getByLabel('How many').nth(i).fill('1');
    await page.getByLabel('Price of one').nth(i).fill(price!);
  }
  await next(page);
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
}

describe('a traveller declares goods and passes the gate', () => {
  it('fills the declaration in English one page at a time, and the pages still load offline', async () => {
    const { context, page } = await newPage(e, { lang: 'en', mobile: true, serviceWorker: true });
    await fillInEnglish(page);
    expect(await page.locator('.summary-list--check').textContent()).toContain('SMITH JANE');
    await screenshot(page, 'traveller-check');

    // The app shell is cached by the service worker: offline, a reload still shows the saved answers.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByRole('heading', { name: 'About you' }).waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'About you' }).waitFor();
    expect(await page.getByLabel('Family name (as in your passport)').inputValue()).toBe('Smith');
    // The languages of Japan's visitors: the same page in Chinese and Korean.
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { name: '关于您' }).waitFor();
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '본인 정보' }).waitFor();
    await context.close();
  });

  it('gets the duty on the excess and a QR code that the gate accepts once, then refuses as a replay', async () => {
    const { context, page } = await newPage(e, { lang: 'en', mobile: true });
    await fillInEnglish(page);
    await page.getByRole('button', { name: 'Send the declaration' }).click();
    await page.getByRole('heading', { name: 'Declaration sent' }).waitFor();
    // 1,400 ml × 800 yen/L = 1,120 yen on the whisky; 15 % of 72,000 yen (120,000 × 0.6) = 10,800 yen on the watch.
    expect(await page.locator('[data-testid=passenger-duty]').textContent()).toContain('11,900');
    const qr = page.locator('[data-testid=qr]');
    await qr.waitFor();
    await screenshot(page, 'traveller-qr');

    // Decode the code from what the screen shows, as the gate's camera would.
    const png = PNG.sync.read(await qr.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(code).not.toBeNull();
    const token = code!.data;

    const first = await apiCall<{ verdict: string }>(e, 'POST', '/api/v1/gate/verify', e.tp.keys.officer, { token });
    expect(first.status).toBe(200);
    expect(['valid', 'accepted']).toContain(first.body.verdict);
    const second = await apiCall<{ verdict: string }>(e, 'POST', '/api/v1/gate/verify', e.tp.keys.officer, { token });
    expect(second.body.verdict).toBe('replay');

    // The officer's gate view shows the same verdict in words.
    const gate = await newPage(e, { lang: 'en', apiKey: e.tp.keys.officer });
    await gate.page.goto('/gate');
    await gate.page.getByLabel('QR code content').fill(token);
    await gate.page.getByRole('button', { name: 'Verify' }).click();
    await gate.page.locator('[data-verdict=replay]').waitFor();
    await gate.context.close();
    await context.close();
  });
});
