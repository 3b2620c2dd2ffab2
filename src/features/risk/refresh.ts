import type { RiskService } from '../../workflows/risk.service.ts';

/** How often a node re-reads rules, policy and the registry that another node may have changed. */
export const REFRESH_MS = 15_000;

type Cached = Pick<RiskService, 'reloadRules' | 'reloadPolicy' | 'reloadModel' | 'registry' | 'modelVersion'>;

/**
 * One refresh of a node's risk caches. The node that handles a change reloads at once; in scaled mode the other API
 * nodes and workers catch up here within REFRESH_MS. The model (large) is reloaded only when the active version
 * differs from the one this node scores with.
 */
export async function refreshRiskCaches(risk: Cached): Promise<void> {
  await risk.reloadRules();
  await risk.reloadPolicy();
  const active = (await risk.registry()).active;
  if (active !== risk.modelVersion()) await risk.reloadModel();
}

/** A timer that refreshes until closed; failures are logged and retried at the next tick. */
export function riskCacheRefresher(risk: Cached, log: (m: string) => void, everyMs = REFRESH_MS): { start(): void; close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = (): void => {
    if (running) return;
    running = true;
    refreshRiskCaches(risk)
      .catch((e: unknown) => log(`risk: cache refresh failed: ${String(e)}`))
      .finally(() => {
        running = false;
      });
  };
  return {
    start: () => {
      timer ??= setInterval(tick, everyMs).unref();
    },
    close: () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
