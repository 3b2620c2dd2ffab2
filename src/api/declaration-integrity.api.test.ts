import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

/**
 * Decisions stick to what the officer saw: amendments keep a selected or held declaration with the officer and never
 * lower its lane, every action carries the version it was made on, payments survive amendments, and a trader declares
 * only for the parties bound to it.
 */
let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const inject = (method: Method, url: string, key: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.platform.app.inject({ method, url, headers: { ...auth(key), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

const withOrigin = (origin: string, over: Record<string, unknown> = {}) => {
  const base = sampleDeclaration();
  const item = (base['items'] as Record<string, unknown>[])[0]!;
  return { ...base, items: [{ ...item, originCountry: origin }], ...over };
};
const create = async (body: Record<string, unknown>, key = t.keys.trader) => {
  const res = await inject('POST', '/api/v1/declarations', key, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const amend = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}, key = t.keys.trader) =>
  inject('PUT', `/api/v1/declarations/${id}`, key, body, headers);
const decide = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  inject('POST', `/api/v1/declarations/${id}/decision`, t.keys.officer, body, headers);
const history = async (id: string, key = t.keys.officer) =>
  (await inject('GET', `/api/v1/declarations/${id}/history`, key)).json().events as { type: string; actor: string; version: number; payload: Record<string, unknown> }[];

beforeAll(async () => {
  t = await startTestPlatform();
  await inject('POST', '/api/v1/exchange-rates', t.keys.officer, {
    rates: [{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '150.00', source: 'test week' }],
  });
  // Only the analyst's rule selects here (no random budget), so the lanes below are deterministic.
  const policy = await inject('PUT', '/api/v1/risk/policy', t.keys.analyst, {
    version: 'rules-only',
    unit: 'declarations',
    budget: { red: 0, yellow: 0 },
    controlShare: 0,
    controlLane: 'red',
    explorationShare: 0,
    explorationLane: 'yellow',
    aeoFactor: 0.5,
  });
  expect(policy.statusCode, policy.body).toBe(200);
  const rule = await inject('POST', '/api/v1/risk/rules', t.keys.analyst, {
    name: 'Coffee from CN',
    lane: 'yellow',
    reason: 'document check of Chinese coffee',
    criteria: { originCountries: ['CN'] },
    validFrom: '2026-01-01',
    active: true,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(async () => {
  await t.platform.close();
});

describe('amendments after an officer is involved', () => {
  it('keeps a held declaration held when the trader amends it, with who and what changed on the history', async () => {
    const d = await create(withOrigin('BR'));
    expect(d).toMatchObject({ status: 'lane_assigned', lane: 'green' });
    expect((await decide(d.id, { decision: 'hold', reason: 'permit FD missing' })).json().status).toBe('held');

    const same = await amend(d.id, withOrigin('BR'));
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ status: 'held', version: 2 });
    const changed = await amend(d.id, withOrigin('BR', { lrn: 'LRN-CHANGED' }));
    expect(changed.json()).toMatchObject({ status: 'held', version: 3 });

    const events = await history(d.id);
    const amended = events.filter((e) => e.type === 'amended');
    expect(amended).toHaveLength(2);
    expect(amended[1]).toMatchObject({ version: 3, payload: { from: 'held', to: 'held', changes: [{ path: '$.lrn', from: 'LRN-0001', to: 'LRN-CHANGED' }] } });
    expect(amended[1]!.actor).toMatch(/^prn_/);
    expect(events.some((e) => e.type === 'released')).toBe(false);
  });

  it('never lowers the lane of a selected declaration: amending back and forth is no oracle', async () => {
    const d = await create(withOrigin('CN'));
    expect(d).toMatchObject({ status: 'lane_assigned', lane: 'yellow' });
    const lanes: string[] = [];
    for (const origin of ['BR', 'CN', 'VN']) {
      const r = await amend(d.id, withOrigin(origin));
      expect(r.statusCode, r.body).toBe(200);
      lanes.push(`${r.json().status}/${r.json().lane}`);
    }
    expect(lanes).toEqual(['lane_assigned/yellow', 'lane_assigned/yellow', 'lane_assigned/yellow']);
    // The officer is told that the lane was kept; the trader sees only the lane.
    const officerView = (await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.officer)).json();
    expect(officerView.risk.laneKept).toMatchObject({ lane: 'yellow', selected: 'green' });
    const traderView = await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.trader);
    expect(traderView.body).not.toContain('laneKept');
    expect((await inject('GET', `/api/v1/declarations/${d.id}/history`, t.keys.trader)).body).not.toContain('laneKept');
    const amended = (await history(d.id)).find((e) => e.type === 'amended');
    expect(amended?.payload['changes']).toEqual([{ path: '$.items[0].originCountry', from: 'CN', to: 'BR' }]);
  });

  it('limits a trader to 5 amendments per declaration with a stable code; the office may still correct it', async () => {
    const d = await create(withOrigin('BR'));
    for (let i = 1; i <= 5; i++) expect((await amend(d.id, withOrigin('BR', { lrn: `LRN-A${i}` }))).statusCode).toBe(200);
    const sixth = await amend(d.id, withOrigin('BR', { lrn: 'LRN-A6' }));
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json()).toMatchObject({ code: 'DECLARATION.AMENDMENT_LIMIT', details: { limit: 5 } });
    expect((await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.trader)).json().version).toBe(6);
    // The customs office can still correct it.
    const byOfficer = await amend(d.id, withOrigin('BR', { lrn: 'LRN-BY-OFFICE' }), {}, t.keys.officer);
    expect(byOfficer.statusCode, byOfficer.body).toBe(200);
  });
});

describe('version checks', () => {
  it('answers GET with an ETag and refuses a decision made on an older version with 409 and the current version', async () => {
    const created = await inject('POST', '/api/v1/declarations', t.keys.trader, withOrigin('CN'));
    expect(created.headers['etag']).toBe('"1"');
    const d = created.json();
    const got = await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.officer);
    expect(got.headers['etag']).toBe('"1"');
    // The officer read v1; the trader amends the value to 1.00 before the officer releases.
    const cheap = withOrigin('CN');
    (cheap['items'] as Record<string, unknown>[])[0]!['invoiceValue'] = { amount: '1.00', currency: 'USD' };
    expect((await amend(d.id, cheap)).json().version).toBe(2);
    const stale = await decide(d.id, { decision: 'release', reason: 'documents checked' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'DECLARATION.VERSION_CONFLICT', details: { currentVersion: 2 } });
    const staleBody = await decide(d.id, { decision: 'release', reason: 'documents checked', expectedVersion: 1 });
    expect(staleBody.json().code).toBe('DECLARATION.VERSION_CONFLICT');
    expect((await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.officer)).json().status).toBe('lane_assigned');
    const ok = await decide(d.id, { decision: 'hold', reason: 'value changed to 1.00', expectedVersion: 2 }, { 'if-match': '2' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['etag']).toBe('"2"');
  });

  it('checks the version of amendments, payments and findings, and refuses a malformed If-Match', async () => {
    const d = await create(withOrigin('BR'));
    expect((await amend(d.id, withOrigin('BR'), { 'if-match': '"1"' })).statusCode).toBe(200);
    const staleAmend = await amend(d.id, withOrigin('BR'), { 'if-match': '"1"' });
    expect(staleAmend.statusCode).toBe(409);
    expect(staleAmend.json()).toMatchObject({ code: 'DECLARATION.VERSION_CONFLICT', details: { currentVersion: 2 } });
    const staleBody = await amend(d.id, { ...withOrigin('BR'), expectedVersion: 1 });
    expect(staleBody.json().code).toBe('DECLARATION.VERSION_CONFLICT');

    const pay = await inject('POST', `/api/v1/declarations/${d.id}/payments`, t.keys.officer, { amountYen: 100, reference: 'R1', expectedVersion: 1 });
    expect(pay.json().code).toBe('DECLARATION.VERSION_CONFLICT');
    const finding = await inject('POST', `/api/v1/declarations/${d.id}/findings`, t.keys.officer, { kind: 'no_discrepancy' }, { 'if-match': '"1"' });
    expect(finding.statusCode).toBe(409);
    expect(finding.json().code).toBe('DECLARATION.VERSION_CONFLICT');
    expect((await inject('GET', `/api/v1/declarations/${d.id}/findings`, t.keys.officer)).json().items).toHaveLength(0);

    const bad = await decide(d.id, { decision: 'hold', reason: 'x' }, { 'if-match': 'yesterday' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('REQUEST.INVALID_VALUE');
    expect((await decide(d.id, { decision: 'hold', reason: 'x' }, { 'if-match': '*' })).statusCode).toBe(200);
  });

  it('tells an officer which decisions the status still allows (none once decided)', async () => {
    const d = await create(withOrigin('CN'));
    const view = (await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.officer)).json();
    expect(view.allowedActions).toEqual(expect.arrayContaining(['release', 'hold', 'reject', 'payment', 'finding']));
    await decide(d.id, { decision: 'reject', reason: 'duplicate' });
    const after = (await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.officer)).json();
    expect(after.allowedActions).toEqual(['finding']);
    expect((await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.trader)).json().allowedActions).toBeUndefined();
  });
});

