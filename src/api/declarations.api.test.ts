import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.platform.close();
});

async function create(body: unknown, key = t.keys.trader, headers: Record<string, string> = {}) {
  return t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: { ...auth(key), ...headers }, payload: body as object });
}

describe('declarations API', () => {
  it('creates a declaration and reads it back with its history', async () => {
    const res = await create(sampleDeclaration());
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.id).toMatch(/^dcl_/);
    expect(res.headers['location']).toBe(`/api/v1/declarations/${d.id}`);
    const got = await t.platform.app.inject({ url: `/api/v1/declarations/${d.id}`, headers: auth(t.keys.trader) });
    expect(got.json().data.items[0].code9).toBe('090111000');
    const h = await t.platform.app.inject({ url: `/api/v1/declarations/${d.id}/history`, headers: auth(t.keys.trader) });
    expect(h.json().events.map((e: { type: string }) => e.type).slice(0, 3)).toEqual(['created', 'submitted', 'accepted']);
  });

  it('warns about the permits other laws require for the line', async () => {
    const d = (await create(sampleDeclaration())).json();
    expect(d.warnings[0].code).toBe('DECLARATION.OTHER_LAWS_PERMIT_REQUIRED');
    expect(d.warnings[0].permits.map((p: { code: string }) => p.code)).toEqual(['FD', 'PL']);
    // Whom to ask: the ministry that grants each permit.
    expect(d.warnings[0].permits.map((p: { ministry?: string }) => p.ministry?.slice(0, 5))).toEqual(['厚生労働省', '農林水産省']);
  });

  it('keeps a draft when submit is false and submits it later', async () => {
    const d = (await create({ ...sampleDeclaration(), submit: false })).json();
    expect(d.status).toBe('draft');
    const s = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/submit`, headers: auth(t.keys.trader) });
    expect(s.json().status).not.toBe('draft');
  });

  it('lists every problem at once with its code and JSON path', async () => {
    const bad = sampleDeclaration({
      importer: undefined,
      items: [
        { code9: '999999999', description: 'x', originCountry: 'ZZ', quantities: [{ amount: '1', unit: 'KG' }], invoiceValue: { amount: '0', currency: 'XXX' } },
        { code9: '090111000', description: 'coffee', originCountry: 'BR', quantities: [{ amount: '5', unit: 'L' }], invoiceValue: { amount: '10', currency: 'USD' } },
      ],
    });
    delete (bad as Record<string, unknown>)['importer'];
    const res = await create(bad);
    expect(res.statusCode).toBe(422);
    const { code, details } = res.json();
    expect(code).toBe('DECLARATION.INVALID');
    const pairs = details.problems.map((p: { code: string; path: string }) => `${p.code} ${p.path}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'DECLARATION.MISSING_PARTY $.importer',
        'DECLARATION.UNKNOWN_TARIFF_CODE $.items[0].code9',
        'DECLARATION.UNKNOWN_COUNTRY $.items[0].originCountry',
        'DECLARATION.UNKNOWN_CURRENCY $.items[0].invoiceValue.currency',
        'DECLARATION.NON_POSITIVE_VALUE $.items[0].invoiceValue.amount',
        'DECLARATION.UNIT_MISMATCH $.items[1].quantities[0].unit',
        'DECLARATION.MISSING_QUANTITY $.items[1].quantities',
      ]),
    );
  });

  it('rejects malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
    const res = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { ...auth(t.keys.trader), 'content-type': 'application/json' },
      payload: '{"kind": "import",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('rejects unknown fields with 422 REQUEST.UNKNOWN_FIELD and the path', async () => {
    const res = await create(sampleDeclaration({ colour: 'blue' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toContainEqual(expect.objectContaining({ code: 'REQUEST.UNKNOWN_FIELD', path: '$.colour' }));
  });

  it('rejects a wrong-typed value with 422 REQUEST.INVALID_VALUE', async () => {
    const res = await create(sampleDeclaration({ kind: 'transit' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('REQUEST.VALIDATION_FAILED');
  });

  it('rejects an oversized body with 413 REQUEST.BODY_TOO_LARGE', async () => {
    const res = await create({ ...sampleDeclaration(), lrn: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('REQUEST.BODY_TOO_LARGE');
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: { ...auth(t.keys.trader), 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers the same Idempotency-Key and body with the same response, and another body with 409', async () => {
    const h = { 'idempotency-key': 'idem-test-1' };
    const a = await create(sampleDeclaration(), t.keys.trader, h);
    const b = await create(sampleDeclaration(), t.keys.trader, h);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const c = await create(sampleDeclaration({ lrn: 'OTHER' }), t.keys.trader, h);
    expect(c.statusCode).toBe(409);
    expect(c.json().code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
  });

  it('requires a key (401) and the right role (403), with codes', async () => {
    const anon = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: sampleDeclaration() });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('AUTH.UNAUTHENTICATED');
    const wrongKey = await create(sampleDeclaration(), 'sc_000000000000_nope');
    expect(wrongKey.json().code).toBe('AUTH.UNAUTHENTICATED');
    const analyst = await create(sampleDeclaration(), t.keys.analyst);
    expect(analyst.statusCode).toBe(403);
    expect(analyst.json().code).toBe('AUTH.FORBIDDEN');
  });

  it("shows a trader only its own declarations; officers see all", async () => {
    const d = (await create(sampleDeclaration(), t.keys.trader)).json();
    const other = await t.platform.app.inject({ url: `/api/v1/declarations/${d.id}`, headers: auth(t.keys.trader2) });
    expect(other.statusCode).toBe(404);
    const list2 = await t.platform.app.inject({ url: '/api/v1/declarations', headers: auth(t.keys.trader2) });
    expect(list2.json().items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    const officer = await t.platform.app.inject({ url: `/api/v1/declarations/${d.id}`, headers: auth(t.keys.officer) });
    expect(officer.statusCode).toBe(200);
  });

  it('pages the list with a cursor', async () => {
    for (let i = 0; i < 3; i++) await create(sampleDeclaration(), t.keys.trader2);
    const p1 = (await t.platform.app.inject({ url: '/api/v1/declarations?limit=2', headers: auth(t.keys.trader2) })).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (await t.platform.app.inject({ url: `/api/v1/declarations?limit=2&cursor=${p1.nextCursor}`, headers: auth(t.keys.trader2) })).json();
    expect(p2.items.length).toBeGreaterThanOrEqual(1);
    expect(p2.items[0].id).not.toBe(p1.items[1].id);
  });

  it('lets an officer hold and then release with a reason, on the history', async () => {
    const d = (await create(sampleDeclaration())).json();
    const noReason = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/decision`, headers: auth(t.keys.officer), payload: { decision: 'hold', reason: ' ' } });
    expect(noReason.json().code).toBe('DECLARATION.REASON_REQUIRED');
    const held = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/decision`, headers: auth(t.keys.officer), payload: { decision: 'hold', reason: 'permit FD missing' } });
    expect(held.json().status).toBe('held');
    const byTrader = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/decision`, headers: auth(t.keys.trader), payload: { decision: 'release', reason: 'x' } });
    expect(byTrader.statusCode).toBe(403);
  });

  it('says who acted by role (and by name to the office, and to a trader for its own steps), never by a bare id', async () => {
    const d = (await create(sampleDeclaration())).json();
    await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/decision`, headers: auth(t.keys.officer), payload: { decision: 'hold', reason: 'permit FD missing' } });
    type Ev = { type: string; actorRole?: string; actorName?: string };
    const read = async (key: string) => (await t.platform.app.inject({ url: `/api/v1/declarations/${d.id}/history`, headers: auth(key) })).json().events as Ev[];
    const asTrader = await read(t.keys.trader);
    expect(asTrader.find((e) => e.type === 'created')).toMatchObject({ actorRole: 'trader', actorName: expect.any(String) });
    expect(asTrader.find((e) => e.type === 'accepted')).toMatchObject({ actorRole: 'system' });
    const hold = asTrader.find((e) => e.type === 'held');
    expect(hold).toMatchObject({ actorRole: 'officer' });
    expect(hold?.actorName).toBeUndefined();
    expect((await read(t.keys.officer)).find((e) => e.type === 'held')).toMatchObject({ actorRole: 'officer', actorName: expect.any(String) });
  });

  it('refuses amendments after release', async () => {
    const d = (await create(sampleDeclaration())).json();
    await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/decision`, headers: auth(t.keys.officer), payload: { decision: 'reject', reason: 'duplicate' } });
    const res = await t.platform.app.inject({ method: 'PUT', url: `/api/v1/declarations/${d.id}`, headers: auth(t.keys.trader), payload: sampleDeclaration() });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DECLARATION.INVALID_TRANSITION');
  });
});

describe('platform API', () => {
  it('reports health of the database and the bus', async () => {
    const res = await t.platform.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true }, bus: { ok: true } });
  });

  it('publishes the OpenAPI document at /docs/json', async () => {
    const res = await t.platform.app.inject({ url: '/docs/json' });
    expect(res.json().paths['/api/v1/declarations']).toBeDefined();
  });

  it('looks up reference data and says what was not found', async () => {
    const line = (await t.platform.app.inject({ url: '/api/v1/reference/tariff-lines/090111000' })).json();
    expect(line.rates.rate_general.text).toBe('無税');
    const missing = await t.platform.app.inject({ url: '/api/v1/reference/tariff-lines/123456789' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'REFERENCE.TARIFF_LINE_NOT_FOUND', details: { code9: '123456789' } });
    expect((await t.platform.app.inject({ url: '/api/v1/reference/locations/JPTYO' })).json().name).toBe('Tokyo');
    expect((await t.platform.app.inject({ url: '/api/v1/reference/countries/QQ' })).json().code).toBe('REFERENCE.COUNTRY_NOT_FOUND');
  });

  it('answers unknown routes with 404 REQUEST.NOT_FOUND', async () => {
    const res = await t.platform.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('REQUEST.NOT_FOUND');
  });
});
