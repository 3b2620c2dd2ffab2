import { loadConfig } from '../config.ts';
import { loadReferenceData } from '../adapters/store/reference.repo.ts';
import type { Args } from './args.ts';
import { callApi, databaseTarget } from './database.ts';
import { log, printJson } from './io.ts';
import { datasetProgress } from './progress.ts';

/** `customs data load [--force] [--json]`: loads the reference data; idempotent (unchanged files are skipped). */
export async function run(args: Args): Promise<number> {
  const config = loadConfig();
  const target = await databaseTarget(config);
  const force = args.flags['force'] === true;
  let result: unknown;
  if (target.kind === 'remote') {
    log(`A server holds the database; loading through ${target.apiUrl}`);
    result = await callApi(target, 'POST', '/api/v1/reference/load', { force });
  } else {
    log(`Loading reference data from ${config.dataDir}`);
    const progress = args.flags['json'] ? () => {} : datasetProgress();
    try {
      result = { datasets: await loadReferenceData(target.store.db, config.dataDir, progress, force) };
    } finally {
      if ('stop' in progress) progress.stop();
      await target.store.close();
    }
  }
  if (args.flags['json']) printJson(result);
  else for (const d of (result as { datasets: { name: string; rows: number; skipped: boolean }[] }).datasets) log(`${d.name}: ${d.rows} rows${d.skipped ? ' (unchanged)' : ''}`);
  return 0;
}
