import jsqrImport from 'jsqr';
import { PNG } from 'pngjs';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GatePassVerifier,
  MemoryReplayGuard,
  assessPassenger,
  gatePassQrDataUrl,
  generateGateKey,
  issueGatePass,
  validateDeclaration,
} from '../../src/modules/passengers/index.ts';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium, startWebOnly } from './support/e2e.ts';

// Pictures of pages on stand-in data go to the git-ignored test-results/, never to docs/ (which shows real data).
const shot = (page: Page, name: string) => page.screenshot({ path: join('test-results', 'screenshots', `${name}.png`), fullPage: true });

/**
 * The pages built on endpoints that are still being written, driven in Chromium against responses in the shape of
 * their published contracts (issue 3 item 4, issue 6, issue 7). The end-to-end versions of these journeys run on
 * the real platform in the other files once the endpoints exist; these keep the pages honest until then, and after.
 */
type JsQr = typeof import('jsqr').default;
const jsQR: JsQr = (jsqrImport as unknown as { default?: JsQr }).default ?? (jsqrImport as unknown as JsQr);

let web: Awaited<ReturnType<typeof startWebOnly>>;
let base: string;
let browser: Browser;
beforeAll(async () => {
  web = await startWebOnly();
  base = web.baseUrl;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
});

async function open(lang: 'ja' | 'en', key?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block', locale: 'en-GB' });
  await context.addInitScript(
    ([l, k]) => {
      localStorage.setItem('smart-customs.lang', l ?? 'en');
      if (k) sessionStorage.setItem('smart-customs.apiKey', k);
    },
    [lang, key ?? ''] as const,
  );
  return context.newPage();
}
const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

const ASSESSMENT = {
  date: '2026-11-20',
  scheduleVersion: 'test',
  items: [
    {
      code9: '610910000',
      appliedRate: { column: 'rate_wto', text: '10.9%' },
      alternatives: [{ column: 'epa_cptpp', text: '無税', dutyYen: 0, differenceYen: -52300, requires: 'proof of origin under CPTPP' }],
      customsValueYen: 480000,
      dutyYen: 52300,
      consumptionTaxYen: 41500,
      localConsumptionTaxYen: 11700,
      notes: [{ code: 'ASSESSMENT.CIF', message: 'CIF value from the invoice' }],
    },
  ],
  totals: { customsValueYen: 480000, dutyYen: 52300, consumptionTaxYen: 41500, localConsumptionTaxYen: 11700, totalYen: 105500 },
  exchangeRates: [{ currency: 'USD', rate: '150.00', source: 'request' }],
  assumptions: [],
};

