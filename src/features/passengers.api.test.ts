import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { PassengersRepo } from '../adapters/store/passengers.repo.ts';
import { RiskRepo } from '../adapters/store/risk.repo.ts';
import { gateKeyFromPem, generateGateKey, issueGatePass } from '../modules/passengers/index.ts';
import { SIGNING_KEYS_SETTING, type StoredGateKeys } from '../workflows/passengers/gate-keys.ts';

let t: TestPlatform;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const PASSPORT = 'TK7654321';

const declaration = (over: Record<string, unknown> = {}) => ({
  traveller: { familyName: 'YAMADA', givenNames: 'HANAKO', dateOfBirth: '1985-04-01', nationality: 'JPN', passportNumber: PASSPORT },
  flight: { flightNumber: 'NH012', departureAirport: 'LHR', arrivalAirport: 'HND' },
  arrivalDate: '2026-12-01',
  answers: {
    prohibitedOrRestrictedGoods: false,
    goodsOverAllowance: true,
    commercialGoodsOrSamples: false,
    goodsCarriedForOthers: false,
    cashOver1MillionYen: false,
    unaccompaniedBaggage: false,
  },
  goods: {
    other: [
      { description: 'Leather handbag', kind: 'handbag', quantity: 1, unitValue: { amount: '1000', currency: 'USD' } },
      { description: 'Wool coat', kind: 'coat', quantity: 1, unitValue: { amount: '800', currency: 'USD' } },
    ],
  },
  ...over,
});

const NO = { prohibitedOrRestrictedGoods: false, goodsOverAllowance: false, commercialGoodsOrSamples: false, goodsCarriedForOthers: false, cashOver1MillionYen: false, unaccompaniedBaggage: false };
/** Nothing to declare: every answer no, a ¥15,000 handbag well within the allowance. */
const greenDeclaration = (over: Record<string, unknown> = {}) =>
  declaration({ answers: NO, goods: { other: [{ description: 'Leather handbag', kind: 'handbag', quantity: 1, unitValue: { amount: '100', currency: 'USD' } }] }, ...over });

// Our own PAXLST (default separators): Kenji Sato on NH12 into Haneda on 2026-12-01, passport TK7654321.
const PAXLST =
  [
    'UNB+UNOA:4+NHAPIS:ZZ+JPCUSTOMS:ZZ+261130:2215+1++APIS',
    'UNH+1+PAXLST:D:05B:UN:IATA',
    'BGM+745',
    'TDT+20+NH12+++NH',
    'LOC+125+LHR',
    'DTM+189:2611301930:201',
    'LOC+87+HND',
    'DTM+232:2612011545:201',
    'NAD+FL+++SATO:KENJI',
    'ATT+2++M',
    'DTM+329:900715',
    'LOC+178+LHR',
    'LOC+179+HND',
    'NAT+2+JPN',
    `DOC+P:110:111+${PASSPORT}`,
    'DTM+36:310101',
    'LOC+91+JPN',
    'CNT+42:1',
    'UNT+18+1',
    'UNZ+1+1',
  ].join("'\n") + "'";

const post = (url: string, payload: object, key?: string) =>
  t.platform.app.inject({ method: 'POST', url, headers: key ? auth(key) : {}, payload });
