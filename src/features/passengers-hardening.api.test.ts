import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { PAXLST_MAX_PERSONS } from '../modules/passengers/paxlst.ts';
import { manyPersons } from '../modules/passengers/paxlst.fixture.ts';

let t: TestPlatform;
const officer = () => ({ authorization: `Bearer ${t.keys.officer}`, 'content-type': 'application/edifact' });

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => t?.platform.close());

describe('PAXLST uploads at the limits', () => {
  it(`stores an interchange of ${PAXLST_MAX_PERSONS} persons (in chunks, not one INSERT)`, async () => {
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/paxlst', headers: officer(), payload: manyPersons(PAXLST_MAX_PERSONS) });
    expect(res.statusCode).toBe(201);
    expect(res.json().passengers).toHaveLength(PAXLST_MAX_PERSONS);
  }, 120_000);

  it('refuses one person more with 413 PASSENGER.PAXLST_TOO_MANY_PERSONS', async () => {
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/paxlst', headers: officer(), payload: manyPersons(PAXLST_MAX_PERSONS + 1) });
    expect([res.statusCode, res.json().code]).toEqual([413, 'PASSENGER.PAXLST_TOO_MANY_PERSONS']);
  });

  it('refuses a 5 MB family name and a message without flight with 422 PASSENGER.PAXLST_MALFORMED', async () => {
    const long = await t.platform.app.inject({ method: 'POST', url: '/api/v1/paxlst', headers: officer(), payload: manyPersons(1, 'X'.repeat(5 * 1024 * 1024)) });
    expect([long.statusCode, long.json().code]).toEqual([422, 'PASSENGER.PAXLST_MALFORMED']);
    const noFlight = manyPersons(1).replace(/TDT\+[^']*'\n/, '');
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/paxlst', headers: officer(), payload: noFlight });
    expect([res.statusCode, res.json().code]).toEqual([422, 'PASSENGER.PAXLST_MALFORMED']);
  });
});
