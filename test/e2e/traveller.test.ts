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
async function fillInEnglish(page: Page, goods: (page: Page) => Promise<void> = whiskyAndBags): Promise<void> {
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
  await goods(page);
  await next(page);
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
}

async function whiskyAndBags(page: Page): Promise<void> {
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
}

/** The traveller of the report: 5 × 750 ml wine, 400 cigarettes, a 2,500 EUR leather handbag, and 3 key rings. */
async function wineCigarettesHandbag(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add alcohol' }).click();
  await page.getByLabel('Kind').selectOption('wine_beer_other');
  await page.getByLabel('Bottles').fill('5');
  await page.getByLabel('Volume per bottle (ml)').fill('750');
  await page.getByLabel('Cigarettes (number of sticks)').fill('400');
  const goods: [string, string, string, string][] = [['Leather handbag', '1', '2500', 'EUR'], ['Key ring', '3', '5000', 'JPY']];
  for (const [i, [what, n, price, currency]] of goods.entries()) {
    await page.getByRole('button', { name: 'Add goods' }).click();
    await page.getByLabel('What is it?').nth(i).fill(what);
    await page.getByLabel('How many').nth(i).fill(n);
    await page.getByLabel('Price of one').nth(i).fill(price);
    await page.locator(`[name="goods.other.${i}.unitValue.currency"]`).selectOption(currency);
  }
}

/** Decodes the QR code from what the screen shows, as the gate's camera would. */
async function scan(page: Page): Promise<string> {
  const qr = page.locator('[data-testid=qr]');
  await qr.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=qr]')?.getAttribute('style')?.includes('width'));
  const png = PNG.sync.read(await qr.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  expect(code).not.toBeNull();
  return code!.data;
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

  it('gets the duty on the excess and a QR code that sends them to the red channel at the gate, every time', async () => {
    const { context, page } = await newPage(e, { lang: 'en', mobile: true });
    await fillInEnglish(page);
    await page.getByRole('button', { name: 'Send the declaration' }).click();
    await page.getByRole('heading', { name: 'Declaration sent' }).waitFor();
    // 1,400 ml × 800 yen/L = 1,120 yen on the whisky; 15 % of 72,000 yen (120,000 × 0.6) = 10,800 yen on the watch.
    expect(await page.locator('[data-testid=passenger-duty]').textContent()).toContain('11,900');
    expect(await page.locator('[data-testid=passenger-channel]').getAttribute('data-channel')).toBe('red');
    await screenshot(page, 'traveller-qr');
    const token = await scan(page);

    // Duty is payable: the gate never says "valid", and a red-channel pass is not burned by the scan.
    for (let i = 0; i < 2; i++) {
      const r = await apiCall<{ verdict: string; reasons: { code: string }[] }>(e, 'POST', '/api/v1/gate/verify', e.tp.keys.officer, { token });
      expect(r.status).toBe(200);
      expect(r.body.verdict).toBe('red_channel');
      expect(r.body.reasons.map((x) => x.code)).toContain('GATE.DUTY_PAYABLE');
    }
    await context.close();
  });

  it('lets a traveller with nothing to declare through the gate once, then refuses the pass as a replay', async () => {
    const declaration = {
      traveller: { familyName: 'GREEN', givenNames: 'ALEX', dateOfBirth: '1990-01-01', nationality: 'GBR' },
      flight: { flightNumber: 'BA005' },
      arrivalDate: '2026-12-01',
      answers: { prohibitedOrRestrictedGoods: false, goodsOverAllowance: false, commercialGoodsOrSamples: false, goodsCarriedForOthers: false, cashOver1MillionYen: false, unaccompaniedBaggage: false },
    };
    const declared = await apiCall<{ qr: { token: string }; channel: string }>(e, 'POST', '/api/v1/passenger-declarations', null, { declaration });
    expect(declared.body.channel).toBe('green');
    const token = declared.body.qr.token;
    const first = await apiCall<{ verdict: string }>(e, 'POST', '/api/v1/gate/verify', e.tp.keys.officer, { token });
    expect(first.body.verdict).toBe('valid');

    // The officer's gate view shows the second presentation as a replay, in words.
    const gate = await newPage(e, { lang: 'en', apiKey: e.tp.keys.officer });
    await gate.page.goto('/gate');
    await gate.page.getByLabel('QR code content').fill(token);
    await gate.page.getByRole('button', { name: 'Verify' }).click();
    await gate.page.locator('[data-verdict=replay]').waitFor();
    await gate.context.close();
  });
});

