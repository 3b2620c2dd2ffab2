/**
 * Declarations per second and p50/p99 latency of POST /api/v1/declarations at a fixed concurrency, over real HTTP,
 * embedded (PGlite in a temp folder) and on PostgreSQL (DATABASE_URL or the local server; null with a reason when
 * unreachable). Usage: npm run -s bench:submit -- [--count N] [--concurrency C] [--only embedded|postgres] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createTempDatabase } from '../test/support/pg.ts';
import { sampleDeclaration, testConfig } from '../test/support/platform.ts';
import { createPlatform } from '../src/platform.ts';
import { parseArgs, numberFlag } from '../src/cli/args.ts';

const args = parseArgs(process.argv.slice(2));
const count = numberFlag(args, 'count', 2000);
const concurrency = numberFlag(args, 'concurrency', 16);
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Figures {
  perSec: number;
  p50ms: number;
  p99ms: number;
  count: number;
}

async function run(over: Parameters<typeof testConfig>[0]): Promise<Figures> {
  const platform = await createPlatform(testConfig(over));
  try {
    const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const { key } = await platform.ctx.principals.create({ role: 'trader', name: 'bench' });
    // The week's rate, so every declaration goes the whole way: validate, assess, risk, lane.
    await platform.ctx.exchangeRates.upsert([{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '150.00', source: 'bench' }]);
    const body = JSON.stringify(sampleDeclaration());
    // The load generator runs on its own thread, so the server's event loop is measured, not the client's.
    const { lat, secs, failures } = await runClient({ url: `${address}/api/v1/declarations`, key, body, count, concurrency });
    if (failures) throw new Error(`${failures} requests failed`);
    lat.sort((a, b) => a - b);
    const q = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! * 10) / 10;
    return { perSec: Math.round(count / secs), p50ms: q(0.5), p99ms: q(0.99), count };
  } finally {
    await platform.close();
  }
}

const CLIENT = `
const { parentPort, workerData: w } = require('node:worker_threads');
(async () => {
  const post = () => fetch(w.url, { method: 'POST', headers: { authorization: 'Bearer ' + w.key, 'content-type': 'application/json' }, body: w.body });
  for (let i = 0; i < 50; i++) await (await post()).arrayBuffer();
  const lat = []; let next = 0; let failures = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: w.concurrency }, async () => {
    while (next++ < w.count) {
      const s = performance.now();
      const r = await post(); await r.arrayBuffer();
      if (r.status !== 201) failures++;
      lat.push(performance.now() - s);
    }
  }));
  parentPort.postMessage({ lat, secs: (performance.now() - t0) / 1000, failures });
})();
`;

function runClient(data: { url: string; key: string; body: string; count: number; concurrency: number }): Promise<{ lat: number[]; secs: number; failures: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: data });
    w.once('message', (m: { lat: number[]; secs: number; failures: number }) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sc-bench-submit-'));
log(`bench:submit — ${count} declarations, concurrency ${concurrency}, ${cpus().length} cores, ${cpus()[0]?.model ?? ''}, Node ${process.version}`);
log('each request: HTTP POST, API-key auth, schema + reference validation, assessment on the tariff engine, risk selection (rules, budget, control sample), state + history + outbox in one transaction');
const only = args.flags['only'];
const result: Record<string, Figures | null | string> = {};
if (only !== 'postgres') try {
  result['embedded'] = await run({ dbDir: join(dir, 'db') });
  log(`embedded (PGlite file):  ${JSON.stringify(result['embedded'])}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const base = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
if (only !== 'embedded') try {
  const db = await createTempDatabase(base);
  try {
    result['postgres'] = await run({ databaseUrl: db.url });
    log(`PostgreSQL:              ${JSON.stringify(result['postgres'])}`);
  } finally {
    await db.drop();
  }
} catch (e) {
  result['postgres'] = null;
  result['postgresReason'] = `PostgreSQL not reachable at ${base}: ${(e as Error).message}`;
  log(String(result['postgresReason']));
}
const json = { ...result, concurrency };
if (args.flags['json']) process.stdout.write(`${JSON.stringify(json)}\n`);
else console.log(json);
