/**
 * E-Gate verification through the platform, end to end: `POST /api/v1/passenger-declarations` (validate, assess,
 * store, sign, QR image) for N travellers, then `POST /api/v1/gate/verify` of each pass (signature, stored digest,
 * channel, replay guard on gate_uses), then each pass again: green passes must be replays, the one traveller in four who
 * owes duty red_channel both times. In-process (Fastify inject, no sockets) on
 * embedded PGlite, or on PostgreSQL with --pg URL. The pure verifier's ceiling is `npm run -s bench:gate`.
 *
 *   npx tsx bench/gate-api.bench.ts [--json] [--n 2000] [--concurrency 8] [--pg postgres://…]
 *
 * With --json, figures and conditions go to stderr and stdout ends with one JSON line
 * {"verificationsPerSec":…,"verifyP99ms":…,"declarationsPerSec":…,"declareP99ms":…,"store":…}.
 */
import { cpus, loadavg } from 'node:os';
import { createTempDatabase } from '../test/support/pg.ts';
import { numberFlag, parseArgs, stringFlag } from '../src/cli/args.ts';
import { createPlatform } from '../src/platform.ts';
import { testConfig } from '../test/support/platform.ts';

const args = parseArgs(process.argv.slice(2));
const json = args.flags['json'] === true;
const log = (s: string): void => void (json ? console.error(s) : console.log(s));
const n = numberFlag(args, 'n', 2000);
const concurrency = numberFlag(args, 'concurrency', 8);
const pg = stringFlag(args, 'pg');

const tmp = pg ? await createTempDatabase(pg) : undefined;
const platform = await createPlatform(testConfig(tmp ? { databaseUrl: tmp.url } : {}));
const officer = (await platform.ctx.principals.create({ role: 'officer', name: 'bench gate' })).key;
await platform.ctx.exchangeRates.upsert([{ currency: 'USD', validFrom: '2026-11-29', validTo: '2026-12-05', rate: '150', source: 'bench' }]);

// One traveller in four brings goods over the allowance (duty payable: red channel); the others nothing to declare.
const isRed = (i: number): boolean => i % 4 === 3;
const NO = { prohibitedOrRestrictedGoods: false, goodsOverAllowance: false, commercialGoodsOrSamples: false, goodsCarriedForOthers: false, cashOver1MillionYen: false, unaccompaniedBaggage: false };
const declaration = (i: number) => (isRed(i) ? redDeclaration(i) : { ...redDeclaration(i), answers: NO, goods: { other: [{ description: 'Scarf', kind: 'scarf', quantity: 1, unitValue: { amount: '100', currency: 'USD' } }] } });
const redDeclaration = (i: number) => ({
  traveller: { familyName: 'BENCH', givenNames: `TRAVELLER ${i}`.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!), dateOfBirth: '1985-04-01', nationality: 'JPN', passportNumber: `TK${String(i).padStart(7, '0')}` },
  flight: { flightNumber: 'NH012', departureAirport: 'LHR', arrivalAirport: 'HND' },
  arrivalDate: '2026-12-01',
  answers: { prohibitedOrRestrictedGoods: false, goodsOverAllowance: true, commercialGoodsOrSamples: false, goodsCarriedForOthers: false, cashOver1MillionYen: false, unaccompaniedBaggage: false },
  goods: {
    alcohol: [{ kind: 'whisky_brandy', volumeMl: 700, bottles: 4 }],
    other: [
      { description: 'Leather handbag', kind: 'handbag', quantity: 1, unitValue: { amount: '1000', currency: 'USD' } },
      { description: 'Wool coat', kind: 'coat', quantity: 1, unitValue: { amount: '800', currency: 'USD' } },
    ],
  },
});

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Runs `task(i)` for i < count with `c` in flight; returns wall ms, CPU ms and each call's latency. */
async function timed(count: number, c: number, task: (i: number) => Promise<void>) {
  const lat: number[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < count) {
        const i = next++;
        const s = performance.now();
        await task(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpuMs: (cpu.user + cpu.system) / 1000, lat: lat.sort((a, b) => a - b) };
}

const tokens: string[] = new Array<string>(n);
const app = platform.app;
const declared = await timed(n, concurrency, async (i) => {
  const r = await app.inject({ method: 'POST', url: '/api/v1/passenger-declarations', remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, payload: { declaration: declaration(i) } });
  if (r.statusCode !== 201) throw new Error(`declaration ${i}: ${r.statusCode} ${r.body}`);
  tokens[i] = (r.json() as { qr: { token: string } }).qr.token;
});
const verdicts = new Map<string, number>();
const verifyAll = () =>
  timed(n, concurrency, async (i) => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/gate/verify', headers: { authorization: `Bearer ${officer}` }, payload: { token: tokens[i] } });
    const v = (r.json() as { verdict: string }).verdict;
    verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
  });
const verified = await verifyAll();
const firstPass = new Map(verdicts);
verdicts.clear();
const replayed = await verifyAll();

await platform.close();
await tmp?.drop();

const store = tmp ? 'postgres' : 'pglite (in memory)';
const rate = (count: number, ms: number): number => Math.round((count / ms) * 1000);
log(`gate API bench: ${n} travellers, concurrency ${concurrency}, store ${store}, Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
log(`declare: ${rate(n, declared.wall)}/s wall, ${(declared.cpuMs / n).toFixed(2)} ms CPU each, p50 ${pct(declared.lat, 50).toFixed(1)} ms, p99 ${pct(declared.lat, 99).toFixed(1)} ms`);
log(`verify (first use): ${rate(n, verified.wall)}/s wall, ${(verified.cpuMs / n).toFixed(3)} ms CPU each, p50 ${pct(verified.lat, 50).toFixed(2)} ms, p99 ${pct(verified.lat, 99).toFixed(2)} ms; verdicts ${JSON.stringify(Object.fromEntries(firstPass))}`);
log(`verify (again): ${rate(n, replayed.wall)}/s wall, p99 ${pct(replayed.lat, 99).toFixed(2)} ms; verdicts ${JSON.stringify(Object.fromEntries(verdicts))}`);
const reds = Array.from({ length: n }, (_, i) => i).filter(isRed).length;
if (firstPass.get('valid') !== n - reds || firstPass.get('red_channel') !== reds || verdicts.get('replay') !== n - reds || verdicts.get('red_channel') !== reds) {
  console.error('unexpected verdicts: every green pass must verify once and then be a replay, every red one red_channel each time');
  process.exit(1);
}
if (json) {
  console.log(
    JSON.stringify({
      verificationsPerSec: rate(n, verified.wall),
      verifyP99ms: Number(pct(verified.lat, 99).toFixed(2)),
      declarationsPerSec: rate(n, declared.wall),
      declareP99ms: Number(pct(declared.lat, 99).toFixed(1)),
      valid: firstPass.get('valid') ?? 0,
      redChannel: firstPass.get('red_channel') ?? 0,
      store,
    }),
  );
}
