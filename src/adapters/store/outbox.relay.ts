import { and, asc, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from './connect.ts';
import { outbox } from './schema.ts';

export interface Publisher {
  publish(subject: string, data: unknown, opts?: { msgId?: string }): Promise<unknown>;
}

export interface RelayOptions {
  /**
   * Published rows are kept this long, then deleted (default 7 days): long enough to trace an event, and far beyond
   * the bus's de-duplication window, which is what a re-publish relies on. Unpublished rows are never deleted.
   */
  readonly retentionMs?: number;
  /** How often the relay deletes expired rows (default hourly). */
  readonly purgeEveryMs?: number;
  readonly now?: () => number;
}

const DAY_MS = 86_400_000;

/**
 * Relays outbox rows to the event bus. The bus de-duplicates by msgId, so a crash between publishing and marking a
 * row only causes a harmless re-publish. Runs on a timer and when poked after a write.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private lastPurge: number;
  private readonly retentionMs: number;
  private readonly purgeEveryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly bus: Publisher,
    private readonly onError: (e: unknown) => void = () => {},
    opts: RelayOptions = {},
  ) {
    this.retentionMs = opts.retentionMs ?? 7 * DAY_MS;
    this.purgeEveryMs = opts.purgeEveryMs ?? 3_600_000;
    this.now = opts.now ?? Date.now;
    this.lastPurge = this.now();
  }

  start(intervalMs = 500): void {
    this.timer = setInterval(() => this.poke(), intervalMs);
    this.timer.unref();
  }

  poke(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(async (n) => {
        if (this.now() - this.lastPurge >= this.purgeEveryMs) {
          this.lastPurge = this.now();
          await this.purge();
        }
        return n;
      })
      .catch((e: unknown) => {
        this.onError(e);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /**
   * Publishes every pending row; returns how many. Rows are claimed with FOR UPDATE SKIP LOCKED for the time of their
   * publish: the relays of several processes (API nodes, workers) share the outbox instead of each publishing every
   * row (the bus would drop the copies by msgId, after carrying them).
   */
  async drain(batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(outbox)
          .where(isNull(outbox.publishedAt))
          .orderBy(asc(outbox.id))
          .limit(batch)
          .for('update', { skipLocked: true });
        for (const r of rows) await this.bus.publish(r.subject, r.payload, { msgId: r.msgId });
        if (rows.length > 0)
          await tx
            .update(outbox)
            .set({ publishedAt: new Date() })
            .where(
              inArray(
                outbox.id,
                rows.map((r) => r.id),
              ),
            );
        return rows.length;
      });
      if (n === 0) return total;
      total += n;
    }
  }

  /** Deletes rows published more than the retention ago; returns how many. The relays of all processes may run it. */
  async purge(): Promise<number> {
    const before = new Date(this.now() - this.retentionMs);
    const gone = await this.db
      .delete(outbox)
      .where(and(isNotNull(outbox.publishedAt), lt(outbox.publishedAt, before)))
      .returning({ id: outbox.id });
    return gone.length;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
