/**
 * Makes the risk benchmark's own held-out test split, deterministically: the provided train file (2020) is cut into
 * train (80 %) and test (20 %) by a seeded shuffle of its rows (`--by random`, the default) or by date, the latest
 * 20 % of declarations becoming test (`--by date`: then no test row is older than any train row); the provided valid
 * file (2021 Q1) stays the only set that choices are made on. Files go to var/risk-split/ (or --out), never into the
 * repository.
 *
 *   npx tsx bench/risk-split.ts [--out var/risk-split] [--test-share 0.2] [--seed 2024] [--by random|date]
 */
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, numberFlag, stringFlag } from '../src/cli/args.ts';
import { dataDirFromEnv } from '../src/config.ts';

function shuffledOrder(n: number, seed: number): number[] {
  // mulberry32: the split must not depend on Math.random.
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function splitRiskData(
  out: string,
  testShare: number,
  seed: number,
  by: 'random' | 'date' = 'random',
): { train: string; valid: string; test: string } {
  const dir = join(dataDirFromEnv(), 'customs-declarations');
  const lines = readFileSync(join(dir, 'df_syn_train_eng.csv'), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!;
  const body = lines.slice(1);
  // Date is the second column (ISO, so text order is time order); ties keep file order.
  const order =
    by === 'random'
      ? shuffledOrder(body.length, seed)
      : body.map((l, i) => [l.split(',')[1] ?? '', i] as const).sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : b[1] - a[1])).map((x) => x[1]);
  const nTest = Math.round(body.length * testShare);
  const isTest = new Uint8Array(body.length);
  for (let i = 0; i < nTest; i++) isTest[order[i]!] = 1;
  // Keep the original (date) order inside each file.
  const train = body.filter((_, i) => isTest[i] === 0);
  const test = body.filter((_, i) => isTest[i] === 1);
  mkdirSync(out, { recursive: true });
  const paths = { train: join(out, 'train.csv'), valid: join(out, 'valid.csv'), test: join(out, 'test.csv') };
  writeFileSync(paths.train, `${[header, ...train].join('\n')}\n`);
  writeFileSync(paths.test, `${[header, ...test].join('\n')}\n`);
  copyFileSync(join(dir, 'df_syn_valid_eng.csv'), paths.valid);
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = parseArgs(process.argv.slice(2));
  const by = stringFlag(args, 'by') ?? 'random';
  if (by !== 'random' && by !== 'date') throw new Error('--by must be random or date');
  const paths = splitRiskData(
    resolve(stringFlag(args, 'out') ?? 'var/risk-split'),
    numberFlag(args, 'test-share', 0.2),
    numberFlag(args, 'seed', 2024),
    by,
  );
  process.stderr.write(`wrote ${paths.train}, ${paths.valid}, ${paths.test}\n`);
}
