import type { Subscription } from '../adapters/bus/port.ts';
import { ConsignmentsRepo } from '../adapters/store/consignments.repo.ts';
import type { ClearanceEngine } from '../workflows/clearance/clear-consignments.ts';
import { createClearanceEngine } from '../workflows/clearance/engine-setup.ts';
import { ClearancePipeline } from '../workflows/clearance/pipeline.ts';
import { consignmentRoutes } from './consignments.routes.ts';
import type { FeatureEnv, FeatureFactory } from './feature.ts';
import { isMoneyCurrency } from '../modules/reference/index.ts';

/**
 * Whether this process clears consignments: always when embedded (the in-process bus has no other consumer); on NATS
 * only in `customs worker` processes (which set CUSTOMS_CLEARANCE_WORKER=1) or an API node told to with it, so API
 * nodes and clearance workers scale separately.
 */
export function clearsHere(env: Pick<FeatureEnv, 'config'>, processEnv: NodeJS.ProcessEnv = process.env): boolean {
  return env.config.natsUrl === undefined || processEnv['CUSTOMS_CLEARANCE_WORKER'] === '1';
}

/**
 * Low-value e-commerce clearance: batch uploads (NDJSON / CSV streams), per-line results and progress, advance
 * cargo data, and the clearance worker (value, ceiling, codes, assessment, risk, lane) on the bus.
 */
export const consignmentsFeature: FeatureFactory = async (env) => {
  const repo = new ConsignmentsRepo(env.store.db);
  const pipeline = new ClearancePipeline(env.bus, repo, env.outboxWritten);
  let sub: Subscription | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let engine: Promise<ClearanceEngine> | undefined;
  // Built on first use (it may train a model): platforms that never see a consignment pay nothing.
  const engineOnce = (): Promise<ClearanceEngine> => {
    if (!engine) {
      engine = createClearanceEngine(env);
      engine.catch(() => (engine = undefined));
    }
    return engine;
  };
  const parse = {
    isCountry: (c: string) => env.catalog.country(c) !== undefined,
    isCurrency: (c: string) => isMoneyCurrency(env.catalog.currency(c)),
  };
  return {
    name: 'consignments',
    // Embedded: one process does it all, so each upload chunk is cleared before it is stored (one write, no hop).
    plugin: consignmentRoutes({
      repo,
      pipeline,
      parse,
      parallelChunks: env.store.kind === 'postgres' ? 3 : 1,
      ...(env.config.natsUrl === undefined ? { inlineEngine: engineOnce } : {}),
    }),
    start: async () => {
      if (!clearsHere(env)) return;
      const maxInFlight = Number(process.env['CUSTOMS_CLEARANCE_IN_FLIGHT'] ?? '8') || 8;
      const ackWaitMs = Number(process.env['CUSTOMS_CLEARANCE_ACK_WAIT_MS'] ?? '60000') || 60_000;
      sub = await pipeline.startWorker(engineOnce, { maxInFlight, ackWaitMs, onError: (e) => env.log(`consignments: clearance failed, will retry: ${String(e)}`) });
      // Consignments stored but never announced (a crash between the two), or whose messages the bus lost, are
      // announced again, de-duplicated by the store. Only stalled batches: a batch being uploaded or cleared has its
      // consignments queued already, and a worker added to work off a backlog would queue it all twice.
      const resumed = await pipeline.resumeStalled();
      if (resumed > 0) env.log(`consignments: re-announced ${resumed} undecided consignments of stalled batches`);
      sweeper = setInterval(() => {
        pipeline.sweep().then(
          (r) => {
            if (r.abandoned.length > 0) env.log(`consignments: uploads abandoned by their node: ${r.abandoned.join(', ')}`);
            if (r.resumed > 0) env.log(`consignments: re-announced ${r.resumed} undecided consignments of failed uploads`);
            if (r.stalled > 0) env.log(`consignments: re-announced ${r.stalled} undecided consignments of stalled batches`);
          },
          (e: unknown) => env.log(`consignments: sweep failed, will retry: ${String(e)}`),
        );
      }, 30_000);
      sweeper.unref();
    },
    close: async () => {
      clearInterval(sweeper);
      await sub?.stop();
    },
  };
};
