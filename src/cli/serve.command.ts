import { loadConfig } from '../config.ts';
import { updateLock } from '../adapters/store/lock.ts';
import { buildWebIfMissing } from '../api/web.plugin.ts';
import { createPlatform } from '../platform.ts';
import type { Args } from './args.ts';
import { log } from './io.ts';
import { datasetProgress } from './progress.ts';
import { starting } from './startup-failure.ts';

/** `customs serve` (what `npm start` runs): the whole platform on one port. */
export async function run(_args: Args): Promise<number> {
  // An invalid environment is reported by the CLI's error handler (CONFIG.INVALID, each problem named).
  const config = loadConfig();
  const started = Date.now();
  log(`Smart Customs starting (${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dbDir}`}, ${config.natsUrl ? 'NATS JetStream' : 'in-process bus'})`);
  if (buildWebIfMissing()) log('Built the web app (web/dist)');
  const progress = datasetProgress();
  const platform = await starting(config, () =>
    createPlatform(config, {
      logger: { level: config.logLevel },
      onLoadProgress: progress,
      eagerSearch: true,
    }),
  ).finally(() => progress.stop());
  const address = await starting(config, () => platform.app.listen({ port: config.port, host: config.host })).catch(async (e: unknown) => {
    await platform.close();
    throw e;
  });
  if (!config.databaseUrl) updateLock(config.dbDir, `http://127.0.0.1:${config.port}`);
  log(`Serving on ${address} (API /api/v1, OpenAPI /docs) after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log(`${signal}: shutting down`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await platform.close();
  return 0;
}
