import { asc, count, eq } from 'drizzle-orm';
import { referenceKey, type SearchReference } from '../../modules/search/index.ts';
import type { Db } from './connect.ts';
import { searchReferences } from './schema.ts';

/** A search reference as stored: who wrote it last, and when. */
export interface StoredSearchReference extends SearchReference {
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** Officers' search references (a small table, read whole by the search). */
export class SearchReferencesRepo {
  constructor(private readonly db: Db) {}

  /** Every reference, by term. */
  async all(): Promise<StoredSearchReference[]> {
    const rows = await this.db.select().from(searchReferences).orderBy(asc(searchReferences.termKey));
    return rows.map(toReference);
  }

  /** One page, by term, and how many there are. */
  async page(offset: number, limit: number): Promise<{ items: StoredSearchReference[]; total: number }> {
    const rows = await this.db.select().from(searchReferences).orderBy(asc(searchReferences.termKey)).limit(limit).offset(offset);
    const [{ n } = { n: 0 }] = await this.db.select({ n: count() }).from(searchReferences);
    return { items: rows.map(toReference), total: Number(n) };
  }

  /** Creates the term's reference, or replaces it (terms with the same key are one reference). */
  async put(ref: SearchReference, by: string): Promise<StoredSearchReference> {
    const row = { termKey: referenceKey(ref.term), term: ref.term, codes: [...ref.codes], note: ref.note, updatedBy: by, updatedAt: new Date() };
    const [stored] = await this.db
      .insert(searchReferences)
      .values(row)
      .onConflictDoUpdate({ target: searchReferences.termKey, set: { term: row.term, codes: row.codes, note: row.note, updatedBy: by, updatedAt: row.updatedAt } })
      .returning();
    return toReference(stored!);
  }

  /** Removes the term's reference; false when there was none. */
  async remove(term: string): Promise<boolean> {
    const gone = await this.db.delete(searchReferences).where(eq(searchReferences.termKey, referenceKey(term))).returning({ k: searchReferences.termKey });
    return gone.length > 0;
  }
}

function toReference(r: typeof searchReferences.$inferSelect): StoredSearchReference {
  return { term: r.term, codes: r.codes, note: r.note, updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() };
}
