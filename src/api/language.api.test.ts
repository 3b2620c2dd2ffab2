import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
const JA = { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' };
/** Three or more English words in a row: what a Japanese answer must not contain outside codes and names. */
const ENGLISH_RUN = /\b[A-Za-z]{2,}(?:[ ,]+[a-z]{2,}){2,}/;

beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.platform.close();
});

const quote = (payload: object, headers: Record<string, string> = {}) =>
  t.platform.app.inject({ method: 'POST', url: '/api/v1/assessments', headers, payload });
const tshirts = {
  date: '2026-11-20',
  exchangeRates: { USD: '150' },
  items: [{ code9: '610910020', originCountry: 'CN', value: { amount: '100', currency: 'USD' }, quantities: [{ amount: '10', unit: 'NO' }, { amount: '2', unit: 'KG' }] }],
};

describe('answers in the language of Accept-Language', () => {
  it('gives the estimator notes in Japanese, with the parameters a client can word them from', async () => {
    const ja = (await quote(tshirts, JA)).json();
    const ct = ja.items[0].notes.find((n: { code: string }) => n.code === 'STANDARD_RATE');
    expect(ct.message).toBe('消費税（国税）7.8%（標準税率。この品目の既定値です。軽減税率の対象かどうかを確認してください）');
    expect(ct.params).toEqual({ percent: '7.8' });
    expect(ct.messageKey).toBe('STANDARD_RATE.default');
    for (const n of ja.items[0].notes) expect(n.message).not.toMatch(ENGLISH_RUN);
    // English by default, worded as before.
    const en = (await quote(tshirts)).json();
    expect(en.items[0].notes.find((n: { code: string }) => n.code === 'STANDARD_RATE').message).toBe(
      'consumption tax at 7.8% national (default for this line; set reducedRate to confirm)',
    );
  });

  it('words an error and each of its problems in Japanese, codes unchanged', async () => {
    const res = await quote({ date: '2026-11-20', items: [{ code9: '610910020', originCountry: 'CN', value: { amount: '100', currency: 'GBP' } }] }, JA);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('ASSESSMENT.NO_EXCHANGE_RATE');
    expect(body.message).toBe('2026-11-20 の GBP の税関換算レートがありません');
    expect(body.details.problems[0]).toMatchObject({ code: 'ASSESSMENT.NO_EXCHANGE_RATE', message: '2026-11-20 の GBP の税関換算レートがありません' });
    const en = (await quote({ date: '2026-11-20', items: [{ code9: '610910020', originCountry: 'CN', value: { amount: '100', currency: 'GBP' } }] })).json();
    expect(en.message).toBe('no customs exchange rate for GBP on 2026-11-20');
  });

  it('words schema validation problems in Japanese (required, type, pattern, unknown field)', async () => {
    const res = await quote({ date: 20261120, items: [{ code9: '61091002', originCountry: 'CN', value: { amount: '100', currency: 'USD' }, colour: 'red' }] }, JA);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toMatch(/^(REQUEST|ASSESSMENT)\./);
    expect(body.message).not.toMatch(ENGLISH_RUN);
    for (const p of body.details.problems) expect(`${p.code} ${p.message}`).not.toMatch(ENGLISH_RUN);
  });

  it('words a declaration’s problems and warnings in Japanese and keeps English for English readers', async () => {
    const bad = sampleDeclaration({
      items: [{ code9: '610910020', description: 'T-shirts', originCountry: 'ZZ', quantities: [{ amount: '10', unit: 'NO' }], invoiceValue: { amount: '100', currency: 'USD' } }],
    });
    const post = (headers: Record<string, string>) =>
      t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: { authorization: `Bearer ${t.keys.trader}`, ...headers }, payload: bad });
    const ja = (await post(JA)).json();
    expect(ja.code).toBe('DECLARATION.INVALID');
    expect(ja.message).toBe('申告内容に誤りがあります。各項目の指摘を確認してください');
    const messages = ja.details.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual(expect.arrayContaining(['国コード「ZZ」はありません（ISO 3166）', '610910020 は KG での数量の入力が必要です']));
    const en = (await post({})).json();
    expect(en.details.problems.map((p: { message: string }) => p.message)).toContain('Line 610910020 needs a quantity in KG');

    const ok = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: { authorization: `Bearer ${t.keys.trader}`, ...JA }, payload: sampleDeclaration() });
    expect(ok.json().warnings[0].message).toBe('090111000 は他法令による許可・承認等が必要です（FD, PL）');
    expect(ok.headers['vary']).toMatch(/Accept-Language/i);
  });

  it('words an unknown route and a refused role in Japanese', async () => {
    const nf = await t.platform.app.inject({ url: '/api/v1/nothing-here', headers: JA });
    expect(nf.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND', message: 'GET /api/v1/nothing-here という API はありません' });
    const un = await t.platform.app.inject({ url: '/api/v1/declarations', headers: JA });
    expect(un.json().message).toBe('有効な API キーが必要です（Authorization: Bearer <キー>）');
  });
});