describe('payments', () => {
  it('keeps money already received across an amendment', async () => {
    const d = await create(withOrigin('BR'));
    // 5,400 USD × 150 = 810,000 yen, duty-free; consumption taxes 50,500 + 14,200 = 64,700.
    expect(d.assessment.totalYen).toBe(64_700);
    const p1 = await inject('POST', `/api/v1/declarations/${d.id}/payments`, t.keys.officer, { amountYen: 60_000, reference: 'BANK-1' });
    expect(p1.json().paidYen).toBe(60_000);
    const a = await amend(d.id, withOrigin('BR', { lrn: 'LRN-PAID' }));
    expect(a.json()).toMatchObject({ version: 2, paidYen: 60_000, status: 'lane_assigned' });
    expect(a.json().assessment.paidYen).toBe(60_000);
    const p2 = await inject('POST', `/api/v1/declarations/${d.id}/payments`, t.keys.officer, { amountYen: 4_700, reference: 'BANK-2' });
    expect(p2.json()).toMatchObject({ paidYen: 64_700, status: 'released' });
    const paid = (await history(d.id)).filter((e) => e.type === 'payment_recorded').map((e) => e.payload['amountYen']);
    expect(paid).toEqual([60_000, 4_700]);
  });

  it("never lets a payment in full release a declaration an officer holds", async () => {
    const d = await create(withOrigin('BR'));
    expect(d).toMatchObject({ lane: 'green', status: 'lane_assigned' });
    const held = await decide(d.id, { decision: 'hold', reason: 'check the invoice' });
    expect(held.json().status).toBe('held');
    const paid = await inject('POST', `/api/v1/declarations/${d.id}/payments`, t.keys.officer, { amountYen: 64_700, reference: 'BANK-H' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ paidYen: 64_700, status: 'held' });
    expect((await history(d.id)).map((e) => e.type)).not.toContain('released');
  });

  it('refuses an implausible payment with 422 rather than storing it', async () => {
    const d = await create(withOrigin('BR'));
    const huge = await inject('POST', `/api/v1/declarations/${d.id}/payments`, t.keys.officer, { amountYen: 1e300, reference: 'X' });
    expect(huge.statusCode).toBe(422);
  });
});

