/**
 * Low-value clearance throughput, end to end: from the first byte of a batch upload (NDJSON, generated consignments
 * with realistic lines) to the last consignment's decision stored — validate, store, value in yen, manifest ceiling,
 * code resolution (declared, HS6 or suggested by the search), assessment, risk score with a model trained during setup
 * on a generated labelled history, selection lane, decision stored and announced.
 *   embedded: PGlite in a temp folder, in-process bus, clearance in the API process;
 *   nats 1 / 2 workers: PostgreSQL (DATABASE_URL, default the local server; a database created and dropped here) and
 *     a JetStream server of the benchmark's own (own port and store, so its streams are its own), the API in this
 *     process and 1, then 2, `customs worker` processes;
 *   COPY ceiling: psql \copy of the same rows into a table shaped like `consignments`, in the same run.
 * Usage: npm run -s bench:clearance -- [--count N] [--modes embedded,nats1,nats2,copy] [--json] [--profile FILE]
 */
import { sql } from 'drizzle-orm';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { numberFlag, parseArgs, stringFlag } from '../src/cli/args.ts';
import { openStore, type Store } from '../src/adapters/store/connect.ts';
import { ConsignmentsRepo } from '../src/adapters/store/consignments.repo.ts';
import { RiskRepo } from '../src/adapters/store/risk.repo.ts';
import { GENERATOR_YEN_RATES, generateConsignments, type Consignment } from '../src/modules/consignments/index.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { trainConsignmentModel } from '../src/workflows/clearance/consignment-model.ts';
import { MODEL_SETTING } from '../src/workflows/clearance/engine-setup.ts';
import { hasNatsServer, OwnNats } from '../test/support/own-nats.ts';
import { createTempDatabase } from '../test/support/pg.ts';
import { testConfig } from '../test/support/platform.ts';
import { dataDirFromEnv } from '../src/config.ts';

const args = parseArgs(process.argv.slice(2));
const count = numberFlag(args, 'count', 100_000);
const modes = new Set((stringFlag(args, 'modes') ?? 'embedded,nats1,nats2,copy').split(','));
const json = args.flags['json'] === true;
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const out = (s: string): void => (json ? log(s) : void process.stdout.write(`${s}\n`));
const DATA_DIR = dataDirFromEnv();
const ADMIN = `bench-admin-${process.pid}-0123456789`;
const PG_BASE = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RATES = Object.entries(GENERATOR_YEN_RATES)
  .filter(([c]) => c !== 'JPY')
  .map(([currency, rate]) => ({ currency, rate, validFrom: '2000-01-01', validTo: '2099-12-31', source: 'bench (generator rates)' }));

function batch(prefix: string, n: number, seed: number): { chunks: Buffer[]; rows: Consignment[] } {
  const rows: Consignment[] = [];
  for (const g of generateConsignments({ seed, count: n, idPrefix: prefix })) rows.push(g.consignment);
  const chunks: Buffer[] = [];
  for (let i = 0; i < rows.length; i += 500) chunks.push(Buffer.from(rows.slice(i, i + 500).map((c) => `${JSON.stringify(c)}\n`).join('')));
  return { chunks, rows };
}

interface Run {
  readonly perSec: number;
  readonly seconds: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly lanes: Record<string, number>;
  /** CPU seconds spent by this process and the worker processes during the run, and what that is per consignment. */
  readonly cpuSeconds: number;
  readonly cpuMsPerConsignment: number;
  /** The same split: this (API) process, and the worker processes. */
  readonly apiCpuSeconds: number;
  readonly workerCpuSeconds: number;
  /** PostgreSQL's server processes (every database on the local server) and the benchmark's own nats-server. */
  readonly postgresCpuSeconds: number;
  readonly natsCpuSeconds: number;
  /** When the upload's response came (every line stored and announced). */
  readonly uploadSeconds: number;
}

