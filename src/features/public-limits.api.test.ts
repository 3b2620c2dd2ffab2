import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { ANONYMOUS_ASSESSMENT_ITEMS } from './tariff.feature.ts';

let t: TestPlatform;
const item = { code9: '610910020', originCountry: 'CN', value: { amount: '100', currency: 'USD' }, quantities: [{ amount: '10', unit: 'NO' }, { amount: '2', unit: 'KG' }] };
const quote = (items: unknown[], headers: Record<string, string> = {}) =>
  t.platform.app.inject({ method: 'POST', url: '/api/v1/assessments', headers, payload: { date: '2026-11-20', exchangeRates: { USD: '150' }, items } });

beforeAll(async () => {
  t = await startTestPlatform({ publicRateLimitPerMinute: 3 });
});
afterAll(async () => t?.platform.close());

describe('anonymous CPU-heavy routes', () => {
  it(`refuses more than ${ANONYMOUS_ASSESSMENT_ITEMS} items per anonymous assessment, and takes them from a signed-in caller`, async () => {
    const many = Array.from({ length: ANONYMOUS_ASSESSMENT_ITEMS + 1 }, () => item);
    const anonymous = await quote(many);
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([422, 'ASSESSMENT.INVALID_FIELD']);
    expect(anonymous.json().details.problems[0].path).toBe('$.items');
    const signedIn = await quote(many, { authorization: `Bearer ${t.keys.trader}` });
    expect(signedIn.statusCode).toBe(200);
  });

  it('limits anonymous assessments per IP (429 REQUEST.RATE_LIMITED), not signed-in callers', async () => {
    // the refused request above counted as one of the three
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await quote([item])).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await quote([item]);
    expect(limited.json().code).toBe('REQUEST.RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await quote([item], { authorization: `Bearer ${t.keys.trader}` })).statusCode).toBe(200);
  });

  it('limits anonymous tariff searches per IP', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.platform.app.inject({ url: '/api/v1/tariff/search?q=coffee' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const signedIn = await t.platform.app.inject({ url: '/api/v1/tariff/search?q=coffee', headers: { authorization: `Bearer ${t.keys.officer}` } });
    expect(signedIn.statusCode).toBe(200);
  });
});
