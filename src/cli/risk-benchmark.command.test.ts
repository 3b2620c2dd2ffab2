import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from './args.ts';
import { run } from './risk-benchmark.command.ts';

const HEADER =
  'Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud';

/** Rows where HS 8517.62 from CN is fraud: enough for the learner to split. */
function csv(n: number, offset: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const risky = (i + offset) % 4 === 0;
    const hs = risky ? '851762' : ['640399', '940350', '392690'][i % 3]!;
    const origin = risky ? 'CN' : ['VN', 'US', 'DE'][i % 3]!;
    const fraud = risky !== ((i + offset) % 17 === 0) ? 1 : 0;
    lines.push(`${10000000 + i},2020-01-01,30,B,11,21,11,10,D${i % 5},I${i % 9},S${i % 7},,${hs},${origin},${origin},8.0,A,G,${1 + (i % 13)},${1000 + 37 * i},${fraud},${fraud}`);
  }
  return `${lines.join('\n')}\n`;
}

function captureStdout(): { lines: () => string[] } {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { lines: () => out.join('').trim().split('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('customs risk benchmark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'risk-bench-'));
  const files = { train: join(dir, 'train.csv'), valid: join(dir, 'valid.csv'), test: join(dir, 'test.csv') };
  writeFileSync(files.train, csv(400, 0));
  writeFileSync(files.valid, csv(160, 1));
  writeFileSync(files.test, csv(160, 2));

  it('ends stdout with the contract JSON line', async () => {
    const out = captureStdout();
    const argv = ['--train', files.train, '--valid', files.valid, '--test', files.test, '--seeds', '1', '--json'];
    expect(await run(parseArgs(argv))).toBe(0);
    const last = JSON.parse(out.lines().at(-1)!) as Record<string, number>;
    for (const k of ['precisionAt1', 'precisionAt2', 'precisionAt5', 'precisionAt10', 'recallAt5', 'auc', 'trainSeconds']) {
      expect(typeof last[k]).toBe('number');
    }
    expect(out.lines()).toHaveLength(1); // with --json, stdout carries only the result
  });

  it('exits 2 with a coded error for a missing flag or a missing file', async () => {
    const out = captureStdout();
    expect(await run(parseArgs(['--train', files.train]))).toBe(2);
    expect(JSON.parse(out.lines()[0]!).code).toBe('CLI.USAGE');
    const argv = ['--train', join(dir, 'nope.csv'), '--valid', files.valid, '--test', files.test];
    expect(await run(parseArgs(argv))).toBe(2);
    expect(JSON.parse(out.lines()[1]!).code).toBe('RISK.BENCHMARK_INPUT_INVALID');
  });
});
