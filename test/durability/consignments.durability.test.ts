import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/connect.ts';
import { RiskRepo } from '../../src/adapters/store/risk.repo.ts';
import { generateConsignments } from '../../src/modules/consignments/index.ts';
import { trainConsignmentModel } from '../../src/workflows/clearance/consignment-model.ts';
import { MODEL_SETTING } from '../../src/workflows/clearance/engine-setup.ts';
import { killHard, startChildServer, type ChildServer } from '../support/child-server.ts';
import { hasNatsServer, OwnNats } from '../support/own-nats.ts';
import { TEST_DATABASE_URL, createTempDatabase } from '../support/pg.ts';
import { ADMIN_KEY, FIXTURE_DATA_DIR } from '../support/platform.ts';

/**
 * The scaled clearance pipeline under failure, on the real PostgreSQL (TEST_DATABASE_URL) and a nats-server of the
 * test's own (own port and store, so it can be restarted): an API node and `customs worker` processes as children.
 *   - a worker SIGKILLed mid-job: every consignment is decided exactly once (the store writes a decision only over an
 *     undecided row; redelivered messages find theirs decided);
 *   - the API SIGKILLed mid-upload: every line counted in acceptedLines before the kill is stored;
 *   - the NATS server restarted mid-run: the batch completes.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const enabled = Boolean(TEST_DATABASE_URL) && Boolean(process.env['TEST_NATS_URL']) && hasNatsServer();

function ndjson(prefix: string, count: number): string[] {
  const chunks: string[] = [];
  let buf = '';
  let n = 0;
  for (const g of generateConsignments({ seed: 5, count, idPrefix: prefix })) {
    buf += `${JSON.stringify(g.consignment)}\n`;
    if (++n % 250 === 0) {
      chunks.push(buf);
      buf = '';
    }
  }
  if (buf) chunks.push(buf);
  return chunks;
}

function startWorker(env: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['bin/customs.mjs', 'worker'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${out.slice(-2000)}`)));
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve();
    });
  });
  ready.catch(() => undefined);
  return { child, ready };
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

describe.skipIf(!enabled)('consignment clearance durability (PostgreSQL + NATS JetStream)', () => {
  let nats: OwnNats;
  let db: { url: string; drop: () => Promise<void> };
  let api: ChildServer;
  let client: pg.Client;
  let env: Record<string, string>;
  const workers: ChildProcess[] = [];

  /** The batch as the API reports it (its counters are sums of progress rows, its completion recorded on read). */
  const batch = async (id: string): Promise<{ status: string; acceptedLines: number; decided: number }> => {
    const r = await fetch(`${api.url}/api/v1/consignment-batches/${id}`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    if (r.status !== 200) return { status: 'none', acceptedLines: 0, decided: 0 };
    const b = (await r.json()) as { status: string; acceptedLines: number; decided: number };
    return { status: b.status, acceptedLines: b.acceptedLines, decided: b.decided };
  };
  /** The id a batch is stored under: the sender's chosen id, tagged with its owner (see consignments.routes.ts). */
  const storedIds = new Map<string, string>();
  const sid = async (id: string): Promise<string> => {
    const known = storedIds.get(id);
    if (known) return known;
    const r = await client.query(`select id from consignment_batches where id = $1 or starts_with(id, $1 || '~') limit 1`, [id]);
    const found = (r.rows[0] as { id: string } | undefined)?.id;
    if (found) storedIds.set(id, found);
    return found ?? id;
  };
  /** Decisions stored so far, straight from the progress rows (cheap enough to poll every few milliseconds). */
  const decidedSoFar = async (id: string): Promise<number> => {
    const r = await client.query('select coalesce(sum(decided), 0)::int as n from consignment_batch_progress where batch_id = $1', [await sid(id)]);
    return (r.rows[0] as { n: number }).n;
  };
  /** Consignments of a batch, those with a decision, and those without one, straight from the tables. */
  const stored = async (id: string): Promise<{ n: number; decided: number; open: number }> => {
    const r = await client.query(
      `select count(*)::int as n, count(d.consignment_id)::int as decided, count(*) filter (where d.consignment_id is null)::int as open
       from consignments c left join consignment_decisions d on d.owner_id = c.owner_id and d.consignment_id = c.consignment_id
       where c.batch_id = $1`,
      [await sid(id)],
    );
    return r.rows[0] as { n: number; decided: number; open: number };
  };
  const until = async (what: string, ok: () => Promise<boolean>, ms: number): Promise<void> => {
    const end = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const upload = (id: string, chunks: readonly string[], delayMs = 0): Promise<Response> => {
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (i >= chunks.length) return c.close();
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        c.enqueue(new TextEncoder().encode(chunks[i++]));
      },
    });
    return fetch(`${api.url}/api/v1/consignment-batches?id=${id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as RequestInit);
  };

  beforeAll(async () => {
    nats = await OwnNats.start();
    db = await createTempDatabase(TEST_DATABASE_URL!);
    env = { DATABASE_URL: db.url, NATS_URL: nats.url, SMART_CUSTOMS_DATA_DIR: FIXTURE_DATA_DIR, SMART_CUSTOMS_ADMIN_KEY: ADMIN_KEY, CUSTOMS_CLEARANCE_ACK_WAIT_MS: '8000' };
    api = await startChildServer(env);
    // A small model up front, so that the workers do not each train one on their first message.
    const store = await openStore({ databaseUrl: db.url, poolSize: 1 });
    await new RiskRepo(store.db).putSetting(MODEL_SETTING, { version: 'durability', model: trainConsignmentModel({ count: 1500, trees: 20 }).model.toJSON() });
    await store.close();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    // Each step on its own: one that fails or hangs must not leave servers or databases behind.
    const step = async (name: string, f: () => Promise<unknown>): Promise<void> => {
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`${name} timed out`)), 15_000).unref());
      await Promise.race([f(), timeout]).catch((e: unknown) => process.stderr.write(`cleanup: ${String(e)}\n`));
    };
    await step('workers', () => Promise.all(workers.map((w) => kill(w, 'SIGKILL'))));
    if (api) await step('api', () => kill(api.child, 'SIGKILL'));
    await step('client', () => client?.end() ?? Promise.resolve());
    await step('nats', () => nats?.dispose() ?? Promise.resolve());
    await step('database', () => db?.drop() ?? Promise.resolve());
  }, 90_000);

  it('decides every consignment exactly once when a worker is SIGKILLed in the middle of a 20,000-consignment job', async () => {
    const a = startWorker(env);
    const b = startWorker(env);
    workers.push(a.child, b.child);
    await Promise.all([a.ready, b.ready]);
    // The upload trickles in (workers keep up with it), so the kill lands while consignments are still arriving.
    const uploaded = upload('cb_dur_worker', ndjson('KW', 20_000), 15);
    const end = Date.now() + 120_000;
    while ((await decidedSoFar('cb_dur_worker')) < 3000 && Date.now() < end) await new Promise((r) => setTimeout(r, 2));
    await kill(a.child, 'SIGKILL');
    const atKill = { decided: await decidedSoFar('cb_dur_worker') };
    expect((await uploaded).status).toBe(201);
    const c = startWorker(env);
    workers.push(c.child);
    await c.ready;
    await until('the batch to complete', async () => (await batch('cb_dur_worker')).status === 'completed', 240_000);
    // Some generated parcels come from countries the fixture code lists lack: rejected lines, never stored.
    const done = await batch('cb_dur_worker');
    expect(atKill.decided, 'the worker died mid-job').toBeLessThan(done.acceptedLines);
    expect(done.acceptedLines).toBeGreaterThan(15_000);
    expect(await stored('cb_dur_worker')).toEqual({ n: done.acceptedLines, decided: done.acceptedLines, open: 0 });
    // one decision per consignment, none for anything else of the batch
    const all = await client.query(`select count(*)::int as n from consignment_decisions where batch_id = $1`, [await sid('cb_dur_worker')]);
    expect(all.rows[0].n).toBe(done.acceptedLines);
    expect(done).toEqual({ status: 'completed', acceptedLines: done.acceptedLines, decided: done.acceptedLines });
  }, 420_000);

  it('completes the batch when the NATS server restarts mid-run', async () => {
    // The batch is stored and queued with no worker running, then the server restarts: the queue must survive it;
    // then it restarts again while a worker is clearing.
    await Promise.all(workers.splice(0).map((w) => kill(w, 'SIGTERM')));
    const res = await upload('cb_dur_nats', ndjson('KN', 20_000));
    expect(res.status).toBe(201);
    await nats.stop('SIGTERM');
    await nats.start();
    // One message at a time, and the server stopped at the first decision: the fixture data clears fast.
    // Not waiting for "ready": the queue is full, so the worker starts deciding before it says so.
    const w = startWorker({ ...env, CUSTOMS_CLEARANCE_IN_FLIGHT: '1' });
    workers.push(w.child);
    w.ready.catch(() => undefined);
    const end = Date.now() + 120_000;
    while ((await decidedSoFar('cb_dur_nats')) === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 1));
    await nats.stop('SIGTERM');
    const atStop = { decided: await decidedSoFar('cb_dur_nats') };
    await new Promise((r) => setTimeout(r, 1000));
    await nats.start();
    await until('the batch to complete', async () => (await batch('cb_dur_nats')).status === 'completed', 180_000);
    const b = await batch('cb_dur_nats');
    expect(atStop.decided, 'the server went down mid-run').toBeLessThan(b.acceptedLines);
    expect(b.acceptedLines).toBeGreaterThan(15_000);
    expect(b.decided).toBe(b.acceptedLines);
    expect((await stored('cb_dur_nats')).open).toBe(0);
  }, 360_000);

  it('keeps every line counted in acceptedLines when the API is SIGKILLed during an upload', async () => {
    const pending = upload('cb_dur_api', ndjson('KA', 20_000), 20).catch(() => undefined);
    let seen = 0;
    await until('lines accepted', async () => {
      const r = await fetch(`${api.url}/api/v1/consignment-batches/cb_dur_api`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      if (r.status === 200) seen = ((await r.json()) as { acceptedLines: number }).acceptedLines;
      return seen >= 2000;
    }, 120_000);
    await killHard(api);
    await pending;
    // An accepted line is its consignment row: every line counted before the kill is one, and no row is uncounted.
    const accepted = (await stored('cb_dur_api')).n;
    expect(accepted).toBeGreaterThanOrEqual(seen);
    const counted = await client.query(`select coalesce(sum(accepted), 0)::int as n from consignment_batch_progress where batch_id = $1`, [await sid('cb_dur_api')]);
    expect(counted.rows[0].n).toBe(accepted);
  }, 300_000);
});
