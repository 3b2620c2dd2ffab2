import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const get = (url: string, key = t.keys.officer) => t.platform.app.inject({ method: 'GET', url, headers: auth(key) });
interface Row {
  id: string;
  lane: string | null;
  status: string;
  createdAt: string;
}
const ids: string[] = [];

beforeAll(async () => {
  t = await startTestPlatform();
  await t.platform.app.inject({
    method: 'POST',
    url: '/api/v1/exchange-rates',
    headers: auth(t.keys.officer),
    payload: { rates: [{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '150.00', source: 'test week' }] },
  });
  const rule = (name: string, lane: string, origin: string) =>
    t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/risk/rules',
      headers: auth(t.keys.analyst),
      payload: { name, lane, reason: name, criteria: { originCountries: [origin] }, validFrom: '2026-01-01', active: true },
    });
  const red = await rule('Australian coffee', 'red', 'AU');
  expect(red.statusCode, red.body).toBe(201);
  expect((await rule('Vietnamese coffee', 'yellow', 'VN')).statusCode).toBe(201);
  for (const [i, origin] of ['AU', 'VN', 'BR', 'AU'].entries()) {
    const body = sampleDeclaration({ lrn: `LRN-Q-${i}` });
    const items = body['items'] as Record<string, unknown>[];
    items[0] = { ...items[0], originCountry: origin };
    const r = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader), payload: body });
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
  }
  const released = await t.platform.app.inject({
    method: 'POST',
    url: `/api/v1/declarations/${ids[3]}/decision`,
    headers: auth(t.keys.officer),
    payload: { decision: 'release', reason: 'examined, as declared' },
  });
  expect(released.statusCode).toBe(200);
});
afterAll(async () => {
  await t.platform.close();
});

describe('the officers’ queue', () => {
  it('lists what still needs an officer, oldest first, with the count of each lane', async () => {
    const open = (await get('/api/v1/declarations?queue=open&sort=oldest')).json().items as Row[];
    expect(open.map((d) => d.id)).toEqual(ids.slice(0, 3));
    expect(open.map((d) => d.lane).slice(0, 2)).toEqual(['red', 'yellow']);
    const counts = (await get('/api/v1/declarations/counts?queue=open')).json();
    const byLane = { red: 0, yellow: 0, green: 0, none: 0 } as Record<string, number>;
    for (const d of open) byLane[d.lane ?? 'none']! += 1;
    expect(counts).toEqual({ lanes: byLane, total: 3 });
    // Everything, released included, newest first as before.
    const all = (await get('/api/v1/declarations')).json().items as Row[];
    expect(all.map((d) => d.id)).toEqual([...ids].reverse());
    expect((await get('/api/v1/declarations/counts')).json().total).toBe(4);
  });

  it('pages oldest first with the cursor, and keeps the lane and status filters', async () => {
    const first = (await get('/api/v1/declarations?queue=open&sort=oldest&limit=2')).json();
    expect(first.items.map((d: Row) => d.id)).toEqual(ids.slice(0, 2));
    const next = (await get(`/api/v1/declarations?queue=open&sort=oldest&limit=2&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((d: Row) => d.id)).toEqual([ids[2]]);
    const red = (await get('/api/v1/declarations?lane=red&status=lane_assigned')).json().items as Row[];
    expect(red.map((d) => d.id)).toEqual([ids[0]]);
    expect((await get('/api/v1/declarations?sort=sideways')).statusCode).toBe(422);
  });

  it('counts only a trader’s own declarations for a trader', async () => {
    expect((await get('/api/v1/declarations/counts', t.keys.trader2)).json()).toEqual({ lanes: { red: 0, yellow: 0, green: 0, none: 0 }, total: 0 });
    expect((await get('/api/v1/declarations/counts', t.keys.trader)).json().total).toBe(4);
  });

  it('tells the console who is signed in, so that pages can shape themselves by role', async () => {
    expect((await get('/api/v1/principals/me', t.keys.officer)).json()).toMatchObject({ role: 'officer', id: expect.any(String) });
    expect((await get('/api/v1/principals/me', t.keys.analyst)).json().role).toBe('analyst');
    const anonymous = await t.platform.app.inject({ method: 'GET', url: '/api/v1/principals/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(JSON.stringify((await get('/api/v1/principals/me', t.keys.trader)).json())).not.toMatch(/key|hash/i);
  });
});
