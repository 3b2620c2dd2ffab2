import type { PassengersRepo, PurgeCounts } from '../../adapters/store/passengers.repo.ts';

const DAY_MS = 86_400_000;
/**
 * Gate uses must outlive the passes they burnt (a pass stays presentable up to two days after its arrival date), or
 * a used pass would verify again; so they are kept at least this long whatever the retention period.
 */
const MIN_GATE_USE_DAYS = 3;

/** Deletes passenger data past its expiry and gate uses older than the retention period. */
export function purgePassengerData(repo: PassengersRepo, now: Date, retentionDays: number): Promise<PurgeCounts> {
  const gateDays = Math.max(retentionDays, MIN_GATE_USE_DAYS);
  return repo.purge(now, new Date(now.getTime() - gateDays * DAY_MS));
}

/**
 * The retention job: runs at once and then every `everyMs`, never keeping the process alive on its own. The stop
 * function waits for a run in flight, so the store is not closed under it.
 */
export function startRetentionJob(run: () => Promise<PurgeCounts>, everyMs: number, log: (m: string) => void): () => Promise<void> {
  let current: Promise<void> | null = null;
  const tick = (): void => {
    if (current) return;
    current = run()
      .then((c) => {
        if (c.declarations + c.arrivals + c.gateUses > 0) {
          log(`passengers retention: deleted ${c.declarations} declarations, ${c.arrivals} arrivals, ${c.gateUses} gate uses`);
        }
      })
      .catch((e: unknown) => log(`passengers retention: ${String(e)}`))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
