import { PassengersRepo } from '../adapters/store/passengers.repo.ts';
import { loadConfig } from '../config.ts';
import { passengerOptionsFromEnv } from '../workflows/passengers/passenger-options.ts';
import { purgePassengerData } from '../workflows/passengers/retention.job.ts';
import type { Args } from './args.ts';
import { callApi, databaseTarget } from './database.ts';
import { log, printJson } from './io.ts';

/**
 * `customs passengers purge`: the retention job once, now — deletes passenger declarations and advance passenger
 * records past their expiry and gate uses older than SMART_CUSTOMS_PASSENGER_RETENTION_DAYS (default 30). Prints
 * `{declarations, arrivals, gateUses}` (rows deleted). Goes through the running server's API when it holds the
 * embedded database.
 */
export async function run(_args: Args): Promise<number> {
  const config = loadConfig();
  const { retentionDays } = passengerOptionsFromEnv(process.env);
  const target = await databaseTarget(config);
  if (target.kind === 'remote') {
    printJson(await callApi(target, 'POST', '/api/v1/passengers/purge', {}));
    return 0;
  }
  try {
    const counts = await purgePassengerData(new PassengersRepo(target.store.db), new Date(), retentionDays);
    log(`passengers purge: retention ${retentionDays} days`);
    printJson(counts);
  } finally {
    await target.store.close();
  }
  return 0;
}
