/**
 * Tariff engine throughput: builds the index once from the full schedule, then assesses generated requests over
 * real 9-digit lines (ad valorem lines with a random origin and claim, 1–3 items each) for a fixed time.
 * Run: `npx tsx bench/tariff.bench.ts [--seconds 5] [--json]` (no npm script; package.json is shared).
 * Prints figures and conditions to stderr (stdout without --json); with --json ends stdout with one JSON line.
 */
import { cpus, loadavg } from 'node:os';
import { dataDirFromEnv } from '../src/config.ts';
import { readTariffRows } from '../src/modules/reference/index.ts';
import { AGREEMENT_IDS, assess, buildTariffIndex, loadJpRules } from '../src/modules/tariff/index.ts';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const secondsArg = argv.indexOf('--seconds');
const seconds = secondsArg >= 0 ? Number(argv[secondsArg + 1]) : 5;
const say = (s: string): void => {
  (json ? process.stderr : process.stdout).write(`${s}\n`);
};

const dir = dataDirFromEnv();
let t = performance.now();
const rows = readTariffRows(dir);
const readMs = performance.now() - t;
t = performance.now();
const index = buildTariffIndex(rows);
const indexMs = performance.now() - t;
const jpRules = loadJpRules(dir);

// Deterministic pseudo-random requests over lines whose base rate is ad valorem (no quantity needed).
let seed = 42;
const rand = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const codes = rows.filter((r) => r.code9 !== '' && /^\d+(\.\d+)?%$|^無税$/.test(r.rates.rate_general ?? '')).map((r) => r.code9);
const origins = ['US', 'CN', 'VN', 'AU', 'DE', 'TH', 'KR', 'GB', 'IN', 'KH'];
const requests = Array.from({ length: 1000 }, () => ({
  date: '2026-11-23',
  exchangeRates: { USD: '151.23' },
  items: Array.from({ length: 1 + rand(3) }, () => {
    const originCountry = origins[rand(origins.length)]!;
    const claim = rand(3) === 0 ? AGREEMENT_IDS.find((id) => jpRules.agreements.find((a) => a.id === id)?.parties.some((p) => p.iso2 === originCountry)) : undefined;
    return {
      code9: codes[rand(codes.length)]!,
      originCountry,
      value: { amount: String(500 + rand(5000)), currency: 'USD' },
      ...(claim ? { preference: claim } : {}),
    };
  }),
}));

let n = 0;
let items = 0;
let failed = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
while (performance.now() - started < seconds * 1000) {
  for (let i = 0; i < 200; i++) {
    const req = requests[n % requests.length]!;
    const r = assess(req, { index, jpRules });
    if (!r.ok) failed++;
    items += req.items.length;
    n++;
  }
}
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
// The machine is shared: CPU time of this process is the fairer measure of what the engine costs.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const result = {
  assessmentsPerSecond: Math.round(n / elapsed),
  assessmentsPerCpuSecond: Math.round(n / cpuSeconds),
  itemsPerSecond: Math.round(items / elapsed),
  assessments: n,
  failed,
  indexBuildMs: Math.round(indexMs),
  csvReadMs: Math.round(readMs),
  lines: index.size,
};
say(`tariff engine: ${result.assessmentsPerCpuSecond} assessments per CPU-second; wall clock ${result.assessmentsPerSecond} assessments/s (${result.itemsPerSecond} items/s, 1–3 items each), ${n} in ${elapsed.toFixed(1)} s, ${failed} rejected`);
say(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; CPU ${cpuSeconds.toFixed(1)} s of ${elapsed.toFixed(1)} s wall`);
say(`index: ${index.size} codes built in ${result.indexBuildMs} ms (CSV read ${result.csvReadMs} ms); one thread, ${cpus().length} cores, Node ${process.version}`);
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
