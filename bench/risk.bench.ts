/**
 * Risk scoring throughput on one core. Trains the benchmark's model once on the split of bench/risk-split.ts (made if
 * missing), then scores the held-out items repeatedly:
 *   - itemsPerSec: the trees alone on prepared feature rows (flattened typed-array trees);
 *   - endToEndItemsPerSec: raw items → feature pipeline → trees;
 *   - explanationsPerSec: exact TreeSHAP contributions plus reason texts for one item at a time.
 *   npm run -s bench:risk -- [--json] [--seconds 2]
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { numberFlag, parseArgs } from '../src/cli/args.ts';
import {
  DEFAULT_SPEC,
  fitPipeline,
  parseKoreanCsv,
  RiskModel,
  selectFeatures,
  toRowMajor,
  trainGbdt,
  transformItems,
  withoutParties,
} from '../src/modules/risk/index.ts';
import { splitRiskData } from './risk-split.ts';

const args = parseArgs(process.argv.slice(2));
const json = args.flags['json'] === true;
const seconds = numberFlag(args, 'seconds', 2);
const say = (s: string): void => void (json ? process.stderr : process.stdout).write(`${s}\n`);

const dir = resolve('var/risk-split');
if (!existsSync(join(dir, 'test.csv'))) splitRiskData(dir, 0.2, 2024);
const load = (f: string): ReturnType<typeof parseKoreanCsv> => parseKoreanCsv(readFileSync(join(dir, f), 'utf8'));
const train = load('train.csv');
const valid = load('valid.csv');
const test = load('test.csv');

const spec = withoutParties(DEFAULT_SPEC);
const fitted = fitPipeline(train.items, train.labels, spec);
const { model: gbdt } = trainGbdt(
  { matrix: fitted.train, labels: train.labels },
  {
    params: { numLeaves: 31, learningRate: 0.1, featureFraction: 0.8, baggingFraction: 0.8, numIterations: 3000, earlyStoppingRounds: 100 },
    valid: { matrix: transformItems(fitted.pipeline, valid.items), labels: valid.labels },
  },
);
const model = new RiskModel(fitted.pipeline, gbdt);
const names = gbdt.features.map((f) => f.name);
const rows = toRowMajor(selectFeatures(transformItems(fitted.pipeline, test.items), names));
const n = test.items.length;

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const wall: number[] = [];

/**
 * Items per CPU-second of this (single-threaded) process: the machine is shared, so wall time also counts other
 * people's jobs. The wall-clock rate is printed beside it.
 */
function rate(work: () => number): number {
  work(); // warm-up (JIT)
  let items = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  while (cpuSeconds() - c0 < seconds) items += work();
  wall.push(items / ((performance.now() - t0) / 1000));
  return items / (cpuSeconds() - c0);
}

let sink = 0;
const itemsPerSec = rate(() => {
  const s = gbdt.predictRawRowMajor(rows, n);
  sink += s[0]!;
  return n;
});
const endToEndItemsPerSec = rate(() => {
  sink += model.score(test.items)[0]!;
  return n;
});
let k = 0;
const explanationsPerSec = rate(() => {
  for (let i = 0; i < 200; i++) sink += model.explain(test.items[k++ % n]!).raw;
  return 200;
});

const json2 = {
  itemsPerSec: Math.round(itemsPerSec),
  endToEndItemsPerSec: Math.round(endToEndItemsPerSec),
  explanationsPerSec: Math.round(explanationsPerSec),
  wallItemsPerSec: Math.round(wall[0]!),
  trees: gbdt.numTrees,
  features: names.length,
};
say(
  `risk scoring: ${gbdt.numTrees} trees (num_leaves 31) on ${names.length} features; ${n} held-out items; ` +
    `node ${process.version}, one thread, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores, shared); ${seconds} s per figure`,
);
const w = (i: number): string => Math.round(wall[i]!).toLocaleString('en-US');
say(`trees only:   ${json2.itemsPerSec.toLocaleString('en-US')} items per CPU-second (wall ${w(0)}/s)`);
say(`end to end:   ${json2.endToEndItemsPerSec.toLocaleString('en-US')} items per CPU-second (wall ${w(1)}/s; feature pipeline + trees)`);
say(`explanations: ${json2.explanationsPerSec.toLocaleString('en-US')} items per CPU-second (wall ${w(2)}/s; TreeSHAP + reason texts)`);
if (sink === 42.4242) say(''); // keep the results alive
if (json) process.stdout.write(`${JSON.stringify(json2)}\n`);
