import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const inject = (method: 'GET' | 'POST' | 'PUT', url: string, key: string, payload?: unknown) =>
  t.platform.app.inject({ method, url, headers: auth(key), ...(payload === undefined ? {} : { payload: payload as object }) });

/** T-shirts from China by a small importer: the pattern the generated findings make risky. */
const risky = (n: number) =>
  sampleDeclaration({
    lrn: `LRN-RISKY-${n}`,
    importer: { name: 'Shady Imports KK', country: 'JP' },
    seller: { name: 'Quick Garments Ltd', country: 'CN' },
    transport: { mode: 'sea', date: '2026-11-20', port: 'JPTYO', portOfLoading: 'CNSHA', transportDocument: { type: 'BL', number: `COSU${1000000 + n}` } },
    items: [
      {
        code9: '610910020',
        description: 'T-shirts of cotton, knitted',
        originCountry: 'CN',
        quantities: [{ amount: String(500 + n), unit: 'NO' }, { amount: '100', unit: 'KG' }],
        netMassKg: '100',
        invoiceValue: { amount: `${300 + n}.00`, currency: 'USD' },
      },
    ],
  });
const clean = (n: number) => sampleDeclaration({ lrn: `LRN-CLEAN-${n}` });

async function declare(body: Record<string, unknown>): Promise<string> {
  const r = await inject('POST', '/api/v1/declarations', t.keys.trader, body);
  expect(r.statusCode).toBe(201);
  return r.json().id;
}

beforeAll(async () => {
  t = await startTestPlatform();
  await inject('POST', '/api/v1/exchange-rates', t.keys.officer, {
    rates: [{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '150.00', source: 'test week' }],
  });
});
afterAll(async () => {
  await t.platform.close();
});

