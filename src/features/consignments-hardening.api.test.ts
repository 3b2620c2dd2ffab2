import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

let t: TestPlatform;
let port = 0;

beforeAll(async () => {
  t = await startTestPlatform();
  await t.platform.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.platform.app.server.address() as { port: number }).port;
});
afterAll(async () => {
  t?.platform.app.server.closeAllConnections();
  await t?.platform.close();
});

interface Outcome {
  status: number;
  body: string;
  /** The client could send its whole body (the server kept reading). */
  uploadDone: boolean;
}

/**
 * A real HTTP client over a socket streaming `megabytes` of filler rows after `head`, respecting backpressure, as a
 * CLI or a browser does: it finishes sending before it is done with the exchange.
 */
function streamUpload(head: string, megabytes: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const filler = `x,${'y'.repeat(100)}\n`.repeat(10_000);
    let status = 0;
    let body = '';
    let answered = false;
    let uploadDone = false;
    const finish = (): void => {
      if (answered && uploadDone) resolve({ status, body, uploadDone });
    };
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/consignment-batches',
      headers: { authorization: `Bearer ${t.keys.trader}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (d: Buffer) => (body += d.toString('utf8')));
      res.on('end', () => {
        answered = true;
        finish();
      });
    });
    // A connection reset while the client still sends may lose the answer: the server must read on instead.
    req.on('error', (e) => reject(new Error(`connection broken while sending: ${e.message} (answered=${answered})`)));
    const timer = setTimeout(() => reject(new Error(`hang: answered=${answered} uploadDone=${uploadDone}`)), 20_000);
    req.on('close', () => clearTimeout(timer));
    req.write(head);
    let sent = 0;
    const more = (): void => {
      while (sent < megabytes) {
        sent++;
        if (!req.write(filler)) {
          req.once('drain', more);
          return;
        }
      }
      req.end(() => {
        uploadDone = true;
        finish();
      });
    };
    more();
  });
}

describe('a batch answered before its body is read', () => {
  it('lets the client finish sending after an invalid CSV header (no hang)', async () => {
    const r = await streamUpload('nonsense,columns\n', 30);
    expect(r.uploadDone).toBe(true);
    expect(r.status).toBe(201);
    expect(JSON.parse(r.body).rejectedLines).toBe(1);
  });

  it('lets the client finish sending after an unterminated quote (no hang)', async () => {
    const r = await streamUpload('consignmentId,description\n"unterminated,x\n', 30);
    expect(r.uploadDone).toBe(true);
    expect(r.status).toBeLessThan(500);
  });

  it('keeps serving on the same server afterwards', async () => {
    const res = await t.platform.app.inject({ url: '/api/v1/reference/countries/JP' });
    expect(res.statusCode).toBe(200);
  });
});

describe('client-chosen batch ids', () => {
  const upload = (key: string, id: string) =>
    t.platform.app.inject({
      method: 'POST',
      url: `/api/v1/consignment-batches?id=${id}`,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      payload: '{"consignmentId":"X"}\n',
    });
  const get = (key: string, id: string) => t.platform.app.inject({ url: `/api/v1/consignment-batches/${id}`, headers: { authorization: `Bearer ${key}` } });

  it("are per sender: another trader's id is free to use and reveals nothing; one's own id again is 409", async () => {
    const first = await upload(t.keys.trader, 'cb_shared_choice_1');
    expect(first.statusCode).toBe(201);
    expect(first.json().id).toBe('cb_shared_choice_1');
    const other = await upload(t.keys.trader2, 'cb_shared_choice_1');
    expect(other.statusCode).toBe(201);
    expect(other.json().id).toBe('cb_shared_choice_1');
    expect(other.headers['location']).toBe('/api/v1/consignment-batches/cb_shared_choice_1');
    // each reads its own batch under the id it chose
    expect((await get(t.keys.trader, 'cb_shared_choice_1')).json().rejectedLines).toBe(1);
    expect((await get(t.keys.trader2, 'cb_shared_choice_1')).statusCode).toBe(200);
    const again = await upload(t.keys.trader, 'cb_shared_choice_1');
    expect([again.statusCode, again.json().code]).toEqual([409, 'CLEARANCE.BATCH_EXISTS']);
  });
});


describe('text that cannot be stored, inside a streamed batch', () => {
  const upload = (type: string, body: string) =>
    t.platform.app.inject({ method: 'POST', url: '/api/v1/consignment-batches', headers: { authorization: `Bearer ${t.keys.trader}`, 'content-type': type }, payload: body });

  it('rejects NDJSON lines with NUL or a lone surrogate (value, key or id) and stores the batch', async () => {
    const body = ['{"consignmentId":"N\\u0000UL"}', '{"consignmentId":"OK-1","seller":{"name":"a\\u0000b"}}', '{"consignmentId":"OK-2","x\\ud800":1}', '{"consignmentId":"OK-3","buyer":"\\udfff"}'].join('\n');
    const res = await upload('application/x-ndjson', `${body}\n`);
    expect(res.statusCode).toBe(201);
    expect([res.json().acceptedLines, res.json().rejectedLines]).toEqual([0, 4]);
    const lines = await t.platform.app.inject({ url: `/api/v1/consignment-batches/${res.json().id}/lines`, headers: { authorization: `Bearer ${t.keys.trader}` } });
    expect(lines.json().items[1].problems[0]).toMatchObject({ code: 'CONSIGNMENT.INVALID_FIELD', path: '$.seller.name' });
  });

  it('rejects CSV with NUL bytes in the header or a cell, and stores the batch', async () => {
    const header = await upload('text/csv', 'consignment_id\u0000,x\nA,b\n');
    expect(header.statusCode).toBe(201);
    const cell = await upload('text/csv', 'consignment_id,master_awb\nA\u0000B,888-11111111\n');
    expect(cell.statusCode).toBe(201);
    expect(cell.json().acceptedLines).toBe(0);
  });
});
