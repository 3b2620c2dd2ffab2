import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { sampleConsignment, toNdjson } from '../modules/consignments/index.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const get = (url: string, key: string) => t.platform.app.inject({ method: 'GET', url, headers: auth(key) });
const ids: string[] = [];

beforeAll(async () => {
  t = await startTestPlatform();
  await t.platform.ctx.exchangeRates.upsert([{ currency: 'USD', validFrom: '2020-01-01', validTo: '2099-12-31', rate: '150', source: 'test' }]);
  for (let i = 0; i < 3; i++) {
    const body = toNdjson([{ ...sampleConsignment(), consignmentId: `LIST-${i}` }]);
    const r = await t.platform.app.inject({
      method: 'POST',
      url: `/api/v1/consignment-batches?id=cb_list_${i}abcdef`,
      headers: { ...auth(t.keys.trader), 'content-type': 'application/x-ndjson' },
      payload: body,
    });
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
  }
}, 120_000);
afterAll(async () => t?.platform.close());

describe('past consignment batches', () => {
  it('lists a trader’s batches newest first, a page at a time, with their counters', async () => {
    const first = (await get('/api/v1/consignment-batches?limit=2', t.keys.trader)).json();
    expect(first.items.map((b: { id: string }) => b.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({ acceptedLines: 1, rejectedLines: 0, format: 'ndjson' });
    const next = (await get(`/api/v1/consignment-batches?limit=2&cursor=${first.nextCursor}`, t.keys.trader)).json();
    expect(next).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it('shows another trader none of them, officers all of them, and refuses a bad cursor with a 4xx', async () => {
    expect((await get('/api/v1/consignment-batches', t.keys.trader2)).json()).toEqual({ items: [], nextCursor: null });
    expect((await get('/api/v1/consignment-batches', t.keys.officer)).json().items).toHaveLength(3);
    expect((await get('/api/v1/consignment-batches?cursor=bm9wZQ', t.keys.trader)).statusCode).toBe(422);
  });
});