describe('model training, registry and reports', () => {
  it('refuses to train without enough findings, saying how many are needed', async () => {
    const r = await inject('POST', '/api/v1/risk/train', t.keys.analyst, {});
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'RISK.NOT_ENOUGH_LABELS', details: { needed: { items: 40 }, have: { items: 0 } } });
  });

  it('trains on recorded findings, promotes, scores new declarations with the model and rolls back', async () => {
    for (let i = 0; i < 30; i++) {
      const bad = await declare(risky(i));
      const ok = await declare(clean(i));
      // A quarter of the risky ones turn out fine, so the model has to learn a rate, not a rule.
      const f1 = i % 4 === 3 ? { kind: 'no_discrepancy' } : { item: 0, kind: 'discrepancy_revenue', revenueYen: 20_000 + i };
      expect((await inject('POST', `/api/v1/declarations/${bad}/findings`, t.keys.officer, f1)).statusCode).toBe(201);
      expect((await inject('POST', `/api/v1/declarations/${ok}/findings`, t.keys.officer, { kind: 'no_discrepancy' })).statusCode).toBe(201);
    }
    expect((await inject('POST', '/api/v1/risk/train', t.keys.officer, {})).statusCode).toBe(403);

    const trained = await inject('POST', '/api/v1/risk/train', t.keys.analyst, {});
    expect(trained.statusCode).toBe(201);
    const v1 = trained.json();
    expect(v1).toMatchObject({ status: 'candidate', labelledItems: 60, version: expect.stringMatching(/^gbdt-/) });
    expect(v1.metrics).toMatchObject({ auc: expect.any(Number), precisionAt5: expect.any(Number), precisionAt10: expect.any(Number), trainItems: 45, validItems: 15 });
    let models = (await inject('GET', '/api/v1/risk/models', t.keys.officer)).json();
    expect(models).toMatchObject({ active: null, serving: null, versions: [{ version: v1.version, status: 'candidate', metrics: { auc: v1.metrics.auc } }] });

    // A policy whose model share is large enough that a risky declaration is selected by the model even before
    // the thresholds have a history (cold start).
    const policy = (await inject('GET', '/api/v1/risk/policy', t.keys.analyst)).json();
    expect((await inject('PUT', '/api/v1/risk/policy', t.keys.analyst, { ...policy, budget: { red: 0.5, yellow: 0.4 } })).statusCode).toBe(200);

    expect((await inject('POST', `/api/v1/risk/models/${v1.version}/promote`, t.keys.officer)).statusCode).toBe(403);
    const promoted = await inject('POST', `/api/v1/risk/models/${v1.version}/promote`, t.keys.analyst);
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().active).toBe(v1.version);
    expect(t.platform.risk.modelVersion()).toBe(v1.version);

    const id = await declare(risky(99));
    const seen = (await inject('GET', `/api/v1/declarations/${id}`, t.keys.officer)).json();
    expect(seen.risk).toMatchObject({ modelVersion: v1.version, noModel: false });
    expect(seen.lane).not.toBe('green');
    expect(seen.risk.reasons).toContainEqual(expect.objectContaining({ code: 'MODEL_SCORE', source: 'model' }));
    const explained = seen.risk.reasons.filter((r: { source: string; code: string }) => r.source === 'model' && r.code !== 'MODEL_SCORE');
    expect(explained.length).toBeGreaterThan(0);
    expect(explained[0].text).toMatch(/^Item 1: /);
    const traderView = await inject('GET', `/api/v1/declarations/${id}`, t.keys.trader);
    expect(traderView.body).not.toContain('MODEL_SCORE');

    expect((await inject('POST', '/api/v1/risk/models/rollback', t.keys.analyst)).json().code).toBe('RISK.NO_PREVIOUS_MODEL');
    const v2 = (await inject('POST', '/api/v1/risk/train', t.keys.admin, { promote: true })).json();
    expect(v2.status).toBe('active');
    expect(t.platform.risk.modelVersion()).toBe(v2.version);
    const back = await inject('POST', '/api/v1/risk/models/rollback', t.keys.analyst);
    expect(back.statusCode).toBe(200);
    expect(back.json().active).toBe(v1.version);
    expect(t.platform.risk.modelVersion()).toBe(v1.version);
    const rejected = await inject('POST', `/api/v1/risk/models/${v2.version}/reject`, t.keys.analyst);
    expect(rejected.json().code).toBe('RISK.MODEL_NOT_PROMOTABLE'); // retired, not a candidate
    models = (await inject('GET', '/api/v1/risk/models', t.keys.analyst)).json();
    expect(models.versions.map((v: { status: string }) => v.status)).toEqual(['active', 'retired']);
    expect(models.log.map((l: { action: string }) => l.action)).toEqual(['register', 'promote', 'register', 'promote', 'rollback']);
  });

  it('reports control precision, selection rates, audit targets and the dashboard', async () => {
    const cp = await inject('GET', '/api/v1/risk/control-precision?days=30', t.keys.officer);
    expect(cp.statusCode).toBe(200);
    expect(cp.json()).toMatchObject({ control: { inspected: expect.any(Number) }, targeted: { inspected: expect.any(Number) }, pending: expect.any(Number) });

    const rates = (await inject('GET', '/api/v1/risk/selection-rates', t.keys.analyst)).json();
    expect(rates.byOrigin.map((g: { group: string }) => g.group).sort()).toEqual(['BR', 'CN']);
    expect(rates.byOrigin.find((g: { group: string }) => g.group === 'CN').declarations).toBe(31);
    expect(rates.byImporterSize.map((g: { group: string }) => g.group)).toEqual(['small']);

    const audit = (await inject('GET', '/api/v1/risk/audit-targets?limit=5', t.keys.officer)).json().items;
    const shady = audit.find((a: { importerId: string }) => a.importerId === 'Shady Imports KK');
    expect(shady).toMatchObject({ declarations: 31, inspections: 30, discrepancies: 23 });
    expect(shady.reasons.map((r: { code: string }) => r.code)).toContain('PAST_DISCREPANCIES');
    expect(audit[0].rank).toBe(1);

    const dash = (await inject('GET', '/api/v1/stats/dashboard', t.keys.analyst)).json();
    expect(Object.keys(dash).sort()).toEqual(['hitRate', 'modelVersion', 'perDay']);
    expect(dash.perDay).toHaveLength(30);
    const today = dash.perDay[29];
    expect(today).toEqual({ date: new Date().toISOString().slice(0, 10), declarations: 61, green: expect.any(Number), yellow: expect.any(Number), red: expect.any(Number) });
    expect(today.green + today.yellow + today.red).toBe(61);
    expect(dash.hitRate).toEqual({ targeted: { inspected: expect.any(Number), hits: expect.any(Number) }, control: { inspected: expect.any(Number), hits: expect.any(Number) } });
    expect(dash.modelVersion).toBe(t.platform.risk.modelVersion());
    expect((await inject('GET', '/api/v1/stats/dashboard', t.keys.trader)).statusCode).toBe(403);
  });
});
