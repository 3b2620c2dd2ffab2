import type { ReplayGuard } from './verifier.ts';

/**
 * In-memory replay guard for one gate process or tests: a pass is accepted once per arrival. A database-backed
 * guard shares the same port when several gates serve one arrival.
 */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, Set<string>>();

  firstUse(jti: string, arrivalKey: string): boolean {
    let used = this.seen.get(arrivalKey);
    if (!used) {
      used = new Set();
      this.seen.set(arrivalKey, used);
    }
    if (used.has(jti)) return false;
    used.add(jti);
    return true;
  }

  /** Once an arrival is closed its passes can no longer be presented; drop them to bound memory. */
  forgetArrival(arrivalKey: string): void {
    this.seen.delete(arrivalKey);
  }
}
