import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_SPEC,
  KoreanCsvError,
  ModelErrors,
  parseKoreanCsv,
  runRiskBenchmark,
  type LabelledItems,
} from '../modules/risk/index.ts';
import { CliUsageError, numberFlag, stringFlag, type Args } from './args.ts';
import { EXIT_OK, log, printJson, reportError } from './io.ts';

/**
 * `customs risk benchmark --train A.csv --valid B.csv --test C.csv [--seeds 3] [--json] [--save-model FILE]
 *  [--encoding out-of-fold|past-only]`
 * Fits on --train, makes every choice on --valid, scores --test once; the last stdout line is the contract JSON
 * {precisionAt1, precisionAt2, precisionAt5, precisionAt10, recallAt5, auc, trainSeconds} (means over seeds).
 */
export async function run(args: Args): Promise<number> {
  try {
    const files = { train: required(args, 'train'), valid: required(args, 'valid'), test: required(args, 'test') };
    const seeds = numberFlag(args, 'seeds', 3);
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > 20) throw new CliUsageError('--seeds must be an integer 1-20');
    const encoding = stringFlag(args, 'encoding') ?? 'out-of-fold';
    if (encoding !== 'out-of-fold' && encoding !== 'past-only') {
      throw new CliUsageError('--encoding must be out-of-fold or past-only');
    }
    const data = {
      train: load(files.train, 'train'),
      valid: load(files.valid, 'valid'),
      test: load(files.test, 'test'),
    };
    log(`risk benchmark: train ${data.train.items.length}, valid ${data.valid.items.length}, test ${data.test.items.length} rows; ${seeds} seed(s)`);
    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    const result = runRiskBenchmark(data, { seeds, log, cpu, spec: { ...DEFAULT_SPEC, encoding } });
    const saveTo = stringFlag(args, 'save-model');
    if (saveTo !== undefined) {
      mkdirSync(dirname(resolve(saveTo)), { recursive: true });
      writeFileSync(saveTo, JSON.stringify(result.model.toJSON()));
      log(`model of the last seed saved to ${saveTo}`);
    }
    const { figures } = result;
    log(
      `conditions: node ${process.version}, one thread; trainSeconds = wall time of fitting the feature pipeline and the ` +
        `chosen model once (mean over seeds, CPU ${figures.trainCpuSeconds} s); selection over ` +
        `${result.seeds.length > 0 ? 'feature sets × grid' : ''} on valid only`,
    );
    if (args.flags['json'] !== true) {
      for (const s of result.seeds) {
        log(`seed ${s.seed}: ${s.featureSet}, ${s.trees} trees, valid AUC ${s.validAuc.toFixed(4)}, test P@5 ${s.precisionAt5.toFixed(4)}, P@10 ${s.precisionAt10.toFixed(4)}, AUC ${s.auc.toFixed(4)}`);
      }
    }
    printJson(figures);
    return EXIT_OK;
  } catch (e) {
    return reportError(e);
  }
}

function required(args: Args, name: string): string {
  const v = stringFlag(args, name);
  if (v === undefined) throw new CliUsageError(`--${name} FILE is required (Korean benchmark CSV)`);
  return v;
}

function load(path: string, what: string): LabelledItems {
  if (!existsSync(path)) throw ModelErrors.benchmarkInput(`--${what}: no file at ${path}`);
  try {
    return parseKoreanCsv(readFileSync(path, 'utf8'));
  } catch (e) {
    if (e instanceof KoreanCsvError) throw ModelErrors.benchmarkInput(`--${what} ${path}: ${e.message}`, { problems: e.problems });
    throw e;
  }
}
