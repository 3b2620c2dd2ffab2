import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await startTestPlatform();
  await t.platform.app.inject({
    method: 'POST',
    url: '/api/v1/exchange-rates',
    headers: auth(t.keys.officer),
    payload: { rates: [{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '150.00', source: 'test week' }] },
  });
});
afterAll(async () => {
  await t.platform.close();
});

describe('declaration spine', () => {
  it('assesses on acceptance, scores, assigns a lane and stores both with the declaration', async () => {
    // 5,400 USD × 150 = 810,000 yen; green coffee 0901.11 is duty-free (無税); consumption tax at the reduced rate
    // 6.24 % of 810,000 = 50,544 → 50,500; local 22/78 of 50,500 = 14,243.5 → 14,200.
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader), payload: sampleDeclaration() });
    const d = res.json();
    expect(d.status === 'lane_assigned' || d.status === 'released').toBe(true);
    expect(['green', 'yellow', 'red']).toContain(d.lane);
    expect(d.assessment.totals).toMatchObject({ customsValueYen: 810_000, dutyYen: 0, consumptionTaxYen: 50_500, localConsumptionTaxYen: 14_200 });
    expect(d.risk).toBeUndefined();
    expect(d.requested).toEqual(expect.any(String));
    const officerView = (await t.platform.app.inject({ url: `/api/v1/declarations/${d.id}`, headers: auth(t.keys.officer) })).json();
    expect(officerView.risk.noModel).toBe(true);
    expect(officerView.risk.reasons.length).toBeGreaterThan(0);
  });

  it('stops at accepted, with the problem on the history, when no exchange rate covers the date', async () => {
    const decl = sampleDeclaration({ transport: { mode: 'sea', date: '2026-12-01', port: 'JPTYO', transportDocument: { type: 'BL', number: 'MSCU7654321' } } });
    const d = (await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader), payload: decl })).json();
    expect(d.status).toBe('accepted');
    expect(d.lane).toBeNull();
    const h = (await t.platform.app.inject({ url: `/api/v1/declarations/${d.id}/history`, headers: auth(t.keys.officer) })).json();
    const failed = h.events.find((e: { type: string }) => e.type === 'assessment_failed');
    expect(failed.payload.problems[0].code).toBe('ASSESSMENT.NO_EXCHANGE_RATE');
  });

  it('quotes on the public assessment contract and names a missing rate', async () => {
    const ok = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { date: '2026-11-20', exchangeRates: { USD: '150' }, items: [{ code9: '610910020', originCountry: 'CN', value: { amount: '100', currency: 'USD' }, quantities: [{ amount: '10', unit: 'NO' }, { amount: '2', unit: 'KG' }] }] },
    });
    expect(ok.statusCode).toBe(200);
    // 100 USD × 150 = 15,000 yen; WTO 7.4 % (lower than general 11.2 %) = 1,110 → total duty truncated to 1,100.
    expect(ok.json().items[0].appliedRate.column).toBe('rate_wto');
    expect(ok.json().totals.dutyYen).toBe(1_100);
    const noRate = await t.platform.app.inject({ method: 'POST', url: '/api/v1/assessments', payload: { date: '2026-11-20', items: [{ code9: '610910020', originCountry: 'CN', value: { amount: '100', currency: 'GBP' } }] } });
    expect(noRate.statusCode).toBe(422);
    expect(noRate.json().code).toBe('ASSESSMENT.NO_EXCHANGE_RATE');
  });

  it('records an officer finding and refuses a revenue finding without an amount', async () => {
    const d = (await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader), payload: sampleDeclaration() })).json();
    const f = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/findings`, headers: auth(t.keys.officer), payload: { item: 0, kind: 'discrepancy_revenue', revenueYen: 12_000, note: 'undervalued' } });
    expect(f.statusCode).toBe(201);
    const bad = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/findings`, headers: auth(t.keys.officer), payload: { kind: 'discrepancy_revenue' } });
    expect(bad.statusCode).toBe(422);
    const byTrader = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/findings`, headers: auth(t.keys.trader), payload: { kind: 'no_discrepancy' } });
    expect(byTrader.statusCode).toBe(403);
  });
});
