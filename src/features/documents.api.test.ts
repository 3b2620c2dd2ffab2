import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
let id: string;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const send = (declId: string, body: Record<string, unknown>, key = t.keys.trader) =>
  t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${declId}/documents`, headers: auth(key), payload: body });
const list = (declId: string, key: string) => t.platform.app.inject({ url: `/api/v1/declarations/${declId}/documents`, headers: auth(key) });
const decide = (declId: string, decision: string, reason: string) =>
  t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${declId}/decision`, headers: auth(t.keys.officer), payload: { decision, reason } });

beforeAll(async () => {
  t = await startTestPlatform();
  id = (await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader), payload: sampleDeclaration() })).json().id;
  await decide(id, 'hold', 'Send the food import notification (FD)');
}, 120_000);
afterAll(async () => t?.platform.close());

describe('documents for a declaration', () => {
  it('takes a PDF from the owner, lists it to the officer and gives the officer the same bytes back', async () => {
    const res = await send(id, { fileName: '食品等輸入届出書.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64'), note: 'FD notification' });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ declarationId: id, fileName: '食品等輸入届出書.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, note: 'FD notification' });
    expect(res.headers['location']).toBe(`/api/v1/declarations/${id}/documents/${doc.id}`);

    const seen = await list(id, t.keys.officer);
    expect(seen.json().items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect(seen.json().items[0]).not.toHaveProperty('content');

    for (const key of [t.keys.officer, t.keys.trader]) {
      const dl = await t.platform.app.inject({ url: `/api/v1/declarations/${id}/documents/${doc.id}`, headers: auth(key) });
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(PDF)).toBe(true);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('食品等輸入届出書.pdf')}`);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('shows another trader nothing: not the list, not the file, and takes no file from them', async () => {
    const docId = (await list(id, t.keys.trader)).json().items[0].id;
    for (const res of [
      await list(id, t.keys.trader2),
      await t.platform.app.inject({ url: `/api/v1/declarations/${id}/documents/${docId}`, headers: auth(t.keys.trader2) }),
      await send(id, { fileName: 'x.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }, t.keys.trader2),
    ]) {
      expect([res.statusCode, res.json().code]).toEqual([404, 'DECLARATION.NOT_FOUND']);
    }
    expect((await t.platform.app.inject({ url: `/api/v1/declarations/${id}/documents` })).statusCode).toBe(401);
    expect((await list(id, t.keys.analyst)).json().code).toBe('AUTH.FORBIDDEN');
    const other = await t.platform.app.inject({ url: `/api/v1/declarations/${id}/documents/doc_nothere`, headers: auth(t.keys.officer) });
    expect([other.statusCode, other.json().code]).toEqual([404, 'DOCUMENT.NOT_FOUND']);
  });

  it('refuses other types, bytes that are not what they claim, bad base64 and files over the limit, each with its code', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ fileName: 'a.html', contentType: 'text/html', contentBase64: PDF.toString('base64') }, 415, 'DOCUMENT.UNSUPPORTED_TYPE'],
      [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: PNG.toString('base64') }, 422, 'DOCUMENT.INVALID_CONTENT'],
      [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: '%%%' }, 422, 'DOCUMENT.INVALID_CONTENT'],
      [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]).toString('base64') }, 413, 'DOCUMENT.TOO_LARGE'],
      [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64'), extra: 1 }, 422, 'REQUEST.VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await send(id, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
    }
    const huge = await send(id, { fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: 'A'.repeat(8 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
  });

  it('takes no more documents once the declaration is released', async () => {
    await decide(id, 'release', 'FD notification received');
    const res = await send(id, { fileName: 'late.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') });
    expect([res.statusCode, res.json().code]).toEqual([409, 'DOCUMENT.DECLARATION_CLOSED']);
    expect((await list(id, t.keys.trader)).json().items).toHaveLength(1);
  });
});

describe('who a key belongs to', () => {
  it('tells each principal its own role, and no one without a key', async () => {
    for (const [key, role] of [
      [t.keys.trader, 'trader'],
      [t.keys.officer, 'officer'],
      [t.keys.analyst, 'analyst'],
    ] as const) {
      const me = await t.platform.app.inject({ url: '/api/v1/principals/me', headers: auth(key) });
      expect([me.statusCode, me.json().role]).toEqual([200, role]);
      expect(JSON.stringify(me.json())).not.toContain(key);
    }
    expect((await t.platform.app.inject({ url: '/api/v1/principals/me' })).statusCode).toBe(401);
  });
});
