import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from './connect.ts';
import { gateUses, passengerArrivals, passengerDeclarations, settings, watchRules } from './schema.ts';

/**
 * Storage of the travellers' feature: declarations (identifiers only as keyed hashes), gate uses (the replay guard),
 * advance passenger records with their suggested channel, watch rules. Every personal row carries an expiry that
 * the retention job enforces; nothing here ever receives a passport number in clear.
 */
export interface StoredPassengerDeclaration {
  readonly id: string;
  /** `{ declaration, passportKey }`: the declaration without its passport number, and that number's keyed hash. */
  readonly data: unknown;
  readonly assessment: unknown;
  readonly digest: string;
  readonly arrivalDate: string;
  /** Normalised flight number (NH12, not NH012). */
  readonly flight: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface ArrivalRecord {
  readonly flight: string;
  readonly arrivalDate: string;
  readonly data: unknown;
  readonly documentKey: string;
  readonly channel: string;
  readonly reasons: unknown;
  readonly declarationId: string | null;
  readonly expiresAt: Date;
}

export interface StoredArrival extends Omit<ArrivalRecord, 'expiresAt'> {
  readonly id: number;
  readonly receivedAt: string;
  readonly expiresAt: string;
}

export interface StoredWatchRule {
  readonly id: string;
  /** `document:<hmac>` or `person:<hmac>`: the table has one key column, the prefix says what was keyed. */
  readonly identifierKey: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface PurgeCounts {
  readonly declarations: number;
  readonly arrivals: number;
  readonly gateUses: number;
}

const iso = (d: Date): string => d.toISOString();

/** Rows per INSERT of arrivals (nine columns each: well below PostgreSQL's parameter limit). */
const ARRIVALS_PER_INSERT = 1000;

export class PassengersRepo {
  constructor(private readonly db: Db) {}

  async addDeclaration(d: Omit<StoredPassengerDeclaration, 'createdAt' | 'expiresAt'> & { expiresAt: Date }): Promise<StoredPassengerDeclaration> {
    const [row] = await this.db.insert(passengerDeclarations).values(d).returning();
    return declarationOf(row!);
  }

  async declaration(id: string): Promise<StoredPassengerDeclaration | undefined> {
    const [row] = await this.db.select().from(passengerDeclarations).where(eq(passengerDeclarations.id, id));
    return row ? declarationOf(row) : undefined;
  }

  /** Declarations for one arrival, to match advance passenger data against. */
  async declarationsFor(flight: string, arrivalDate: string): Promise<StoredPassengerDeclaration[]> {
    const rows = await this.db
      .select()
      .from(passengerDeclarations)
      .where(and(eq(passengerDeclarations.flight, flight), eq(passengerDeclarations.arrivalDate, arrivalDate)));
    return rows.map(declarationOf);
  }

  /** The replay guard: true the first time a pass id is presented on an arrival. The primary key decides, so two gates racing on one pass cannot both accept it. */
  async firstUse(jti: string, arrivalKey: string): Promise<boolean> {
    const rows = await this.db.insert(gateUses).values({ jti, arrivalKey }).onConflictDoNothing().returning({ jti: gateUses.jti });
    return rows.length === 1;
  }

  async addArrivals(records: readonly ArrivalRecord[]): Promise<number[]> {
    if (records.length === 0) return [];
    // In chunks: one INSERT of ten thousand rows overflows the call stack while its SQL is built (and PostgreSQL's
    // 65,535 parameters); one transaction, so an upload is stored whole or not at all.
    return this.db.transaction(async (tx) => {
      const ids: number[] = [];
      for (let i = 0; i < records.length; i += ARRIVALS_PER_INSERT) {
        const rows = await tx.insert(passengerArrivals).values(records.slice(i, i + ARRIVALS_PER_INSERT)).returning({ id: passengerArrivals.id });
        ids.push(...rows.map((r) => r.id));
      }
      return ids;
    });
  }

  async arrivals(filter: { flight?: string; arrivalDate?: string }): Promise<StoredArrival[]> {
    const where = [];
    if (filter.flight) where.push(eq(passengerArrivals.flight, filter.flight));
    if (filter.arrivalDate) where.push(eq(passengerArrivals.arrivalDate, filter.arrivalDate));
    const rows = await this.db
      .select()
      .from(passengerArrivals)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(passengerArrivals.id))
      .limit(5000);
    return rows.map((r) => ({ ...r, receivedAt: iso(r.receivedAt), expiresAt: iso(r.expiresAt) }));
  }

  /** The advance-passenger records matched to one declaration (through the flight index: declarations are per flight). */
  async arrivalsOfDeclaration(flight: string, arrivalDate: string, declarationId: string): Promise<StoredArrival[]> {
    const rows = await this.db
      .select()
      .from(passengerArrivals)
      .where(
        and(
          eq(passengerArrivals.flight, flight),
          eq(passengerArrivals.arrivalDate, arrivalDate),
          eq(passengerArrivals.declarationId, declarationId),
        ),
      )
      .limit(50);
    return rows.map((r) => ({ ...r, receivedAt: iso(r.receivedAt), expiresAt: iso(r.expiresAt) }));
  }

  async addWatchRule(r: Omit<StoredWatchRule, 'createdAt'>): Promise<StoredWatchRule> {
    const [row] = await this.db.insert(watchRules).values(r).returning();
    return { ...row!, createdAt: iso(row!.createdAt) };
  }

  async watchRules(): Promise<StoredWatchRule[]> {
    const rows = await this.db.select().from(watchRules).orderBy(asc(watchRules.createdAt), asc(watchRules.id));
    return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
  }

  async deleteWatchRule(id: string): Promise<boolean> {
    const rows = await this.db.delete(watchRules).where(eq(watchRules.id, id)).returning({ id: watchRules.id });
    return rows.length === 1;
  }

  /**
   * Writes a setting only if it is absent and returns the stored value: when several nodes start at once, they all
   * end up with the first one's value (a secret or key pair generated twice would split the cluster).
   */
  async settingOnce<T>(name: string, value: T): Promise<T> {
    await this.db.insert(settings).values({ name, value }).onConflictDoNothing();
    const [row] = await this.db.select().from(settings).where(eq(settings.name, name));
    return row!.value as T;
  }

  /** Deletes personal data past its expiry, and gate uses older than `gateUsesBefore` (their passes expired). */
  async purge(now: Date, gateUsesBefore: Date): Promise<PurgeCounts> {
    const d = await this.db.delete(passengerDeclarations).where(lt(passengerDeclarations.expiresAt, now)).returning({ id: passengerDeclarations.id });
    const a = await this.db.delete(passengerArrivals).where(lt(passengerArrivals.expiresAt, now)).returning({ id: passengerArrivals.id });
    const g = await this.db.delete(gateUses).where(lt(gateUses.usedAt, gateUsesBefore)).returning({ jti: gateUses.jti });
    return { declarations: d.length, arrivals: a.length, gateUses: g.length };
  }
}

function declarationOf(row: typeof passengerDeclarations.$inferSelect): StoredPassengerDeclaration {
  return { ...row, createdAt: iso(row.createdAt), expiresAt: iso(row.expiresAt) };
}