describe('parties a principal may declare for', () => {
  const aeoImporter = { name: 'Fuji Importers KK (AEO)', corporateNumber: null, country: 'JP', aeoStatus: 'importer' };

  it("refuses another party, lets a trader declare for its own party and for parties that authorised it", async () => {
    expect((await inject('PUT', '/api/v1/parties/aeo-imp', t.keys.officer, aeoImporter)).statusCode).toBe(200);
    expect((await inject('PUT', '/api/v1/parties/own-imp', t.keys.officer, { ...aeoImporter, name: 'Own Importer KK', aeoStatus: 'none' })).statusCode).toBe(200);

    const forged = await inject('POST', '/api/v1/declarations', t.keys.trader, sampleDeclaration({ importer: { partyId: 'aeo-imp' } }));
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'DECLARATION.PARTY_NOT_AUTHORISED', details: { problems: [{ path: '$.importer.partyId' }] } });
    const asDeclarant = await inject('POST', '/api/v1/declarations', t.keys.trader, sampleDeclaration({ declarant: { partyId: 'aeo-imp' } }));
    expect(asDeclarant.json().code).toBe('DECLARATION.PARTY_NOT_AUTHORISED');

    const own = await inject('POST', '/api/v1/principals', t.keys.admin, { role: 'trader', name: 'Own Importer', partyId: 'own-imp' });
    const ownKey = own.json().key as string;
    const mine = await inject('POST', '/api/v1/declarations', ownKey, sampleDeclaration({ importer: { partyId: 'own-imp' } }));
    expect(mine.statusCode, mine.body).toBe(201);
    const byName = await inject('POST', '/api/v1/declarations', t.keys.trader, sampleDeclaration());
    expect(byName.statusCode).toBe(201);

    const amendForged = await amend(mine.json().id, sampleDeclaration({ importer: { partyId: 'aeo-imp' } }), {}, ownKey);
    expect(amendForged.json().code).toBe('DECLARATION.PARTY_NOT_AUTHORISED');

    const grant = await inject('POST', `/api/v1/principals/${own.json().id}/authorisations`, t.keys.admin, { partyId: 'aeo-imp' });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await inject('GET', `/api/v1/principals/${own.json().id}/authorisations`, t.keys.admin)).json().items.map((a: { partyId: string }) => a.partyId)).toEqual(['aeo-imp']);
    expect((await amend(mine.json().id, sampleDeclaration({ importer: { partyId: 'aeo-imp' } }), {}, ownKey)).statusCode).toBe(200);

    const draft = await inject('POST', '/api/v1/declarations', ownKey, sampleDeclaration({ importer: { partyId: 'aeo-imp' }, submit: false }));
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await inject('DELETE', `/api/v1/principals/${own.json().id}/authorisations/aeo-imp`, t.keys.admin)).statusCode).toBe(204);
    // A draft saved while authorised is checked again when it is submitted.
    const lateSubmit = await inject('POST', `/api/v1/declarations/${draft.json().id}/submit`, ownKey, {});
    expect(lateSubmit.json().code).toBe('DECLARATION.PARTY_NOT_AUTHORISED');
    const revoked = await inject('POST', '/api/v1/declarations', ownKey, sampleDeclaration({ importer: { partyId: 'aeo-imp' } }));
    expect(revoked.json().code).toBe('DECLARATION.PARTY_NOT_AUTHORISED');
    const unknownParty = await inject('POST', `/api/v1/principals/${own.json().id}/authorisations`, t.keys.admin, { partyId: 'nobody' });
    expect(unknownParty.statusCode).toBe(422);
    expect((await inject('POST', '/api/v1/principals/prn_nope/authorisations', t.keys.admin, { partyId: 'aeo-imp' })).statusCode).toBe(404);
    expect((await inject('POST', `/api/v1/principals/${own.json().id}/authorisations`, t.keys.officer, { partyId: 'aeo-imp' })).statusCode).toBe(403);
  });
});

describe('findings on the history', () => {
  it("shows an officer's finding as a history event to officers, not to the trader", async () => {
    const d = await create(withOrigin('CN'));
    const f = await inject('POST', `/api/v1/declarations/${d.id}/findings`, t.keys.officer, { item: 0, kind: 'discrepancy_revenue', revenueYen: 12_000, note: 'undervalued' }, { 'if-match': '"1"' });
    expect(f.statusCode, f.body).toBe(201);
    const ev = (await history(d.id)).find((e) => e.type === 'finding_recorded');
    expect(ev).toMatchObject({ version: 1, payload: { kind: 'discrepancy_revenue', item: 0, revenueYen: 12_000, note: 'undervalued', findingId: f.json().findingId } });
    expect(ev!.actor).toMatch(/^prn_/);
    expect((await history(d.id, t.keys.trader)).some((e) => e.type === 'finding_recorded')).toBe(false);
  });
});
