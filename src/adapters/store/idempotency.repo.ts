import { and, eq, lt } from 'drizzle-orm';
import type { Db } from './connect.ts';
import { idempotencyKeys } from './schema.ts';

export type IdempotencyClaim =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly statusCode: number; readonly response: unknown }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'in_flight' };

/**
 * Idempotency-Key handling: the first request with a key claims it (insert wins the race), its response is stored;
 * the same key with the same body replays that response, with another body it is a conflict.
 */
export class IdempotencyRepo {
  constructor(private readonly db: Db) {}

  async claim(principalId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted = await this.db
      .insert(idempotencyKeys)
      .values({ principalId, key, requestHash })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) return { kind: 'new' };
    const [row] = await this.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key)));
    if (!row) return { kind: 'new' };
    if (row.requestHash !== requestHash) return { kind: 'conflict' };
    if (row.statusCode === null) return { kind: 'in_flight' };
    return { kind: 'replay', statusCode: row.statusCode, response: row.response };
  }

  async complete(principalId: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.db
      .update(idempotencyKeys)
      .set({ statusCode, response })
      .where(and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key)));
  }

  /** A failed request releases its key so the client can retry. */
  async release(principalId: string, key: string): Promise<void> {
    await this.db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key)));
  }

  async purgeOlderThan(date: Date): Promise<void> {
    await this.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, date));
  }
}
