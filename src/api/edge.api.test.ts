import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
let port = 0;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await startTestPlatform();
  await t.platform.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.platform.app.server.address() as { port: number }).port;
});
afterAll(async () => t?.platform.close());

/** One raw HTTP exchange: what Node's parser and Fastify's router answer before any route runs. */
function raw(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let out = '';
    s.on('data', (d) => (out += d.toString('utf8')));
    s.on('close', () => {
      const [head = '', ...rest] = out.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), body: rest.join('\r\n\r\n') });
    });
    s.on('error', reject);
    s.setTimeout(5000, () => s.destroy());
    s.write(request);
  });
}

const expectShape = (body: string, code: string) => {
  // Chunked or not, the JSON object is the only brace-delimited part of the body.
  const json = JSON.parse(body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1));
  expect(json.code).toBe(code);
  expect(typeof json.message).toBe('string');
};

describe('text that cannot be stored is refused at the edge', () => {
  it('refuses NUL in a body string with 422 naming the path', async () => {
    const body = sampleDeclaration();
    (body['importer'] as Record<string, unknown>)['name'] = 'Kissa\u0000Trading';
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader), payload: body });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('REQUEST.INVALID_VALUE');
    expect(res.json().details.path).toBe('$.importer.name');
  });

  it('refuses a lone surrogate in a body string, and in a key', async () => {
    const res = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      headers: { 'content-type': 'application/json' },
      payload: '{"date":"2026-11-20","items":[{"code9":"\\ud800"}]}',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.path).toBe('$.items[0].code9');
    const key = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/passenger-declarations',
      headers: { 'content-type': 'application/json' },
      payload: '{"\\udfffx":1}',
    });
    expect(key.statusCode).toBe(422);
    expect(key.json().code).toBe('REQUEST.INVALID_VALUE');
  });

  it('refuses NUL in a path parameter and in the query (no 500 from the database)', async () => {
    const byPath = await t.platform.app.inject({ url: '/api/v1/declarations/x%00y', headers: auth(t.keys.officer) });
    expect(byPath.statusCode).toBe(422);
    expect(byPath.json().details.path).toBe('$params.id');
    const batch = await t.platform.app.inject({ url: '/api/v1/consignment-batches/x%00y', headers: auth(t.keys.officer) });
    expect(batch.statusCode).toBe(422);
    const search = await t.platform.app.inject({ url: '/api/v1/tariff/search?q=coffee%00' });
    expect(search.statusCode).toBe(422);
    expect(search.json().details.path).toBe('$querystring.q');
  });

  it('refuses NUL in an XML body as a whole', async () => {
    const res = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/advance-cargo',
      headers: { ...auth(t.keys.trader), 'content-type': 'application/xml' },
      payload: '<Waybill><BusinessHeaderDocument><ID>\u0000</ID></BusinessHeaderDocument></Waybill>',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('REQUEST.INVALID_VALUE');
  });
});

