import { trainingProgress } from './progress.ts';
import { RiskReportsRepo } from '../adapters/store/risk-reports.repo.ts';
import { RiskRepo } from '../adapters/store/risk.repo.ts';
import { loadConfig, type Config } from '../config.ts';
import { trainAndRegister, type TrainOutcome } from '../workflows/risk-models.ts';
import type { Args } from './args.ts';
import { callApi, databaseTarget, type Target } from './database.ts';
import { EXIT_OK, log, printJson, reportError } from './io.ts';

/**
 * `customs risk train [--json] [--promote]`: retrains the live risk model from the inspection findings recorded on
 * the platform, saves it and registers it as a candidate (--promote makes it the serving model). When a server holds
 * the embedded database the work is done by the server (POST /api/v1/risk/train), which also reloads its model.
 */
export async function run(args: Args, config: Config = loadConfig()): Promise<number> {
  try {
    return await trainOn(args, await databaseTarget(config));
  } catch (e) {
    return reportError(e);
  }
}

/** The command on an opened target (the local store is closed when done). */
export async function trainOn(args: Args, target: Target): Promise<number> {
  try {
    const promote = args.flags['promote'] === true;
    const json = args.flags['json'] === true;
    let outcome: TrainOutcome;
    if (target.kind === 'remote') {
      log(`A server holds the database; training through ${target.apiUrl}`);
      outcome = (await callApi(target, 'POST', '/api/v1/risk/train', { promote })) as TrainOutcome;
    } else {
      const progress = trainingProgress();
      try {
        outcome = await trainAndRegister(
          { riskRepo: new RiskRepo(target.store.db), reports: new RiskReportsRepo(target.store.db) },
          {
            promote,
            by: 'cli',
            onProgress: progress.onProgress,
          },
        );
      } finally {
        progress.stop();
        await target.store.close();
      }
    }
    if (json) printJson(outcome);
    else {
      const m = outcome.metrics;
      const f = (k: string) => (m[k] === undefined ? 'n/a' : m[k].toFixed(3));
      process.stdout.write(
        `model ${outcome.version} (${outcome.status}, features: ${outcome.featureSet}) from ${outcome.labelledItems} labelled items\n` +
          `validation: precision@5% ${f('precisionAt5')}, precision@10% ${f('precisionAt10')}, AUC ${f('auc')}; ` +
          `control-sample hit rate ${f('controlPrecision')}\n` +
          (outcome.status === 'candidate' ? `promote with: POST /api/v1/risk/models/${outcome.version}/promote (or retrain with --promote)\n` : ''),
      );
    }
    return EXIT_OK;
  } catch (e) {
    return reportError(e);
  }
}