describe('the red channel of the report: wine, cigarettes and a dear handbag', () => {
  it('tells the traveller to go to red, with figures that add up, and the gate officer sees why, in English and Japanese', async () => {
    // The week's customs rate for euros, entered as an officer would.
    const rate = await apiCall(e, 'POST', '/api/v1/exchange-rates', e.tp.keys.admin, { rates: [{ currency: 'EUR', validFrom: '2026-11-15', validTo: '2026-12-05', rate: '165.00', source: 'e2e test rate (not an official customs rate)' }] });
    expect(rate.status).toBeLessThan(300);
    const { context, page } = await newPage(e, { lang: 'en', mobile: true });
    await fillInEnglish(page, wineCigarettesHandbag);
    await page.getByRole('button', { name: 'Send the declaration' }).click();
    await page.getByRole('heading', { name: 'Declaration sent' }).waitFor();

    const channel = page.locator('[data-testid=passenger-channel]');
    expect(await channel.getAttribute('data-channel')).toBe('red');
    expect(await channel.textContent()).toContain('Go to the red channel');
    expect(await channel.textContent()).toContain('Some goods must be assessed by an officer.');
    // 1,500 ml × 200 yen/L = 300 yen on the wine, 200 × 15 = 3,000 yen on the cigarettes; the handbag (412,500 yen,
    // taxable 247,000 yen, over the simplified rates' ceiling) is the officer's to assess, not ¥0.
    const headline = await page.locator('[data-testid=passenger-duty]').textContent();
    expect(headline).toContain('¥3,300 plus an amount an officer will assess');
    expect(await page.locator('[data-testid=assessment-sum]').textContent()).toBe('¥3,300');
    const rows = page.locator('[data-testid=assessment-row]');
    const texts = await rows.allTextContents();
    expect(texts.find((r) => r.startsWith('Leather handbag'))).toContain('To be assessed by an officer');
    // Three identical key rings on one row.
    expect(texts.filter((r) => r.startsWith('Key ring'))).toHaveLength(1);
    expect(texts.find((r) => r.startsWith('Key ring'))).toContain('× 3');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/alcohol\[\d\]|wine_beer_other|\b[AB]\d{1,2}\b|B1–B5/);
    await page.screenshot({ path: '/tmp/gate-traveller-result-en.png', fullPage: true });

    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '申告を送信しました' }).waitFor();
    expect(await channel.textContent()).toContain('赤色の検査台');
    expect(await page.locator('[data-testid=passenger-duty]').textContent()).toContain('＋ 税関職員が算定する額');
    const jaRows = await rows.allTextContents();
    expect(jaRows.find((r) => r.startsWith('Leather handbag'))).toContain('税関職員が算定');
    expect(jaRows.find((r) => r.startsWith('ワイン'))).toBeTruthy();
    await page.screenshot({ path: '/tmp/gate-traveller-result-ja.png', fullPage: true });
    const token = await scan(page);
    await context.close();

    for (const lang of ['ja', 'en'] as const) {
      const gate = await newPage(e, { lang, apiKey: e.tp.keys.officer });
      await gate.page.goto('/gate');
      await gate.page.getByLabel(lang === 'ja' ? 'QR コードの内容' : 'QR code content').fill(token);
      await gate.page.getByRole('button', { name: lang === 'ja' ? '確認' : 'Verify', exact: true }).click();
      const verdict = gate.page.locator('[data-verdict=red_channel]');
      await verdict.waitFor();
      const said = (await verdict.textContent()) ?? '';
      if (lang === 'ja') {
        expect(said).toContain('赤の検査台へ');
        expect(said).toContain('関税等 ￥3,300 の納付が必要です');
        expect(said).toContain('職員による税額の算定が必要な物品があります');
        expect(said).not.toContain('通過可');
      } else {
        expect(said).toContain('Red channel');
        expect(said).toContain('Duty and taxes of ¥3,300 are payable');
        expect(said).toContain('Goods to be assessed by an officer');
        expect(said).not.toContain('may pass');
      }
      // The declaration behind the pass, readable: goods and amounts, no raw JSON.
      const details = (await gate.page.locator('.gate-declaration').textContent()) ?? '';
      expect(details).toContain('SMITH JANE');
      expect(details).toContain('Leather handbag');
      expect(details).not.toMatch(/[{}"]/);
      await gate.page.screenshot({ path: `/tmp/gate-red-verdict-${lang}.png`, fullPage: true });
      await gate.context.close();
    }
  });
});

describe('the language a traveller chooses', () => {
  it('holds across the app: Chinese on the traveller pages, whole English (never mixed) on pages without Chinese', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'en-GB', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/traveller');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { name: '关于您' }).waitFor();
    await page.getByRole('link', { name: '智能海关' }).waitFor();
    // A public page has no Chinese: chrome and body are both English, and English is the language shown as chosen.
    await page.goto('/estimate');
    await page.getByRole('link', { name: 'Tariff search' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // (The language switch names each language in itself: 日本語 is a button label, not page text.)
    expect(await page.locator('.header__title').textContent()).toBe('Smart CustomsTariff and duty');
    expect(await page.locator('nav').textContent()).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(await page.locator('footer').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    // Back on the traveller pages the choice made there still holds.
    await page.goto('/traveller');
    await page.getByRole('heading', { name: '关于您' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await context.close();
  });
});
