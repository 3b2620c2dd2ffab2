import { loadConfig } from '../config.ts';
import { createPlatform } from '../platform.ts';
import type { Args } from './args.ts';
import { EXIT_INVALID, log } from './io.ts';

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
  const platform = await createPlatform(config, { role: 'cli', loadReference: false });
  // The search index (code suggestions) is built in the background: a worker takes messages at full speed once it is.
  await platform.search.ready();
  log(`worker ${process.pid}: ready, clearing consignments from ${config.natsUrl}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  log(`worker ${process.pid}: stopping`);
  await platform.close();
  return 0;
}