const submit = (body: object = { declaration: declaration() }) => post('/api/v1/passenger-declarations', body);
const verify = async (token: unknown) => {
  const res = await post('/api/v1/gate/verify', { token }, t.keys.officer);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const storedKeys = async () => (await new RiskRepo(t.platform.store.db).getSetting<StoredGateKeys>(SIGNING_KEYS_SETTING))!;

beforeAll(async () => {
  t = await startTestPlatform();
  await t.platform.ctx.exchangeRates.upsert([{ currency: 'USD', validFrom: '2026-11-29', validTo: '2026-12-05', rate: '150', source: 'test weekly rate' }]);
});
afterAll(async () => {
  await t.platform.close();
});

describe('passenger declarations and the gate', () => {
  it('declares without an account and gets the duty on the excess, a QR pass and the channel it calls for', async () => {
    const res = await submit({ declaration: declaration(), exchangeRates: { USD: '1' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.id).toMatch(/^pdec_/);
    // The published weekly rate wins over a rate quoted by the traveller: ¥150,000 + ¥120,000 is over the ¥200,000
    // allowance; the bag uses it, the coat pays 15 % of 60 % of ¥120,000 = ¥10,800.
    expect(body.exchangeRates.USD).toEqual({ rate: '150', source: 'test weekly rate' });
    expect(body.assessment.totalDutyYen).toBe(10_800);
    expect(body.qr.pngDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(body.channel).toBe('red');
    expect(body.channelReasons.map((r: { code: string }) => r.code)).toEqual(['GATE.DECLARED_YES', 'GATE.DUTY_PAYABLE']);
  });

  it('never stores the passport number in clear, only its keyed hash', async () => {
    const { id } = (await submit()).json();
    const rows = await t.platform.store.db.execute(sql`select * from passenger_declarations where id = ${id}`);
    const text = JSON.stringify(rows);
    expect(text).toContain('YAMADA');
    expect(text).not.toContain(PASSPORT);
    const got = await t.platform.app.inject({ url: `/api/v1/passenger-declarations/${id}`, headers: auth(t.keys.officer) });
    expect(got.json().passportKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(got.json().declaration.traveller.passportNumber).toBeUndefined();
    expect((await t.platform.app.inject({ url: `/api/v1/passenger-declarations/${id}` })).statusCode).toBe(401);
  });

  it('answers validation problems with PASSENGER codes and paths', async () => {
    const res = await submit({ declaration: declaration({ arrivalDate: '2026-02-30' }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toContainEqual(expect.objectContaining({ code: 'PASSENGER.INVALID_DATE', path: '$.arrivalDate' }));
    const noRate = await submit({ declaration: declaration({ goods: { other: [{ description: 'Vase', kind: 'vase', quantity: 1, unitValue: { amount: '10', currency: 'KRW' } }] } }) });
    expect(noRate.json().details.problems[0].code).toBe('PASSENGER.MISSING_EXCHANGE_RATE');
  });

  it('calls a pass with altered contents tampered, and one whose declaration differs from the stored one too', async () => {
    const { id, qr } = (await submit()).json();
    const [h, p, s] = qr.token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, did: 'pdec_other' })).toString('base64url');
    expect(await verify(`${h}.${forged}.${s}`)).toEqual(expect.objectContaining({ verdict: 'tampered' }));
    expect((await verify(`${h}.${forged}.${s}`)).declarationId).toBeUndefined();
    // Correctly signed, but for other contents than the stored declaration's.
    const k = await storedKeys();
    const now = Math.floor(Date.now() / 1000);
    const other = issueGatePass(gateKeyFromPem(k.current, k.privateKeyPem), { declarationId: id, declaration: { x: 1 }, flightNumber: 'NH12', arrivalDate: '2026-12-01', issuedAt: now, ttlSeconds: 600 });
    expect((await verify(other)).verdict).toBe('tampered');
  });

  it('calls a pass past its expiry expired, and one signed by a key it does not know unknown_key', async () => {
    const k = await storedKeys();
    const past = Math.floor(Date.now() / 1000) - 10 * 86_400;
    const input = { declarationId: 'pdec_x', declaration: {}, flightNumber: 'NH12', arrivalDate: '2026-12-01', issuedAt: past, ttlSeconds: 3600 };
    expect((await verify(issueGatePass(gateKeyFromPem(k.current, k.privateKeyPem), input))).verdict).toBe('expired');
    const stranger = issueGatePass(generateGateKey('not-ours'), { ...input, issuedAt: Math.floor(Date.now() / 1000) });
    expect((await verify(stranger)).verdict).toBe('unknown_key');
  });

  it('gives garbage a malformed verdict, never an error', async () => {
    for (const token of ['garbage', '', 'a.b.c', 'x'.repeat(5000), 42, null, { token: 'x' }, '...', `${'eyJ9'}.e30.AA`]) {
      expect((await verify(token)).verdict).toBe('malformed');
    }
    expect((await post('/api/v1/gate/verify', {}, t.keys.officer)).json().verdict).toBe('malformed');
    expect((await post('/api/v1/gate/verify', { token: 'x' })).statusCode).toBe(401);
  });

  it('publishes its public keys and keeps verifying old passes after a rotation', async () => {
    const before = (await submit()).json();
    const keys = await t.platform.app.inject({ url: '/api/v1/gate/keys' });
    expect(keys.json().keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: keys.json().current });
    expect(keys.json().keys[0].pem).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(keys.json())).not.toContain('PRIVATE');
    expect((await post('/api/v1/gate/keys/rotate', {}, t.keys.officer)).statusCode).toBe(403);
    const rotated = await post('/api/v1/gate/keys/rotate', {}, t.keys.admin);
    expect(rotated.json().current).not.toBe(keys.json().current);
    const after = (await submit()).json();
    expect(after.qr.token.split('.')[0]).not.toBe(before.qr.token.split('.')[0]);
    expect((await verify(before.qr.token)).verdict).toBe('red_channel');
    expect((await verify(after.qr.token)).verdict).toBe('red_channel');
    const green = (await submit({ declaration: greenDeclaration() })).json();
    expect((await verify(green.qr.token)).verdict).toBe('valid');
  });

  it('rate-limits the public declaration endpoint per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await t.platform.app.inject({ method: 'POST', url: '/api/v1/passenger-declarations', remoteAddress: '10.9.9.9', payload: {} });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 422)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await submit()).statusCode).toBe(201);
  });
});

describe('gate verdicts follow the declaration', () => {
  const codes = (a: { reasons?: { code: string }[] }) => (a.reasons ?? []).map((r) => r.code);

  it('lets through a pass whose declaration owes nothing and needs no officer, once; then calls it a replay', async () => {
    const body = (await submit({ declaration: greenDeclaration() })).json();
    expect(body).toMatchObject({ channel: 'green', channelReasons: [] });
    const first = await verify(body.qr.token);
    expect(first).toMatchObject({ verdict: 'valid', declarationId: body.id, arrival: 'NH12/2026-12-01' });
    expect(first.reasons).toBeUndefined();
    expect(first.assessment).toMatchObject({ totalDutyYen: 0, requiresOfficerAssessment: false, dutyPayable: false });
    expect((await verify(body.qr.token)).verdict).toBe('replay');
    const raw = await t.platform.app.inject({ method: 'POST', url: '/api/v1/gate/verify', headers: { ...auth(t.keys.officer), 'content-type': 'text/plain' }, payload: body.qr.token });
    expect(raw.json().verdict).toBe('replay');
  });

  it('sends a traveller whose goods were priced at a rate they quoted themselves to an officer', async () => {
    // No published THB rate: a quoted rate of 0.0001 would make the duty nothing; an officer confirms it instead.
    const bag = { description: 'Silk scarf', kind: 'other', quantity: 1, unitValue: { amount: '200000', currency: 'THB' } };
    const body = (await submit({ declaration: greenDeclaration({ goods: { other: [bag] } }), exchangeRates: { THB: '0.0001' } })).json();
    expect(body.exchangeRates.THB).toMatchObject({ source: 'request' });
    expect(body.assessment).toMatchObject({ requiresOfficerAssessment: true });
    const a = await verify(body.qr.token);
    expect(a.verdict).toBe('red_channel');
    expect(a.reasons.map((r: { code: string }) => r.code)).toContain('GATE.OFFICER_ASSESSMENT');
  });

  it('sends a pass whose declaration owes duty to the red channel, every time it is scanned', async () => {
    // ¥150,000 bag and ¥120,000 coat: the coat pays the simplified rate; every answer no.
    const bag = { description: 'Leather handbag', kind: 'handbag', quantity: 1, unitValue: { amount: '1000', currency: 'USD' } };
    const coat = { description: 'Wool coat', kind: 'coat', quantity: 1, unitValue: { amount: '800', currency: 'USD' } };
    const body = (await submit({ declaration: greenDeclaration({ goods: { other: [coat, bag] } }) })).json();
    expect(body.assessment).toMatchObject({ requiresOfficerAssessment: false });
    expect(body.assessment.totalDutyYen).toBeGreaterThan(0);
    const a = await verify(body.qr.token);
    expect(a.verdict).toBe('red_channel');
    expect(a.reasons).toEqual([{ code: 'GATE.DUTY_PAYABLE', message: expect.stringContaining('yen'), params: { totalDutyYen: body.assessment.totalDutyYen } }]);
    expect(a.assessment).toMatchObject({ dutyPayable: true, totalDutyYen: body.assessment.totalDutyYen, totalUnitYen: 100 });
    expect(a.goods.other[0].description).toBe('Wool coat');
    // Not burned: the officer who scans it next sees the same red verdict, not a replay.
    expect((await verify(body.qr.token)).verdict).toBe('red_channel');
  });

  it('sends a pass with goods for an officer to assess to the red channel, with no duty computed', async () => {
    const gun = { description: 'Hunting gun', kind: 'gun', quantity: 1, unitValue: { amount: '2000', currency: 'USD' }, excludedFromSimplifiedRates: true };
    const body = (await submit({ declaration: greenDeclaration({ goods: { other: [gun] } }) })).json();
    expect(body.assessment).toMatchObject({ totalDutyYen: 0, requiresOfficerAssessment: true });
    const a = await verify(body.qr.token);
    expect(a.verdict).toBe('red_channel');
    expect(codes(a)).toEqual(['GATE.OFFICER_ASSESSMENT']);
  });

  it('gives every reason when the declaration owes duty and needs an officer, in Japanese when asked', async () => {
    // The traveller of the report: 5 × 750 ml wine, 400 cigarettes and a 2,500 EUR leather handbag.
    const goods = {
      alcohol: [{ kind: 'wine_beer_other', volumeMl: 750, bottles: 5 }],
      tobacco: [{ kind: 'cigarettes', sticks: 400 }],
      other: [{ description: 'Leather handbag', kind: 'handbag', quantity: 1, unitValue: { amount: '2500', currency: 'USD' } }],
    };
    const body = (await submit({ declaration: greenDeclaration({ goods }) })).json();
    expect(body.assessment).toMatchObject({ totalDutyYen: 3300, requiresOfficerAssessment: true });
    const a = await verify(body.qr.token);
    expect(a.verdict).toBe('red_channel');
    expect(codes(a)).toEqual(['GATE.DUTY_PAYABLE', 'GATE.OFFICER_ASSESSMENT']);
    const ja = await t.platform.app.inject({ method: 'POST', url: '/api/v1/gate/verify', headers: { ...auth(t.keys.officer), 'accept-language': 'ja,en;q=0.8' }, payload: { token: body.qr.token } });
    expect(ja.json().reasons[0].message).toBe('免税範囲を超える物品に関税等 3,300 円の納付が必要です');
    // The channel travels in the signed claims too, so an offline gate gives the same verdict.
    const claims = JSON.parse(Buffer.from(body.qr.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ red: ['D', 'O'], duty: 3300 });
  });

  it('sends a traveller a watch rule matches to the red channel although the declaration is green', async () => {
    const passport = 'WR1234567';
    const traveller = { familyName: 'KATO', givenNames: 'AIKO', dateOfBirth: '1979-03-03', nationality: 'JPN', passportNumber: passport };
    const first = (await submit({ declaration: greenDeclaration({ traveller }) })).json();
    const second = (await submit({ declaration: greenDeclaration({ traveller }) })).json();
    expect(first.channel).toBe('green');
    const rule = (await post('/api/v1/watch-rules', { on: 'document', issuingCountry: 'JPN', number: passport, reason: 'gate test' }, t.keys.analyst)).json();
    const a = await verify(first.qr.token);
    expect(a.verdict).toBe('red_channel');
    expect(a.reasons).toEqual([expect.objectContaining({ code: 'GATE.WATCH_RULE', params: { ruleId: rule.id } })]);
    // By name and date of birth as well.
    const byPerson = (await post('/api/v1/watch-rules', { on: 'person', familyName: 'Katō', givenNames: 'Aiko', birthDate: '1979-03-03', reason: 'gate test' }, t.keys.analyst)).json();
    await t.platform.app.inject({ method: 'DELETE', url: `/api/v1/watch-rules/${rule.id}`, headers: auth(t.keys.analyst) });
    expect(codes(await verify(first.qr.token))).toEqual(['GATE.WATCH_RULE']);
    await t.platform.app.inject({ method: 'DELETE', url: `/api/v1/watch-rules/${byPerson.id}`, headers: auth(t.keys.analyst) });
    // Rules removed: the gate lets the traveller through.
    expect((await verify(second.qr.token)).verdict).toBe('valid');
  });

  it('keeps calling altered, expired and unknown passes what they are, whatever their declaration says', async () => {
    const body = (await submit()).json();
    const [h, p, s] = body.qr.token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    // Dropping the red claim breaks the signature.
    const { red: _red, duty: _duty, ...green } = claims;
    expect((await verify(`${h}.${Buffer.from(JSON.stringify(green)).toString('base64url')}.${s}`)).verdict).toBe('tampered');
    const k = await storedKeys();
    const past = Math.floor(Date.now() / 1000) - 10 * 86_400;
    const expired = issueGatePass(gateKeyFromPem(k.current, k.privateKeyPem), { declarationId: 'pdec_x', declaration: {}, flightNumber: 'NH12', arrivalDate: '2026-12-01', issuedAt: past, ttlSeconds: 3600, red: { red: ['D'], duty: 100 } });
    expect((await verify(expired)).verdict).toBe('expired');
  });

  it('trusts the signed claim once the declaration is past its retention period', async () => {
    const k = await storedKeys();
    const now = Math.floor(Date.now() / 1000);
    const gone = issueGatePass(gateKeyFromPem(k.current, k.privateKeyPem), { declarationId: 'pdec_purged', declaration: {}, flightNumber: 'NH12', arrivalDate: '2026-12-01', issuedAt: now, ttlSeconds: 3600, red: { red: ['D'], duty: 4200 } });
    const a = await verify(gone);
    expect(a.verdict).toBe('red_channel');
    expect(a.reasons).toEqual([expect.objectContaining({ code: 'GATE.DUTY_PAYABLE', params: { totalDutyYen: 4200 } })]);
    const oldGreen = issueGatePass(gateKeyFromPem(k.current, k.privateKeyPem), { declarationId: 'pdec_purged2', declaration: {}, flightNumber: 'NH12', arrivalDate: '2026-12-01', issuedAt: now, ttlSeconds: 3600 });
    expect((await verify(oldGreen)).verdict).toBe('valid');
  });
});

describe('advance passenger information', () => {
  it('sends a watch-listed passport to red with the reason, matched to the declaration, storing no passport number', async () => {
    const sato = { familyName: 'SATO', givenNames: 'KENJI', dateOfBirth: '1990-07-15', nationality: 'JPN', passportNumber: PASSPORT };
    const { id, qr: { token } } = (await submit({ declaration: declaration({ traveller: sato }) })).json();
    expect((await post('/api/v1/watch-rules', { on: 'document', issuingCountry: 'JPN', number: PASSPORT, reason: 'test alert' }, t.keys.officer)).statusCode).toBe(403);
    const rule = await post('/api/v1/watch-rules', { on: 'document', issuingCountry: 'JPN', number: PASSPORT, reason: 'test alert' }, t.keys.analyst);
    expect(rule.statusCode).toBe(201);
    expect(JSON.stringify(rule.json())).not.toContain(PASSPORT);

    const up = await t.platform.app.inject({ method: 'POST', url: '/api/v1/paxlst', headers: { ...auth(t.keys.officer), 'content-type': 'application/edifact' }, payload: PAXLST });
    expect(up.statusCode).toBe(201);
    const [p] = up.json().passengers;
    expect(p).toMatchObject({ flight: 'NH12', arrivalDate: '2026-12-01', channel: 'red' });
    expect(p.reasons).toContainEqual({ code: 'WATCH_RULE', text: `Watch rule ${rule.json().id}: test alert` });
    expect(p.declarationId).toBe(id);
    const gateAnswer = await verify(token);
    expect(gateAnswer.verdict).toBe('red_channel');
    expect(gateAnswer.reasons).toContainEqual(expect.objectContaining({ code: 'GATE.WATCH_RULE', params: { ruleId: rule.json().id } }));

    const list = await t.platform.app.inject({ url: '/api/v1/arrivals?flight=NH012&date=2026-12-01', headers: auth(t.keys.officer) });
    expect(list.json().items.map((a: { channel: string }) => a.channel)).toEqual(['red']);
    expect(list.json().items[0].passenger.documents[0].numberKey).toBeTruthy();
    const stored = JSON.stringify(await t.platform.store.db.execute(sql`select * from passenger_arrivals`));
    const rules = JSON.stringify(await t.platform.store.db.execute(sql`select * from watch_rules`));
    expect(stored).toContain('SATO');
    expect(stored + rules + JSON.stringify(list.json())).not.toContain(PASSPORT);

    const del = await t.platform.app.inject({ method: 'DELETE', url: `/api/v1/watch-rules/${rule.json().id}`, headers: auth(t.keys.analyst) });
    expect(del.statusCode).toBe(204);
  });

  it('refuses a message that is not PAXLST with PASSENGER.PAXLST_MALFORMED', async () => {
    const r = await t.platform.app.inject({ method: 'POST', url: '/api/v1/paxlst', headers: { ...auth(t.keys.officer), 'content-type': 'text/plain' }, payload: "UNB+UNOA:4+A+B+200101:0000+1'UNH+1+CUSDEC:D:96B:UN'UNT+2+1'UNZ+1+1'" });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('PASSENGER.PAXLST_MALFORMED');
  });

  it('purges expired passenger data and keeps the rest', async () => {
    const repo = new PassengersRepo(t.platform.store.db);
    const past = new Date(Date.now() - 1000);
    await repo.addDeclaration({ id: 'pdec_expired', data: {}, assessment: {}, digest: 'd', flight: 'JL1', arrivalDate: '2026-01-01', expiresAt: past });
    await repo.addArrivals([{ flight: 'JL1', arrivalDate: '2026-01-01', data: {}, documentKey: 'k', channel: 'green', reasons: [], declarationId: null, expiresAt: past }]);
    const res = await post('/api/v1/passengers/purge', {}, t.keys.admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ declarations: 1, arrivals: 1 });
    expect(await repo.declaration('pdec_expired')).toBeUndefined();
    expect(await repo.arrivals({ flight: 'JL1' })).toEqual([]);
    expect((await repo.arrivals({ flight: 'NH12' })).length).toBeGreaterThan(0);
  });
});