describe('pages on the published API contracts', () => {
  it('search shows codes, words and rates in the language of the page', async () => {
    const page = await open('ja');
    const asked: string[] = [];
    await page.route('**/api/v1/tariff/search?**', (route) => {
      asked.push(route.request().url());
      return json(route, { items: [{ code9: '090111000', hs6: '090111', descriptionJa: 'カフェインを除いてないもの', descriptionEn: 'Coffee; not roasted or decaffeinated', path: ['コーヒー', 'カフェインを除いてないもの'], rates: { rate_general: { text: '無税' }, rate_wto: '(無税)' } }] });
    });
    await page.goto('/?q=コーヒー豆');
    await page.locator('li.result[data-code9="090111000"]').waitFor();
    expect(await page.locator('.result__desc').textContent()).toBe('カフェインを除いてないもの');
    expect(await page.locator('.rates-inline').textContent()).toContain('WTO協定税率(無税)');
    expect(asked[0]).toContain('lang=ja');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.result__desc', { hasText: 'Coffee; not roasted' }).waitFor();
    expect(asked.at(-1)).toContain('lang=en');
    await page.context().close();
  });

  it('the estimator sends the assessment request and shows the totals and the cheaper EPA rate', async () => {
    const page = await open('en');
    let sent: unknown = null;
    await page.route('**/api/v1/assessments', (route) => {
      sent = route.request().postDataJSON();
      return json(route, ASSESSMENT);
    });
    await page.goto('/estimate?code9=610910000');
    await page.getByLabel('Country of origin').fill('VN');
    await page.getByLabel('Value of the goods').fill('3200.00');
    await page.getByLabel('Exchange rate (yen per unit)').fill('150');
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await page.locator('[data-testid=grand-total]').waitFor();
    expect(sent).toEqual({ incoterm: 'CIF', exchangeRates: { USD: '150' }, items: [{ code9: '610910000', originCountry: 'VN', value: { amount: '3200.00', currency: 'USD' } }] });
    expect(await page.locator('[data-testid=grand-total]').textContent()).toMatch(/105,500/);
    expect(await page.locator('[data-testid=savings]').textContent()).toContain('CPTPP (TPP11) rate');
    await shot(page, 'contract-estimate');
    await page.context().close();
  });

  it('the estimator puts the server problems next to their fields', async () => {
    const page = await open('en');
    await page.route('**/api/v1/assessments', (route) =>
      json(route, { code: 'REQUEST.VALIDATION', message: '1 problem', details: { problems: [{ path: '$.items[0].code9', code: 'ASSESSMENT.UNKNOWN_LINE', message: 'No line 999999999' }] } }, 422),
    );
    await page.goto('/estimate?code9=999999999');
    await page.getByLabel('Country of origin').fill('VN');
    await page.getByLabel('Value of the goods').fill('10');
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await expect.poll(() => page.locator('#f-items-0-code9-error').getAttribute('data-code')).toBe('ASSESSMENT.UNKNOWN_LINE');
    await page.context().close();
  });

  it("a trader's declaration shows duty, savings, lane and what is requested; an officer's shows the reasons and sends a finding", async () => {
    const decl = {
      id: 'dcl_contract1',
      kind: 'import',
      status: 'lane_assigned',
      version: 1,
      lrn: 'LRN-CONTRACT',
      lane: 'red',
      assessment: { ...ASSESSMENT, totalYen: 105500 },
      warnings: [],
      createdAt: '2026-11-20T01:00:00Z',
      updatedAt: '2026-11-20T01:00:01Z',
      data: { customsOffice: '1A', declarant: { name: 'D' }, importer: { name: 'Kissa Trading KK' }, transport: { mode: 'sea', date: '2026-11-20', port: 'JPTYO' }, items: [{ code9: '610910000', description: 'T-shirts', originCountry: 'VN', invoiceValue: { amount: '3200.00', currency: 'USD' } }] },
    };
    const history = { id: decl.id, events: [{ seq: 1, type: 'lane_assigned', actor: 'system', version: 1, at: '2026-11-20T01:00:01Z', payload: {} }] };
    const trader = await open('en', 'trader-key');
    await trader.route('**/api/v1/declarations/dcl_contract1/history', (r) => json(r, history));
    await trader.route('**/api/v1/declarations/dcl_contract1', (r) => json(r, { ...decl, requested: 'Present the goods for examination.', howToContest: 'Ask for re-examination within three months.' }));
    await trader.goto('/trader/declarations/dcl_contract1');
    await trader.locator('[data-testid=requested]').waitFor();
    expect(await trader.locator('[data-lane]').first().getAttribute('data-lane')).toBe('red');
    expect(await trader.locator('[data-testid=savings]').textContent()).toContain('saves');
    expect(await trader.getByText('Why it was selected').count()).toBe(0);
    await trader.context().close();

    const officer = await open('en', 'officer-key');
    let finding: unknown = null;
    await officer.route('**/api/v1/declarations/dcl_contract1/history', (r) => json(r, history));
    await officer.route('**/api/v1/declarations/dcl_contract1/findings', (r) => {
      if (r.request().method() !== 'POST') return json(r, { items: [] });
      finding = r.request().postDataJSON();
      return json(r, { findingId: 'fnd_1', officerId: 'prn_1', at: '2026-11-20T02:00:00Z', ...(finding as object) }, 201);
    });
    await officer.route('**/api/v1/declarations/dcl_contract1', (r) =>
      json(r, { ...decl, risk: { lane: 'red', reasons: [{ code: 'RULE_HIT', text: 'T-shirts from VN under 2 USD a piece', source: 'rule' }], score: 0.87, modelVersion: 'gbdt-2026-11-01', control: false, noModel: false } }),
    );
    await officer.goto('/officer/declarations/dcl_contract1');
    await officer.getByText('T-shirts from VN under 2 USD a piece').waitFor();
    // The score and its model version are shown apart from why the declaration was selected.
    expect(await officer.locator('[data-testid=model-version]').textContent()).toContain('gbdt-2026-11-01');
    expect(await officer.locator('[data-testid=risk]').textContent()).toContain('T-shirts from VN under 2 USD a piece');
    await officer.getByLabel('Discrepancy affecting duty or tax').check();
    await officer.getByLabel('Additional duty and tax (yen)').fill('12000');
    await officer.getByLabel('Note (optional)').fill('Quantity short by 200 pieces.');
    await officer.getByRole('button', { name: 'Record finding' }).click();
    await officer.getByText('The finding has been recorded.').waitFor();
    await shot(officer, 'contract-officer-declaration');
    expect(finding).toEqual({ kind: 'discrepancy_revenue', revenueYen: 12000, note: 'Quantity short by 200 pieces.' });
    await officer.context().close();
  });

  it('the dashboard draws lanes per day and the targeted and control hit rates', async () => {
    const page = await open('en', 'analyst-key');
    await page.route('**/api/v1/stats/dashboard', (r) =>
      json(r, {
        perDay: [
          { date: '2026-11-19', declarations: 40, green: 30, yellow: 6, red: 4 },
          { date: '2026-11-20', declarations: 52, green: 41, yellow: 7, red: 4 },
        ],
        hitRate: { targeted: { inspected: 80, hits: 22 }, control: { inspected: 40, hits: 2 } },
        modelVersion: 'gbdt-2026-11-01',
      }),
    );
    await page.goto('/officer/dashboard');
    await page.locator('[data-testid=model-version]', { hasText: 'gbdt-2026-11-01' }).waitFor();
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByText('Targeted: 27.5%').count()).toBe(1);
    expect(await page.getByText('Random control: 5%').count()).toBe(1);
    await shot(page, 'contract-dashboard');
    await page.context().close();
  });

  it('the traveller gets the duty and a QR code that a gate verifies once and then refuses as a replay', async () => {
    const key = generateGateKey('contract-k1');
    const page = await open('en');
    await page.route('**/api/v1/passenger-declarations', async (route) => {
      const body = route.request().postDataJSON() as { declaration: unknown };
      const valid = validateDeclaration(body.declaration);
      if (!valid.ok) return json(route, valid.error.toJSON(), 422);
      const assessment = assessPassenger(valid.value);
      if (!assessment.ok) return json(route, assessment.error.toJSON(), 422);
      const token = issueGatePass(key, { declarationId: 'pdec_contract', declaration: valid.value, flightNumber: valid.value.flight.flightNumber, arrivalDate: valid.value.arrivalDate, issuedAt: Math.floor(Date.now() / 1000), ttlSeconds: 86_400 });
      return json(route, { id: 'pdec_contract', assessment: assessment.value, qr: { token, pngDataUrl: await gatePassQrDataUrl(token) } }, 201);
    });
    await page.goto('/traveller');
    await page.evaluate(() => {
      const v: Record<string, string> = {
        'traveller.familyName': 'Smith', 'traveller.givenNames': 'Jane', 'traveller.dateOfBirth': '1988-05-17', 'traveller.nationality': 'GBR',
        'flight.flightNumber': 'BA005', arrivalDate: '2026-12-01',
        'goods.alcohol.0.kind': 'whisky_brandy', 'goods.alcohol.0.bottles': '5', 'goods.alcohol.0.volumeMl': '700',
        'goods.other.0.description': 'Handbag', 'goods.other.0.quantity': '1', 'goods.other.0.unitValue.amount': '150000',
        'goods.other.1.description': 'Watch', 'goods.other.1.quantity': '1', 'goods.other.1.unitValue.amount': '120000',
      };
      for (const a of ['prohibitedOrRestrictedGoods', 'goodsOverAllowance', 'commercialGoodsOrSamples', 'goodsCarriedForOthers', 'cashOver1MillionYen', 'unaccompaniedBaggage']) v[`answers.${a}`] = a === 'goodsOverAllowance' ? 'yes' : 'no';
      localStorage.setItem('smart-customs.traveller.draft', JSON.stringify(v));
      localStorage.setItem('smart-customs.traveller.rows', JSON.stringify({ alcohol: 1, perfume: 0, other: 2 }));
    });
    await page.reload();
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send the declaration' }).click();
    await page.getByRole('heading', { name: 'Declaration sent' }).waitFor();
    // 1,400 ml × 800 yen/L = 1,120 yen on the whisky; 15 % of 72,000 yen (120,000 × 0.6) = 10,800 yen on the watch.
    expect(await page.locator('[data-testid=passenger-duty]').textContent()).toContain('11,900');
    expect(await page.locator('tbody tr').count()).toBe(4);

    await shot(page, 'contract-traveller-qr');
    const img = PNG.sync.read(await page.locator('[data-testid=qr]').screenshot());
    const code = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height);
    expect(code).not.toBeNull();
    const gate = new GatePassVerifier({ keys: [{ kid: key.kid, key: key.publicJwk }], replayGuard: new MemoryReplayGuard() });
    expect((await gate.verify(code!.data)).verdict).toBe('valid');
    expect((await gate.verify(code!.data)).verdict).toBe('replay');
    await page.context().close();
  });
});
