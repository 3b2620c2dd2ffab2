/**
 * Parse rate of the consignment batch parsers: generated consignments as NDJSON and as CSV, fed as 64 KiB Buffer
 * chunks the way a request stream delivers them, parsed and validated record by record on one core.
 * Run: npx tsx bench/consignment-parse.bench.ts [--count N] [--json] [--compare]
 * (--compare also times csv-parse's streaming parser on the same CSV, rows only, for reference).
 */
import { cpus } from 'node:os';
import { parseArgs, numberFlag } from '../src/cli/args.ts';
import { generateConsignments, parseCsv, parseNdjson, sampleLookups, toCsv, toNdjson } from '../src/modules/consignments/index.ts';
import type { ParsedRecord } from '../src/modules/consignments/index.ts';

const args = parseArgs(process.argv.slice(2), ['json', 'compare']);
const count = numberFlag(args, 'count', 100_000);
const json = args.flags['json'] === true;
const log = (s: string): void => void (json ? process.stderr : process.stdout).write(s + '\n');

async function* chunked(buf: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function time(name: string, bytes: number, run: () => AsyncIterable<ParsedRecord>): Promise<number> {
  let best = Infinity;
  let ok = 0;
  // Best of 3: the first pass pays for JIT warm-up.
  for (let round = 0; round < 3; round++) {
    ok = 0;
    const t = process.hrtime.bigint();
    for await (const r of run()) if ('consignment' in r) ok++;
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  if (ok !== count) throw new Error(`${name}: ${ok} of ${count} consignments accepted`);
  const perSec = Math.round(count / best);
  log(`${name.padEnd(8)} ${perSec.toLocaleString('en-US').padStart(10)} consignments/s  ${(bytes / 1e6 / best).toFixed(1).padStart(6)} MB/s  (${best.toFixed(3)} s)`);
  return perSec;
}

const consignments = [...generateConsignments({ seed: 20_260_101, count })].map((g) => g.consignment);
const ndjson = Buffer.from(toNdjson(consignments));
const csv = Buffer.from(toCsv(consignments));
const lines = consignments.reduce((n, c) => n + c.items.length, 0);
log(`${count.toLocaleString('en-US')} generated consignments, ${lines.toLocaleString('en-US')} item lines; NDJSON ${(ndjson.length / 1e6).toFixed(1)} MB, CSV ${(csv.length / 1e6).toFixed(1)} MB`);
log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core, 64 KiB chunks, full validation, best of 3`);

const ndjsonPerSec = await time('NDJSON', ndjson.length, () => parseNdjson(chunked(ndjson), sampleLookups));
const csvPerSec = await time('CSV', csv.length, () => parseCsv(chunked(csv), sampleLookups));
let csvParseRowsPerSec: number | null = null;
if (args.flags['compare'] === true) {
  const { parse } = await import('csv-parse');
  const t = process.hrtime.bigint();
  let rows = 0;
  for await (const _row of (await import('node:stream')).Readable.from(chunked(csv)).pipe(parse({ columns: true }))) rows++;
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  csvParseRowsPerSec = Math.round(rows / s);
  log(`csv-parse (rows only, no grouping or validation): ${csvParseRowsPerSec.toLocaleString('en-US')} rows/s = ${Math.round(count / s).toLocaleString('en-US')} consignments/s`);
}
if (json) process.stdout.write(JSON.stringify({ count, ndjsonPerSec, csvPerSec, csvParseRowsPerSec }) + '\n');
