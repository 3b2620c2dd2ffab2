import { openStore } from '../adapters/store/connect.ts';
import { waitForReference } from '../adapters/store/reference.repo.ts';
import { loadConfig } from '../config.ts';
import { createPlatform } from '../platform.ts';
import type { Args } from './args.ts';
import { EXIT_INVALID, log } from './io.ts';
import { starting } from './startup-failure.ts';

/**
 * `customs worker`: a clearance worker for the scaled mode. It joins the durable JetStream consumer of accepted
 * consignments (PostgreSQL + NATS, as the API nodes) and clears them; start as many as the load needs, on any
 * machine. SIGTERM stops taking messages and finishes the running ones; a SIGKILL loses nothing (unacknowledged
 * messages are redelivered, and the store writes each consignment's decision once).
 */
export async function run(_args: Args): Promise<number> {
  process.env['CUSTOMS_CLEARANCE_WORKER'] = '1';
  // An invalid environment is reported by the CLI's error handler (CONFIG.INVALID, each problem named).
  const config = loadConfig();
  if (!config.natsUrl || !config.databaseUrl) {
    log('customs worker needs DATABASE_URL (PostgreSQL) and NATS_URL (JetStream); embedded mode clears inside the server.');
    return EXIT_INVALID;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const store = await starting(config, () => openStore({ databaseUrl: config.databaseUrl!, role: 'cli' }));
  const loaded = await waitForReference(store.db, {
    intervalMs: 5_000,
    signal: stop.signal,
    onWait: () => log(`worker ${process.pid}: waiting for the reference data (tariff schedule, code lists): start an API node or run \`customs data load\``),
  });
  if (!loaded) {
    await store.close();
    return 0;
  }
  const platform = await starting(config, () => createPlatform(config, { role: 'cli', loadReference: false, store }));
  // The search index (code suggestions) is built in the background: a worker takes messages at full speed once it is.
  await platform.search.ready();
  log(`worker ${process.pid}: ready, clearing consignments from ${config.natsUrl}`);
  if (!stop.signal.aborted) await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
  log(`worker ${process.pid}: stopping`);
  await platform.close();
  return 0;
}