/** utime + stime of a process in seconds, from /proc (Linux; 0 elsewhere). */
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of every PostgreSQL server process on this machine (the local server serves the run's database). */
function postgresCpu(): number {
  let sum = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') sum += cpuOf(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return sum;
}

const profileFile = stringFlag(args, 'profile');

/**
 * With --profile FILE: a CPU profile of this (the API) process over each timed window only (not setup), for
 * chrome://inspect; FILE itself when one mode runs, else FILE with the mode's name before the extension.
 */
async function profiled<T>(label: string, run: () => Promise<T>): Promise<T> {
  if (!profileFile) return run();
  const file = modes.size === 1 ? profileFile : profileFile.replace(/(\.cpuprofile)?$/, `.${label}.cpuprofile`);
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/** Uploads one batch and waits for its last decision; the clock runs from the first byte to that decision. */
async function timedBatch(
  platform: Platform,
  store: Store,
  id: string,
  chunks: readonly Buffer[],
  pids: readonly number[] = [],
  natsPid?: number,
): Promise<Run> {
  const repo = new ConsignmentsRepo(store.db);
  const workerCpu = (): number => pids.reduce((a, p) => a + cpuOf(p), 0);
  const cpu = (): number => cpuOf(process.pid) + workerCpu();
  const c0 = cpu();
  const a0 = cpuOf(process.pid);
  const w0 = workerCpu();
  const p0 = postgresCpu();
  const n0 = natsPid === undefined ? 0 : cpuOf(natsPid);
  const t0 = performance.now();
  const res = await platform.app.inject({
    method: 'POST',
    url: `/api/v1/consignment-batches?id=${id}`,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
    payload: Readable.from(chunks),
  });
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  const uploadSeconds = Math.round((performance.now() - t0) / 10) / 100;
  for (;;) {
    const b = await repo.getBatch(id);
    if (b?.status === 'completed') {
      const seconds = (performance.now() - t0) / 1000;
      const r = await store.db.execute(
        sql`select coalesce(lane, status) as k, count(*)::int as n from consignment_decisions where batch_id = ${id} group by 1`,
      );
      const lanes = Object.fromEntries((r as unknown as { rows: { k: string; n: number }[] }).rows.map((x) => [x.k, x.n]));
      const cpuSeconds = Math.round((cpu() - c0) * 100) / 100;
      return {
        perSec: Math.round(b.decided / seconds),
        seconds: Math.round(seconds * 100) / 100,
        accepted: b.acceptedLines,
        rejected: b.rejectedLines,
        lanes,
        cpuSeconds,
        cpuMsPerConsignment: Math.round((cpuSeconds * 1000 * 1000) / Math.max(1, b.decided)) / 1000,
        apiCpuSeconds: Math.round((cpuOf(process.pid) - a0) * 100) / 100,
        workerCpuSeconds: Math.round((workerCpu() - w0) * 100) / 100,
        postgresCpuSeconds: Math.round((postgresCpu() - p0) * 100) / 100,
        natsCpuSeconds: natsPid === undefined ? 0 : Math.round((cpuOf(natsPid) - n0) * 100) / 100,
        uploadSeconds,
      };
    }
    if (b?.status === 'failed') throw new Error(`batch ${id} failed: ${JSON.stringify(b.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function seed(store: Store, model: unknown): Promise<void> {
  await new RiskRepo(store.db).putSetting(MODEL_SETTING, { version: 'bench-generated', model });
}

async function embedded(model: unknown, work: Buffer[]): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-clearance-'));
  const store = await openStore({ dbDir: dir });
  await seed(store, model);
  const platform = await createPlatform(testConfig({ dataDir: DATA_DIR, dbDir: dir, adminKey: ADMIN }), { store });
  try {
    await platform.ctx.exchangeRates.upsert(RATES);
    await platform.search.ready();
    await timedBatch(platform, store, 'cb_bench_warmup_e', batch('WE', 300, 99).chunks);
    return await profiled('embedded', () => timedBatch(platform, store, 'cb_bench_embedded', work));
  } finally {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts `customs worker` processes and resolves once each says it is ready (search index built, consumer joined). */
function startWorkers(n: number, env: NodeJS.ProcessEnv): { ps: ChildProcess[]; ready: Promise<unknown> } {
  // BENCH_WORKER_CPU_PROF=DIR: each worker writes a CPU profile there when it stops.
  const prof = process.env['BENCH_WORKER_CPU_PROF'];
  // The node flags of bin/customs.mjs's #! line: a worker runs as `npx --no customs worker` would run it.
  const shebang = readFileSync('bin/customs.mjs', 'utf8').split('\n', 1)[0]!;
  const flags = shebang.replace(/^#!\S*env -S node ?/, '').split(' ').filter((f) => f.startsWith('--'));
  const argv = [...flags, ...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), 'bin/customs.mjs', 'worker'];
  const ps = Array.from({ length: n }, () => spawn(process.execPath, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] }));
  const ready = Promise.all(
    ps.map(
      (p) =>
        new Promise<void>((resolve, reject) => {
          p.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
          p.stderr?.on('data', (d: Buffer) => {
            const text = d.toString();
            process.stderr.write(`  [worker ${p.pid}] ${text}`);
            if (text.includes('ready')) resolve();
          });
        }),
    ),
  );
  return { ps, ready };
}

async function stopWorkers(ps: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    ps.map((p) => (p.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => { p.once('exit', () => r()); p.kill('SIGTERM'); }))),
  );
}

async function scaled(model: unknown, runs: { workers: number; chunks: Buffer[]; id: string }[]): Promise<Run[]> {
  if (!hasNatsServer()) throw new Error('no nats-server binary (NATS_SERVER_BIN)');
  const db = await createTempDatabase(PG_BASE);
  const nats = await OwnNats.start();
  const store = await openStore({ databaseUrl: db.url, poolSize: 10 });
  let platform: Platform | undefined;
  const results: Run[] = [];
  try {
    await seed(store, model);
    platform = await createPlatform(testConfig({ dataDir: DATA_DIR, databaseUrl: db.url, natsUrl: nats.url, adminKey: ADMIN }), { store });
    await platform.ctx.exchangeRates.upsert(RATES);
    const env = { ...process.env, DATABASE_URL: db.url, NATS_URL: nats.url, SMART_CUSTOMS_DATA_DIR: DATA_DIR, SMART_CUSTOMS_ADMIN_KEY: ADMIN };
    for (const r of runs) {
      const { ps: workers, ready } = startWorkers(r.workers, env);
      try {
        await ready;
        await timedBatch(platform, store, `${r.id}_warmup`, batch(`W${r.workers}`, 300 * r.workers, 98).chunks);
        const pids = workers.flatMap((w) => (w.pid ? [w.pid] : []));
        results.push(await profiled(`nats${r.workers}`, () => timedBatch(platform!, store, r.id, r.chunks, pids, nats.pid)));
      } finally {
        await stopWorkers(workers);
      }
    }
    return results;
  } finally {
    await platform?.close();
    await store.close().catch(() => undefined);
    await nats.dispose();
    await db.drop();
  }
}

/** The same consignment rows through psql \copy into a table shaped like `consignments` (keys and indexes included). */
async function copyCeiling(rows: readonly Consignment[]): Promise<number> {
  const db = await createTempDatabase(PG_BASE);
  try {
    const store = await openStore({ databaseUrl: db.url, poolSize: 2 });
    await store.close();
    const ddl = spawnSync('psql', [db.url, '-qc', 'create table copy_ceiling (like consignments including all)'], { encoding: 'utf8' });
    if (ddl.status !== 0) throw new Error(`psql: ${ddl.stderr}`);
    const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
    const text = rows.map((c, i) => `own_bench\t${esc(c.consignmentId)}\tcb_copy\t${i + 1}\t${esc(JSON.stringify(c))}\n`).join('');
    const t0 = performance.now();
    const r = spawnSync('psql', [db.url, '-qc', '\\copy copy_ceiling (owner_id, consignment_id, batch_id, line_no, data) from stdin'], {
      input: text,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`psql \\copy: ${r.stderr}`);
    return Math.round(rows.length / seconds);
  } finally {
    await db.drop();
  }
}

async function main(): Promise<void> {
  log(`clearance benchmark: ${count} consignments per run, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const t0 = performance.now();
  const trained = trainConsignmentModel({ count: 20_000, trees: 200 });
  const model = trained.model.toJSON();
  log(`setup: risk model trained on 20,000 generated labelled consignments in ${((performance.now() - t0) / 1000).toFixed(1)} s (valid AUC ${trained.validAuc?.toFixed(3)})`);
  const figures: Record<string, number | null> = { embeddedPerSec: null, natsOneWorkerPerSec: null, natsTwoWorkersPerSec: null, copyCeilingPerSec: null };
  const reasons: Record<string, string> = {};
  const report = (key: string, label: string, r: Run): void => {
    figures[key] = r.perSec;
    out(`${label}: ${r.perSec}/s (${r.accepted} accepted, ${r.rejected} rejected, ${r.seconds} s, upload stored after ${r.uploadSeconds} s; CPU ${r.cpuSeconds} s (API ${r.apiCpuSeconds} s, workers ${r.workerCpuSeconds} s) = ${r.cpuMsPerConsignment} ms per consignment; besides, PostgreSQL ${r.postgresCpuSeconds} s, nats-server ${r.natsCpuSeconds} s; ${JSON.stringify(r.lanes)})`);
  };
  const fail = (key: string, e: unknown): void => {
    reasons[key] = e instanceof Error ? e.message : String(e);
    out(`${key}: null — ${reasons[key]}`);
  };
  const nats1 = batch('N1_', count, 12);
  if (modes.has('embedded')) {
    try {
      report('embeddedPerSec', 'embedded (PGlite, in-process bus)', await embedded(model, batch('E_', count, 11).chunks));
    } catch (e) {
      fail('embeddedPerSec', e);
    }
  }
  const runs = [
    ...(modes.has('nats1') ? [{ key: 'natsOneWorkerPerSec', label: 'PostgreSQL + NATS, 1 worker', workers: 1, chunks: nats1.chunks, id: 'cb_bench_nats1' }] : []),
    ...(modes.has('nats2') ? [{ key: 'natsTwoWorkersPerSec', label: 'PostgreSQL + NATS, 2 workers', workers: 2, chunks: batch('N2_', count, 13).chunks, id: 'cb_bench_nats2' }] : []),
  ];
  if (runs.length > 0) {
    try {
      const results = await scaled(model, runs);
      runs.forEach((r, i) => report(r.key, r.label, results[i]!));
    } catch (e) {
      for (const r of runs) fail(r.key, e);
    }
  }
  if (modes.has('copy')) {
    try {
      figures['copyCeilingPerSec'] = await copyCeiling(nats1.rows);
      out(`PostgreSQL COPY ceiling (same rows): ${figures['copyCeilingPerSec']}/s`);
    } catch (e) {
      fail('copyCeilingPerSec', e);
    }
  }
  log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  if (json) process.stdout.write(`${JSON.stringify({ ...figures, count, ...(Object.keys(reasons).length > 0 ? { reasons } : {}) })}\n`);
}

await main();
process.exit(0);
