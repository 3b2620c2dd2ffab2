/**
 * Tariff search quality and latency on a CSV shaped like faq/uk-trade-tariff/search_intercept_messages.csv:
 *   npm run -s bench:search -- --file PATH [--json] [--half dev|hold]
 * Builds the index in-process from the data folder (SMART_CUSTOMS_DATA_DIR), runs every English query with at least
 * one referenced code, and reports top-1 / top-5 hit rates and the p95 query latency. With --json the last stdout
 * line is {"queries":N,"top1":x,"top5":y,"p95ms":z}. `--half` keeps one of two fixed halves of the file (by the
 * SHA-1 of the search term): misses were only ever inspected on `dev`, so `hold` shows whether changes generalise.
 */
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs, stringFlag } from '../src/cli/args.ts';
import { dataDirFromEnv } from '../src/config.ts';
import { loadSearchIndex } from '../src/modules/search/index.ts';
import { isHit, percentile, readEvalQueries } from './search-eval.ts';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const file = stringFlag(args, 'file');
  if (file === undefined) {
    console.error('usage: npm run -s bench:search -- --file PATH [--json]');
    return 2;
  }
  const json = args.flags['json'] === true;
  const log = (s: string): void => void (json ? console.error(s) : console.log(s));
  const half = stringFlag(args, 'half');
  const inHalf = (term: string): boolean =>
    half === undefined || ((createHash('sha1').update(term).digest()[0] ?? 0) % 2 === 0) === (half === 'dev');
  const queries = readEvalQueries(resolve(process.cwd(), file)).filter((q) => inHalf(q.term));
  const dataDir = dataDirFromEnv();

  const t0 = performance.now();
  const buildCpuStart = process.cpuUsage();
  const search = await loadSearchIndex(dataDir);
  const loadMs = performance.now() - t0;
  const buildCpu = process.cpuUsage(buildCpuStart);

  // warm the JIT on a few queries outside the measurement, as a long-running server would be
  for (const q of queries.slice(0, 20)) search.search(q.term, { lang: 'en', limit: 5 });

  let top1 = 0;
  let top5 = 0;
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (const q of queries) {
    const start = performance.now();
    const results = search.search(q.term, { lang: 'en', limit: 5 });
    times.push(performance.now() - start);
    if (results[0] !== undefined && isHit(results[0].code9, q.codes)) top1++;
    if (results.some((r) => isHit(r.code9, q.codes))) top5++;
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  const n = queries.length;
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  const figures = {
    queries: n,
    top1: round(n === 0 ? 0 : top1 / n, 4),
    top5: round(n === 0 ? 0 : top5 / n, 4),
    p95ms: round(percentile(times, 95), 3),
  };
  log(`tariff search benchmark — ${file}${half === undefined ? '' : ` (half: ${half})`}`);
  log(`  data: ${dataDir}; ${search.stats.lines} schedule lines, ${search.stats.subheadings} HS subheadings`);
  log(`  prior: how often each subheading is declared, from ${search.stats.declarations} import declarations (0: none)`);
  log(
    `  index load + build: ${Math.round(loadMs)} ms elapsed, ${Math.round((buildCpu.user + buildCpu.system) / 1000)} ms CPU (build alone ${search.stats.buildMs} ms elapsed)`,
  );
  log(`  node ${process.version}, ${n} queries with referenced codes, lang=en, limit=5, single thread`);
  log(`  machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (shared: latency grows with load)`);
  log(`  CPU time per query (load-independent): ${round((cpu.user + cpu.system) / 1000 / Math.max(n, 1), 3)} ms mean`);
  log(`  top-1 ${figures.top1}  top-5 ${figures.top5}  p50 ${round(percentile(times, 50), 3)} ms  p95 ${figures.p95ms} ms  max ${round(times[times.length - 1] ?? 0, 3)} ms`);
  if (json) console.log(JSON.stringify(figures));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
