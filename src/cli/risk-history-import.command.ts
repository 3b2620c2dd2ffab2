import { trainingProgress } from './progress.ts';
import { readFile } from 'node:fs/promises';
import { RiskRepo } from '../adapters/store/risk.repo.ts';
import { loadConfig, type Config } from '../config.ts';
import { HistoryErrors } from '../modules/risk/index.ts';
import { importHistoryAndRegister, type HistoryImportOutcome } from '../workflows/risk-models.ts';
import { CliUsageError, stringFlag, type Args } from './args.ts';
import { CliErrors, databaseTarget, type Target } from './database.ts';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, log, printJson, reportError } from './io.ts';

const USAGE = 'usage: customs risk history import FILE [--promote] [--yen-per-unit N]';

/**
 * `customs risk history import FILE [--promote] [--yen-per-unit N]`: trains a risk model from a history of past
 * declarations with their inspection outcomes (format: docs/risk-history.md), saves it and registers it as a candidate
 * (--promote makes it the serving model at once). Prints one JSON object {modelId, rowsUsed, rowsSkipped, auc,
 * heldOutRows, promoted, …}; progress goes to stderr. While a server holds the embedded database the file is sent to
 * it (POST /api/v1/risk/history), which also reloads the model it scores with.
 */
export async function run(args: Args, config: Config = loadConfig()): Promise<number> {
  try {
    const input = await readInput(args);
    return await importOn(input, await databaseTarget(config));
  } catch (e) {
    return reportError(e);
  }
}

export interface ImportInput {
  readonly file: string;
  readonly text: string;
  readonly promote: boolean;
  readonly yenPerUnit: number | undefined;
}

export async function readInput(args: Args): Promise<ImportInput> {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new CliUsageError(USAGE);
  const rate = stringFlag(args, 'yen-per-unit');
  const yenPerUnit = rate === undefined ? undefined : Number(rate);
  if (yenPerUnit !== undefined && !(Number.isFinite(yenPerUnit) && yenPerUnit > 0))
    throw new CliUsageError(`--yen-per-unit must be a positive number (yen per unit of the file's amounts), got "${rate}"`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw HistoryErrors.fileNotFound(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file });
  }
  return { file, text, promote: args.flags['promote'] === true, yenPerUnit };
}

/** The command on an opened target (the local store is closed when done). */
export async function importOn(input: ImportInput, target: Target): Promise<number> {
  try {
    return await importTo(input, target);
  } catch (e) {
    return reportError(e);
  }
}

async function importTo(input: ImportInput, target: Target): Promise<number> {
  const t0 = performance.now();
  let outcome: HistoryImportOutcome;
  if (target.kind === 'remote') {
    log(`A server holds the database; sending ${input.file} to ${target.apiUrl}`);
    const q = new URLSearchParams({ promote: String(input.promote) });
    if (input.yenPerUnit !== undefined) q.set('yenPerUnit', String(input.yenPerUnit));
    const res = await fetch(`${target.apiUrl}/api/v1/risk/history?${q}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.adminKey}`, 'content-type': 'text/csv' },
      body: input.text,
    });
    const json = (await res.json().catch(() => null)) as (HistoryImportOutcome & { code?: string; message?: string; details?: unknown }) | null;
    if (!res.ok) {
      if (json?.code) {
        printJson({ code: json.code, message: json.message, details: json.details ?? null });
        return res.status >= 500 ? EXIT_INTERNAL : EXIT_INVALID;
      }
      throw CliErrors.remoteFailed(`POST /api/v1/risk/history answered ${res.status}`);
    }
    outcome = json!;
  } else {
    log(`reading ${input.file} (${(input.text.length / 1e6).toFixed(1)} MB)`);
    const progress = trainingProgress(() => log('rows read; training on the older three quarters, measuring on the most recent quarter'));
    try {
      outcome = await importHistoryAndRegister(
        { riskRepo: new RiskRepo(target.store.db) },
        input.text,
        {
          promote: input.promote,
          ...(input.yenPerUnit === undefined ? {} : { yenPerUnit: input.yenPerUnit }),
          by: 'cli',
          onProgress: progress.onProgress,
        },
      );
    } finally {
      progress.stop();
      await target.store.close();
    }
  }
  log(
    `model ${outcome.modelId} (${outcome.status}) from ${outcome.rowsUsed} rows (${outcome.rowsSkipped} skipped); ` +
      `AUC ${outcome.auc} on ${outcome.heldOutRows} held-back rows; ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      (outcome.promoted ? '' : `\npromote with: POST /api/v1/risk/models/${outcome.modelId}/promote (or import again with --promote)`),
  );
  printJson(outcome);
  return EXIT_OK;
}
