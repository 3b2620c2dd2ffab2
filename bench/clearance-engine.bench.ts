/**
 * The clearance engine alone, in one thread, no storage and no bus: what one worker spends per consignment on
 * valuing, code resolution, assessment, risk scoring, selection and explanations. The end-to-end figure is
 * bench:clearance; this one isolates the CPU a worker adds per consignment, to profile it.
 *   npx tsx bench/clearance-engine.bench.ts [--count N] [--profile FILE] [--json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberFlag, parseArgs, stringFlag } from '../src/cli/args.ts';
import { openStore } from '../src/adapters/store/connect.ts';
import { RiskRepo } from '../src/adapters/store/risk.repo.ts';
import { dataDirFromEnv } from '../src/config.ts';
import { GENERATOR_YEN_RATES, generateConsignments } from '../src/modules/consignments/index.ts';
import { createPlatform } from '../src/platform.ts';
import { trainConsignmentModel } from '../src/workflows/clearance/consignment-model.ts';
import { createClearanceEngine } from '../src/workflows/clearance/engine-setup.ts';
import { testConfig } from '../test/support/platform.ts';

const args = parseArgs(process.argv.slice(2));
const count = numberFlag(args, 'count', 50_000);
const json = args.flags['json'] === true;
const profileFile = stringFlag(args, 'profile');
const log = (s: string): void => void process.stderr.write(`${s}\n`);

const dir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
const store = await openStore({ dbDir: dir });
const platform = await createPlatform(testConfig({ dataDir: dataDirFromEnv(), dbDir: dir, adminKey: `bench-admin-${process.pid}-0123456789` }), { store });
try {
  await platform.ctx.exchangeRates.upsert(
    Object.entries(GENERATOR_YEN_RATES)
      .filter(([c]) => c !== 'JPY')
      .map(([currency, rate]) => ({ currency, rate, validFrom: '2000-01-01', validTo: '2099-12-31', source: 'bench' })),
  );
  await platform.search.ready();
  const { model } = trainConsignmentModel({ count: 20_000, trees: 200 });
  const engine = await createClearanceEngine({
    catalog: platform.ctx.catalog,
    search: platform.search,
    tariff: platform.tariff,
    exchangeRates: platform.ctx.exchangeRates,
    riskRepo: new RiskRepo(store.db),
    risk: platform.risk,
    log,
    model,
  });
  const all = [...generateConsignments({ seed: 21, count: count + 5_000, idPrefix: 'G' })].map((g) => ({
    consignmentId: g.consignment.consignmentId,
    data: JSON.parse(JSON.stringify(g.consignment)) as unknown,
  }));
  const date = '2026-12-01';
  // warm-up: the JIT, the search cache of repeated descriptions, the selector's first thresholds
  for (let i = 0; i < 5_000; i += 500) await engine.clear(all.slice(i, i + 500), date);
  const work = all.slice(5_000);
  const session = new Session();
  const post = (m: string): Promise<unknown> => new Promise((res, rej) => session.post(m, (e, r) => (e ? rej(e) : res(r))));
  if (profileFile) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < work.length; i += 500) await engine.clear(work.slice(i, i + 500), date);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  if (profileFile) writeFileSync(profileFile, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
  const figures = {
    consignments: work.length,
    perSec: Math.round(work.length / seconds),
    cpuUsPerConsignment: Math.round((cpu.user + cpu.system) / work.length),
  };
  log(`clearance engine alone: ${figures.perSec}/s, ${figures.cpuUsPerConsignment} µs CPU per consignment (${work.length} consignments, chunks of 500, one thread)`);
  if (json) console.log(JSON.stringify(figures));
} finally {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
