/**
 * Parse rate of the consignment batch parsers: generated consignments as NDJSON and as CSV, fed as 64 KiB Buffer
 * chunks the way a request stream delivers them, parsed and validated record by record on one core.
 * Run: npx tsx bench/consignment-parse.bench.ts [--count N] [--rounds R] [--json] [--compare]
 * (--compare also times V8's JSON.parse alone on the NDJSON lines and csv-parse's streaming parser on the same CSV,
 * rows only, for reference).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs, numberFlag } from '../src/cli/args.ts';
import {
  generateConsignments,
  parseCsv,
  parseNdjson,
  sampleLookups,
  toCsv,
  toNdjson,
} from '../src/modules/consignments/index.ts';
import type { ParsedRecord } from '../src/modules/consignments/index.ts';

const args = parseArgs(process.argv.slice(2), ['json', 'compare']);
const count = numberFlag(args, 'count', 100_000);
const rounds = numberFlag(args, 'rounds', 5);
const json = args.flags['json'] === true;
const log = (s: string): void => void (json ? process.stderr : process.stdout).write(s + '\n');

async function* chunked(buf: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

interface Rate {
  /** Consignments per second of elapsed time. */
  readonly wall: number;
  /** Consignments per second of CPU time used by this process: the one-core rate, less sensitive to other load. */
  readonly cpu: number;
}

async function time(name: string, bytes: number, run: () => AsyncIterable<ParsedRecord>): Promise<Rate> {
  const best = { wall: Infinity, cpu: Infinity };
  let ok = 0;
  // Best of N, each figure separately: the first pass pays for JIT warm-up, and on a shared machine other processes
  // slow some rounds down (elapsed time) or evict our caches (CPU time).
  for (let round = 0; round < rounds; round++) {
    ok = 0;
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    for await (const r of run()) if ('consignment' in r) ok++;
    const wall = Number(process.hrtime.bigint() - t) / 1e9;
    const used = process.cpuUsage(c);
    const cpu = (used.user + used.system) / 1e6;
    best.wall = Math.min(best.wall, wall);
    best.cpu = Math.min(best.cpu, cpu);
  }
  if (ok !== count) throw new Error(`${name}: ${ok} of ${count} consignments accepted`);
  const rate = { wall: Math.round(count / best.wall), cpu: Math.round(count / best.cpu) };
  const f = (n: number): string => n.toLocaleString('en-US').padStart(9);
  log(
    `${name.padEnd(7)} ${f(rate.wall)} consignments/s elapsed, ${f(rate.cpu)} per CPU-second  ${(bytes / 1e6 / best.wall).toFixed(1).padStart(5)} MB/s  (${best.wall.toFixed(3)} s)`,
  );
  return rate;
}

const consignments = [...generateConsignments({ seed: 20_260_101, count })].map((g) => g.consignment);
const ndjson = Buffer.from(toNdjson(consignments));
const csv = Buffer.from(toCsv(consignments));
const lines = consignments.reduce((n, c) => n + c.items.length, 0);
log(
  `${count.toLocaleString('en-US')} generated consignments, ${lines.toLocaleString('en-US')} item lines; NDJSON ${(ndjson.length / 1e6).toFixed(1)} MB, CSV ${(csv.length / 1e6).toFixed(1)} MB`,
);
log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0]!.toFixed(1)}; one thread, 64 KiB chunks, full validation, best of ${rounds}`,
);

const ndjson1 = await time('NDJSON', ndjson.length, () => parseNdjson(chunked(ndjson), sampleLookups));
const csv1 = await time('CSV', csv.length, () => parseCsv(chunked(csv), sampleLookups));
let csvParseRowsPerSec: number | null = null;
let jsonParseOnlyPerCpuSec: number | null = null;
if (args.flags['compare'] === true) {
  // The floor under NDJSON: V8's JSON.parse of the same lines, nothing else.
  const lines = ndjson.toString('utf8').split('\n');
  let bestCpu = Infinity;
  for (let round = 0; round < rounds; round++) {
    const c = process.cpuUsage();
    for (const l of lines) if (l !== '') JSON.parse(l);
    const used = process.cpuUsage(c);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
  }
  jsonParseOnlyPerCpuSec = Math.round(count / bestCpu);
  log(`JSON.parse alone (the NDJSON floor): ${jsonParseOnlyPerCpuSec.toLocaleString('en-US')} lines per CPU-second`);

  const { parse } = await import('csv-parse');
  const t = process.hrtime.bigint();
  let rows = 0;
  for await (const _row of (await import('node:stream')).Readable.from(chunked(csv)).pipe(parse({ columns: true })))
    rows++;
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  csvParseRowsPerSec = Math.round(rows / s);
  log(
    `csv-parse (rows only, no grouping or validation): ${csvParseRowsPerSec.toLocaleString('en-US')} rows/s = ${Math.round(count / s).toLocaleString('en-US')} consignments/s`,
  );
}
const result = {
  count,
  ndjsonPerSec: ndjson1.wall,
  ndjsonPerCpuSec: ndjson1.cpu,
  csvPerSec: csv1.wall,
  csvPerCpuSec: csv1.cpu,
  csvParseRowsPerSec,
  jsonParseOnlyPerCpuSec,
  loadAverage: Number(loadavg()[0]!.toFixed(1)),
};
if (json) process.stdout.write(JSON.stringify(result) + '\n');
