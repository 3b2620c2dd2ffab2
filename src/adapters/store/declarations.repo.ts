import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Declaration, DeclarationEvent, DeclarationInput, DeclarationStatus, Lane, Warning } from '../../modules/declarations/index.ts';
import type { Db } from './connect.ts';
import { declarationEvents, declarations, outbox } from './schema.ts';

type Row = typeof declarations.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A stored row as the declarations module's type (shared by the repositories that read declarations). */
export const toDeclaration = (r: Row): Declaration => ({
  id: r.id,
  kind: r.kind as Declaration['kind'],
  status: r.status as DeclarationStatus,
  version: r.version,
  ownerId: r.ownerId,
  lrn: r.lrn,
  data: r.data as DeclarationInput,
  lane: (r.lane as Lane | null) ?? null,
  assessment: r.assessment ?? null,
  paidYen: Number(r.paidYen),
  risk: r.risk ?? null,
  warnings: r.warnings as Warning[],
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface NewEvent {
  readonly type: string;
  readonly actor: string;
  readonly payload: Record<string, unknown>;
}

export interface ListFilter {
  readonly ownerId?: string;
  readonly status?: DeclarationStatus;
  /** Any of these statuses (with `status`, both must hold). */
  readonly statuses?: readonly DeclarationStatus[];
  readonly lane?: Lane;
  /** newest first (default) or oldest first: a work queue is worked from its oldest. */
  readonly order?: 'newest' | 'oldest';
  /** Opaque cursor: the createdAt|id of the last item of the previous page. */
  readonly cursor?: { createdAt: string; id: string };
  readonly limit: number;
}

/** A change of a declaration: the new fields and the events (one or several steps) that explain it. */
export interface Change {
  readonly patch: Partial<Omit<Declaration, 'id' | 'ownerId' | 'createdAt'>>;
  readonly event?: NewEvent;
  readonly events?: readonly NewEvent[];
}

export const SUBJECT_PREFIX = 'customs.declarations';

/** Appends the event to the history and to the outbox, in the caller's transaction. */
async function appendEvent(tx: Tx, d: Declaration, seq: number, e: NewEvent): Promise<DeclarationEvent> {
  const [row] = await tx
    .insert(declarationEvents)
    .values({ declarationId: d.id, seq, type: e.type, actor: e.actor, version: d.version, payload: e.payload })
    .returning();
  const event: DeclarationEvent = { seq, type: e.type, actor: e.actor, version: d.version, at: row!.at.toISOString(), payload: e.payload };
  const status = typeof e.payload['to'] === 'string' ? e.payload['to'] : d.status;
  await tx.insert(outbox).values({
    subject: `${SUBJECT_PREFIX}.${e.type}`,
    msgId: `${d.id}:${seq}`,
    payload: { declarationId: d.id, status, lane: d.lane, ...event },
  });
  return event;
}

export class DeclarationsRepo {
  constructor(private readonly db: Db) {}

  /** Stores a new declaration with the events that brought it to its state (created, submitted, accepted, …). */
  async create(d: Declaration, e: NewEvent | readonly NewEvent[]): Promise<Declaration> {
    const events = Array.isArray(e) ? (e as readonly NewEvent[]) : [e as NewEvent];
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(declarations)
        .values({
          id: d.id,
          kind: d.kind,
          status: d.status,
          version: d.version,
          ownerId: d.ownerId,
          lrn: d.lrn,
          data: d.data,
          lane: d.lane,
          assessment: d.assessment,
          paidYen: d.paidYen,
          risk: d.risk,
          warnings: [...d.warnings],
        })
        .returning();
      const saved = toDeclaration(row!);
      for (let i = 0; i < events.length; i++) await appendEvent(tx, saved, i + 1, events[i]!);
      return saved;
    });
  }

  async get(id: string): Promise<Declaration | undefined> {
    const [row] = await this.db.select().from(declarations).where(eq(declarations.id, id));
    return row ? toDeclaration(row) : undefined;
  }

  /**
   * Changes a declaration under a row lock: `change` sees the current state and returns the new fields and the event,
   * or throws to abort. State, history and outbox are written in one transaction; `change` may write more in it.
   */
  async update(
    id: string,
    change: (current: Declaration, tx: Db) => Change | Promise<Change>,
  ): Promise<Declaration | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.select().from(declarations).where(eq(declarations.id, id)).for('update');
      if (!row) return undefined;
      const current = toDeclaration(row);
      // The transaction is handed on so that a record kept elsewhere (an officer's finding) commits with the event.
      const { patch, event, events } = await change(current, tx as unknown as Db);
      const all = events ?? (event ? [event] : []);
      if (all.length === 0) return current;
      const values: Partial<typeof declarations.$inferInsert> = { updatedAt: new Date() };
      if (patch.status !== undefined) values.status = patch.status;
      if (patch.version !== undefined) values.version = patch.version;
      if (patch.data !== undefined) values.data = patch.data;
      if (patch.lane !== undefined) values.lane = patch.lane;
      if (patch.assessment !== undefined) values.assessment = patch.assessment;
      if (patch.paidYen !== undefined) values.paidYen = patch.paidYen;
      if (patch.risk !== undefined) values.risk = patch.risk;
      if (patch.warnings !== undefined) values.warnings = [...patch.warnings];
      if (patch.lrn !== undefined) values.lrn = patch.lrn;
      const [updated] = await tx.update(declarations).set(values).where(eq(declarations.id, id)).returning();
      const saved = toDeclaration(updated!);
      const [{ next } = { next: 1 }] = await tx
        .select({ next: sql<number>`coalesce(max(${declarationEvents.seq}), 0) + 1` })
        .from(declarationEvents)
        .where(eq(declarationEvents.declarationId, id));
      for (let i = 0; i < all.length; i++) await appendEvent(tx, saved, Number(next) + i, all[i]!);
      return saved;
    });
  }

  async history(id: string): Promise<DeclarationEvent[]> {
    const rows = await this.db
      .select()
      .from(declarationEvents)
      .where(eq(declarationEvents.declarationId, id))
      .orderBy(asc(declarationEvents.seq));
    return rows.map((r) => ({
      seq: r.seq,
      type: r.type,
      actor: r.actor,
      version: r.version,
      at: r.at.toISOString(),
      payload: r.payload as Record<string, unknown>,
    }));
  }

  async list(f: ListFilter): Promise<Declaration[]> {
    const where = filterWhere(f);
    const oldest = f.order === 'oldest';
    if (f.cursor) {
      const at = new Date(f.cursor.createdAt);
      where.push(
        oldest
          ? sql`(${declarations.createdAt}, ${declarations.id}) > (${at}, ${f.cursor.id})`
          : sql`(${declarations.createdAt}, ${declarations.id}) < (${at}, ${f.cursor.id})`,
      );
    }
    const rows = await this.db
      .select()
      .from(declarations)
      .where(where.length ? and(...where) : undefined)
      .orderBy(...(oldest ? [asc(declarations.createdAt), asc(declarations.id)] : [desc(declarations.createdAt), desc(declarations.id)]))
      .limit(f.limit);
    return rows.map(toDeclaration);
  }

  /** How many declarations match the filter (lane aside), per lane ('none' for those without one yet). */
  async countByLane(f: Omit<ListFilter, 'lane' | 'cursor' | 'limit' | 'order'>): Promise<Record<Lane | 'none', number>> {
    const where = filterWhere(f);
    const rows = await this.db
      .select({ lane: declarations.lane, n: sql<number>`count(*)::int` })
      .from(declarations)
      .where(where.length ? and(...where) : undefined)
      .groupBy(declarations.lane);
    const out: Record<Lane | 'none', number> = { red: 0, yellow: 0, green: 0, none: 0 };
    for (const r of rows) out[(r.lane ?? 'none') as Lane | 'none'] += Number(r.n);
    return out;
  }

  /** The stored risk decisions of the latest declarations, oldest first (seeds the selector's threshold window). */
  async recentDecisions<T>(limit: number): Promise<T[]> {
    const rows = await this.db
      .select({ risk: declarations.risk })
      .from(declarations)
      .where(sql`${declarations.risk} is not null`)
      .orderBy(desc(declarations.createdAt))
      .limit(limit);
    return rows.map((r) => r.risk as T).filter((r) => r !== null && typeof r === 'object' && 'basis' in (r as object)).reverse();
  }

  /** Declarations whose automatic processing had not finished (submitted, or accepted without a failed assessment). */
  async pendingIds(): Promise<string[]> {
    const rows = await this.db
      .select({ id: declarations.id })
      .from(declarations)
      .where(sql`${declarations.status} in ('submitted', 'assessed') or (${declarations.status} = 'accepted' and ${declarations.assessment} is null)`)
      .orderBy(asc(declarations.createdAt))
      .limit(10_000);
    return rows.map((r) => r.id);
  }

  async count(): Promise<number> {
    const [r] = await this.db.select({ n: sql<number>`count(*)::int` }).from(declarations);
    return Number(r?.n ?? 0);
  }
}

function filterWhere(f: Pick<ListFilter, 'ownerId' | 'status' | 'statuses' | 'lane'>): SQL[] {
  const where: SQL[] = [];
  if (f.ownerId !== undefined) where.push(eq(declarations.ownerId, f.ownerId));
  if (f.status !== undefined) where.push(eq(declarations.status, f.status));
  if (f.statuses !== undefined) where.push(inArray(declarations.status, [...f.statuses]));
  if (f.lane !== undefined) where.push(eq(declarations.lane, f.lane));
  return where;
}