describe('authentication comes before the body', () => {
  it('answers an anonymous caller 401 without parsing or validating its body', async () => {
    const malformed = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(malformed.statusCode).toBe(401);
    const invalid = await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: { kind: 'nonsense', items: 'x' } });
    expect(invalid.statusCode).toBe(401);
    expect(invalid.json().code).toBe('AUTH.UNAUTHENTICATED');
    expect(JSON.stringify(invalid.json())).not.toContain('items');
  });

  it('answers a caller with the wrong role 403 before validating its body, and keeps what each role may do', async () => {
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/principals', headers: auth(t.keys.trader), payload: { role: 'nonsense' } });
    expect(res.statusCode).toBe(403);
    const admin = await t.platform.app.inject({ method: 'POST', url: '/api/v1/principals', headers: auth(t.keys.admin), payload: { role: 'nonsense' } });
    expect(admin.statusCode).toBe(422);
    const officer = await t.platform.app.inject({ url: '/api/v1/declarations', headers: auth(t.keys.officer) });
    expect(officer.statusCode).toBe(200);
  });

  it('does not read a large body from an anonymous caller over a socket', async () => {
    const body = JSON.stringify({ items: 'x'.repeat(900_000) });
    const started = Date.now();
    const res = await raw(
      `POST /api/v1/declarations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(res.status).toBe(401);
    expectShape(res.body, 'AUTH.UNAUTHENTICATED');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('pagination cursors', () => {
  it('refuses a crafted cursor (year 99999) with 422 REQUEST.INVALID_CURSOR', async () => {
    const crafted = ['99999-12-07|x', '2026-13-45T00:00:00Z|dcl_x', 'garbage', '2026-01-01T00:00:00.000Z|x\'--', '0000-01-01T00:00:00Z|x', '9999-12-31T23:59:59-23:59|x'];
    for (const url of ['/api/v1/declarations', '/api/v1/consignment-batches']) {
      for (const text of crafted) {
        const cursor = Buffer.from(text).toString('base64url');
        const res = await t.platform.app.inject({ url: `${url}?cursor=${cursor}`, headers: auth(t.keys.officer) });
        expect(res.statusCode, `${url} ${text}`).toBe(422);
        expect(res.json().code).toBe('REQUEST.INVALID_CURSOR');
      }
    }
  });

  it('still pages with the cursors it gives out', async () => {
    for (let i = 0; i < 3; i++) await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader2), payload: sampleDeclaration() });
    const first = (await t.platform.app.inject({ url: '/api/v1/declarations?limit=2', headers: auth(t.keys.trader2) })).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await t.platform.app.inject({ url: `/api/v1/declarations?limit=2&cursor=${first.nextCursor}`, headers: auth(t.keys.trader2) });
    expect(second.statusCode).toBe(200);
    expect(second.json().items.length).toBe(1);
  });
});

describe("Node's and Fastify's own refusals carry {code, message}", () => {
  it('answers headers that are too large with 431 REQUEST.HEADERS_TOO_LARGE', async () => {
    const res = await raw(`GET /api/v1/reference/countries HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expectShape(res.body, 'REQUEST.HEADERS_TOO_LARGE');
  });

  it('answers an unparseable request and a bad content-length with 400 REQUEST.BAD_REQUEST', async () => {
    for (const req of ['GARBAGE\r\n\r\n', 'POST /api/v1/assessments HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n']) {
      const res = await raw(req);
      expect(res.status, req).toBe(400);
      expectShape(res.body, 'REQUEST.BAD_REQUEST');
    }
  });

  it('answers a path that is not valid percent-encoding with 400 and a catalogue code', async () => {
    const res = await raw('GET /api/v1/declarations/%ED%A0%80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expectShape(res.body, 'REQUEST.BAD_REQUEST');
  });

  it('answers a request without Host with {code, message}', async () => {
    const res = await raw('GET /api/v1/reference/countries HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expectShape(res.body, 'REQUEST.BAD_REQUEST');
  });
});

describe('implausible amounts', () => {
  it('refuses a payment of 1e300 yen (integer yen under a trillion)', async () => {
    const d = (await t.platform.app.inject({ method: 'POST', url: '/api/v1/declarations', headers: auth(t.keys.trader), payload: sampleDeclaration() })).json();
    for (const amountYen of [1e300, 1e12, 1.5]) {
      const res = await t.platform.app.inject({ method: 'POST', url: `/api/v1/declarations/${d.id}/payments`, headers: auth(t.keys.officer), payload: { amountYen, reference: 'R-1' } });
      expect(res.statusCode, String(amountYen)).toBe(422);
      expect(res.json().details.problems[0]).toMatchObject({ path: '$.amountYen', code: 'REQUEST.INVALID_VALUE' });
    }
  });
});

describe('a body over the limit', () => {
  it('answers 413 with its code to a client still sending, never a reset', async () => {
    // 1.5 MB against the 1 MiB JSON limit, as an ordinary client sends it: the whole body, then read the answer.
    const body = JSON.stringify({ version: 'x'.repeat(1_500_000) });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/risk/policy`, {
        method: 'PUT',
        headers: { ...auth(t.keys.admin), 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(413);
      expect((await res.json()).code).toBe('REQUEST.BODY_TOO_LARGE');
    }
  });
});
