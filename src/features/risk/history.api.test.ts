import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';

const FIXTURE = readFileSync(new URL('../../../test/fixtures/risk-history-korean.csv', import.meta.url), 'utf8');
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

const upload = (key: string, query: string, body: string) =>
  t.platform.app.inject({ method: 'POST', url: `/api/v1/risk/history${query}`, headers: { ...auth(key), 'content-type': 'text/csv' }, payload: body });

describe('a model from an imported history', () => {
  it('is for analysts: an officer may not import one, and a file with unknown columns gets the required ones', async () => {
    expect((await upload(t.keys.officer, '?promote=true', FIXTURE)).statusCode).toBe(403);
    const bad = await upload(t.keys.analyst, '', 'id,when\n1,2025-01-01\n');
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'RISK.HISTORY_COLUMNS', details: { required: ['declaration_id', 'date', 'hs_code', 'origin', 'outcome'] } });
  });

  it('scores the next declaration at once: officers see the score, its reasons and the model version; the trader none of them', async () => {
    const r = await upload(t.keys.analyst, '?promote=true', FIXTURE);
    expect(r.statusCode).toBe(201);
    const outcome = r.json();
    expect(outcome).toMatchObject({ promoted: true, rowsUsed: 240, rowsSkipped: 2 });
    expect((await t.platform.app.inject({ method: 'GET', url: '/api/v1/risk/models', headers: auth(t.keys.officer) })).json().serving).toBe(outcome.modelId);

    const created = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: auth(t.keys.trader),
      payload: sampleDeclaration({ lrn: 'LRN-SCORED-1' }),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const officer = (await t.platform.app.inject({ method: 'GET', url: `/api/v1/declarations/${id}`, headers: auth(t.keys.officer) })).json();
    expect(officer.risk).toMatchObject({ noModel: false, modelVersion: outcome.modelId, score: expect.any(Number) });
    expect(officer.risk.reasons.map((x: { code: string }) => x.code)).not.toContain('NO_MODEL');
    expect(officer.risk.modelReasons.length).toBeGreaterThan(0);
    expect(officer.risk.modelReasons[0]).toMatchObject({ source: 'model', items: [0], params: expect.any(Object) });

    const traderText = JSON.stringify(
      (await t.platform.app.inject({ method: 'GET', url: `/api/v1/declarations/${id}`, headers: auth(t.keys.trader) })).json(),
    );
    const traderHistory = JSON.stringify(
      (await t.platform.app.inject({ method: 'GET', url: `/api/v1/declarations/${id}/history`, headers: auth(t.keys.trader) })).json(),
    );
    const traderList = JSON.stringify((await t.platform.app.inject({ method: 'GET', url: '/api/v1/declarations', headers: auth(t.keys.trader) })).json());
    for (const text of [traderText, traderHistory, traderList]) {
      expect(text).not.toContain(outcome.modelId);
      expect(text).not.toMatch(/"score"|"modelReasons"|"modelVersion"|history:hs/);
    }
  });
});
