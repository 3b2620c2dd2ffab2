import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const URL = '/api/v1/tariff/search-references';

const put = (body: unknown, key = t.keys.officer) => t.platform.app.inject({ method: 'PUT', url: URL, headers: auth(key), payload: body as object });
const search = async (q: string) =>
  (await t.platform.app.inject({ method: 'GET', url: `/api/v1/tariff/search?q=${encodeURIComponent(q)}&lang=en&limit=3` })).json().items as {
    code9: string;
    reference?: { term: string; note: string | null };
  }[];

beforeAll(async () => {
  t = await startTestPlatform();
}, 120_000);
afterAll(async () => t?.platform.close());

describe('search references API', () => {
  it('lets an officer answer a term with codes: the search shows them first, with the note', async () => {
    const res = await put({ term: 'scotch', codes: ['2208'], note: 'Whisky: heading 2208.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ term: 'scotch', codes: ['2208'], note: 'Whisky: heading 2208.' });
    const items = await search('Scotch');
    expect(items[0]).toMatchObject({ code9: '220830000', reference: { term: 'scotch', note: 'Whisky: heading 2208.' } });
    expect(items.slice(1).every((i) => i.reference === undefined)).toBe(true);
  });

  it('lists every problem of a reference it refuses', async () => {
    const res = await put({ term: '--', codes: ['9999', '0901'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      ['$.term', 'SEARCH.EMPTY_TERM'],
      ['$.codes[0]', 'SEARCH.UNKNOWN_CODE'],
    ]);
    expect((await put({ term: 'tea', codes: ['12345'] })).statusCode).toBe(422);
    expect((await put({ term: 'tea', codes: [] })).statusCode).toBe(422);
  });

  it('is written by officers and admins only, and read by analysts too', async () => {
    expect((await t.platform.app.inject({ method: 'PUT', url: URL, payload: { term: 'tea', codes: ['0901'] } })).statusCode).toBe(401);
    expect((await put({ term: 'tea', codes: ['0901'] }, t.keys.trader)).json().code).toBe('AUTH.FORBIDDEN');
    const list = (await t.platform.app.inject({ method: 'GET', url: `${URL}?limit=10`, headers: auth(t.keys.analyst) })).json();
    expect([list.total, list.items.map((r: { term: string }) => r.term), list.offset, list.limit]).toEqual([1, ['scotch'], 0, 10]);
  });

  it('removes a term\'s reference, and says so when there is none', async () => {
    const del = (key = t.keys.officer) => t.platform.app.inject({ method: 'DELETE', url: `${URL}?term=SCOTCH`, headers: auth(key) });
    expect((await del()).statusCode).toBe(204);
    expect((await search('Scotch')).some((i) => i.reference !== undefined)).toBe(false);
    const again = await del();
    expect([again.statusCode, again.json().code]).toEqual([404, 'SEARCH.NO_REFERENCE']);
  });
});
