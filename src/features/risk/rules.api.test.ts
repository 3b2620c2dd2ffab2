import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, key: string, payload?: unknown) =>
  t.platform.app.inject({ method, url, headers: auth(key), ...(payload === undefined ? {} : { payload: payload as object }) });

const coffeeRule = {
  name: 'Coffee undervaluation',
  lane: 'red',
  reason: 'Green coffee: undervaluation seen in recent post-clearance audits',
  criteria: { hsPrefixes: ['0901'] },
  validFrom: '2026-01-01',
  active: true,
};

beforeAll(async () => {
  t = await startTestPlatform();
  await inject('POST', '/api/v1/exchange-rates', t.keys.officer, {
    rates: [{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '150.00', source: 'test week' }],
  });
});
afterAll(async () => {
  await t.platform.close();
});

describe('targeting rules API', () => {
  it('creates, lists, revises with the version edited, refuses a stale revision with 409 and deactivates', async () => {
    const created = await inject('POST', '/api/v1/risk/rules', t.keys.analyst, { ...coffeeRule, name: 'Draft rule', criteria: { originCountries: ['CN'] } });
    expect(created.statusCode).toBe(201);
    const v1 = created.json();
    expect(v1).toMatchObject({ version: 1, active: true, ruleId: expect.stringMatching(/^rule_/) });

    const revised = await inject('PUT', `/api/v1/risk/rules/${v1.ruleId}`, t.keys.analyst, { ...coffeeRule, name: 'Draft rule v2', criteria: { originCountries: ['CN'] }, expectedVersion: 1 });
    expect(revised.statusCode).toBe(200);
    expect(revised.json().version).toBe(2);

    const stale = await inject('PUT', `/api/v1/risk/rules/${v1.ruleId}`, t.keys.analyst, { ...coffeeRule, criteria: { originCountries: ['KR'] }, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RISK.RULE_VERSION_CONFLICT');

    const del = await inject('DELETE', `/api/v1/risk/rules/${v1.ruleId}`, t.keys.analyst);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ version: 3, active: false, name: 'Draft rule v2' });

    const one = (await inject('GET', `/api/v1/risk/rules/${v1.ruleId}`, t.keys.officer)).json();
    expect(one.version).toBe(3);
    expect(one.history.map((h: { version: number }) => h.version)).toEqual([1, 2, 3]);
    const current = (await inject('GET', '/api/v1/risk/rules', t.keys.analyst)).json().items;
    expect(current.filter((r: { ruleId: string }) => r.ruleId === v1.ruleId).map((r: { version: number }) => r.version)).toEqual([3]);
    const all = (await inject('GET', '/api/v1/risk/rules?all=true', t.keys.analyst)).json().items;
    expect(all.filter((r: { ruleId: string }) => r.ruleId === v1.ruleId)).toHaveLength(3);
    expect((await inject('GET', '/api/v1/risk/rules/rule_nope', t.keys.analyst)).json().code).toBe('RISK.RULE_NOT_FOUND');
  });

  it('returns every problem of a rule with its JSON path, and requires the edited version on a revision', async () => {
    const bad = await inject('POST', '/api/v1/risk/rules', t.keys.analyst, { ...coffeeRule, criteria: { hsPrefixes: ['9x'], valueYen: { min: 10, max: 5 } }, validFrom: '2026-02-30', colour: 'red' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('RISK.RULE_INVALID');
    const paths = bad.json().details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.criteria.hsPrefixes[0]']));
    const empty = await inject('POST', '/api/v1/risk/rules', t.keys.analyst, { ...coffeeRule, criteria: {} });
    expect(empty.json().details.problems).toEqual([expect.objectContaining({ path: '$.criteria', code: 'RISK.RULE_NO_CRITERIA' })]);
    const id = (await inject('POST', '/api/v1/risk/rules', t.keys.analyst, { ...coffeeRule, active: false })).json().ruleId;
    const noVersion = await inject('PUT', `/api/v1/risk/rules/${id}`, t.keys.analyst, coffeeRule);
    expect(noVersion.statusCode).toBe(422);
    expect(noVersion.json().details.problems).toEqual([expect.objectContaining({ path: '$.expectedVersion' })]);
  });

  it('refuses writes to traders and officers (403) and reads to traders', async () => {
    for (const key of [t.keys.trader, t.keys.officer]) {
      expect((await inject('POST', '/api/v1/risk/rules', key, coffeeRule)).statusCode).toBe(403);
      expect((await inject('PUT', '/api/v1/risk/rules/rule_x', key, { ...coffeeRule, expectedVersion: 1 })).statusCode).toBe(403);
      expect((await inject('DELETE', '/api/v1/risk/rules/rule_x', key)).statusCode).toBe(403);
      expect((await inject('PUT', '/api/v1/risk/policy', key, {})).statusCode).toBe(403);
    }
    expect((await inject('GET', '/api/v1/risk/rules', t.keys.trader)).statusCode).toBe(403);
  });

  it('a rule on HS 0901 sends the coffee declaration to red, with the reason shown to officers and hidden from the trader', async () => {
    const rule = (await inject('POST', '/api/v1/risk/rules', t.keys.analyst, coffeeRule)).json();
    const d = (await inject('POST', '/api/v1/declarations', t.keys.trader, sampleDeclaration({ lrn: 'LRN-RULE-1' }))).json();
    expect(d.lane).toBe('red');
    const officer = (await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.officer)).json();
    expect(officer.risk.reasons).toContainEqual(
      expect.objectContaining({ code: 'RULE_HIT', source: 'rule', ruleId: rule.ruleId, ruleVersion: 1, text: expect.stringContaining('undervaluation seen') }),
    );
    const trader = await inject('GET', `/api/v1/declarations/${d.id}`, t.keys.trader);
    expect(trader.json().lane).toBe('red');
    expect(trader.body).not.toContain('RULE_HIT');
    expect(trader.body).not.toContain('undervaluation');
    const history = await inject('GET', `/api/v1/declarations/${d.id}/history`, t.keys.trader);
    expect(history.body).not.toContain('undervaluation');

    // Deactivated, the rule no longer selects.
    await inject('DELETE', `/api/v1/risk/rules/${rule.ruleId}`, t.keys.analyst);
    const after = (await inject('POST', '/api/v1/declarations', t.keys.trader, sampleDeclaration({ lrn: 'LRN-RULE-2' }))).json();
    const seen = (await inject('GET', `/api/v1/declarations/${after.id}`, t.keys.officer)).json();
    expect(seen.risk.reasons.map((r: { code: string }) => r.code)).not.toContain('RULE_HIT');
  });

  it('shows the policy without its salt and keeps the salt when the analyst sends it back masked', async () => {
    const p = (await inject('GET', '/api/v1/risk/policy', t.keys.analyst)).json();
    expect(p.salt).toBe('(secret)');
    const before = t.platform.risk.currentPolicy().salt;
    const put = await inject('PUT', '/api/v1/risk/policy', t.keys.analyst, { ...p, version: 'test-2026-11', budget: { red: 0.06, yellow: 0.1 } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ version: 'test-2026-11', salt: '(secret)', budget: { red: 0.06 } });
    expect(t.platform.risk.currentPolicy().salt).toBe(before);
    const bad = await inject('PUT', '/api/v1/risk/policy', t.keys.analyst, { ...p, budget: { red: 0.9, yellow: 0.5 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('RISK.POLICY_INVALID');
  });

  it('documents the rule and policy bodies in the OpenAPI document although the rule module validates them', async () => {
    const doc = (await t.platform.app.inject({ url: '/docs/json' })).json();
    const post = doc.paths['/api/v1/risk/rules'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(post)).toContain('hsPrefixes');
    expect(JSON.stringify(doc.paths['/api/v1/risk/rules/{id}'].put.requestBody)).toContain('expectedVersion');
    expect(doc.paths['/api/v1/stats/dashboard'].get).toBeDefined();
  });
});
