import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, asc, eq } from 'drizzle-orm';
import { newId } from '../../kernel/index.ts';
import type { Db } from './connect.ts';
import { partyAuthorisations, principals } from './schema.ts';

export type Role = 'trader' | 'officer' | 'analyst' | 'admin';
export const ROLES: readonly Role[] = ['trader', 'officer', 'analyst', 'admin'];

/** A party that authorised a principal to declare for it as its broker. */
export interface PartyAuthorisation {
  readonly principalId: string;
  readonly partyId: string;
  readonly grantedBy: string;
  readonly createdAt: string;
}

export interface Principal {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  readonly partyId: string | null;
}

/**
 * API keys look like `sc_<prefix>_<secret>`. The prefix finds the row; only an argon2 hash of the whole key is stored.
 * Verified keys are cached in memory for a short time so that argon2 (deliberately slow) is not paid on every request.
 */
export class PrincipalsRepo {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly db: Db) {}

  async create(input: { role: Role; name: string; partyId?: string | null; key?: string }): Promise<{ principal: Principal; key: string }> {
    const prefix = randomBytes(6).toString('hex');
    const key = input.key ?? `sc_${prefix}_${randomBytes(24).toString('base64url')}`;
    const keyPrefix = input.key ? `fixed:${input.key.slice(0, 12)}` : prefix;
    const id = newId('prn');
    const row = { id, role: input.role, name: input.name, keyPrefix, keyHash: await hash(key), partyId: input.partyId ?? null };
    await this.db.insert(principals).values(row);
    return { principal: { id, role: input.role, name: input.name, partyId: row.partyId }, key };
  }

  /** Seeds the admin principal from SMART_CUSTOMS_ADMIN_KEY (idempotent; a changed key replaces the hash). */
  async seedAdmin(key: string): Promise<void> {
    const keyPrefix = `fixed:${key.slice(0, 12)}`;
    const [row] = await this.db.select().from(principals).where(eq(principals.keyPrefix, keyPrefix));
    if (row && (await verify(row.keyHash, key))) return;
    if (row) await this.db.update(principals).set({ keyHash: await hash(key) }).where(eq(principals.id, row.id));
    else await this.create({ role: 'admin', name: 'admin (SMART_CUSTOMS_ADMIN_KEY)', key });
  }

  async authenticate(key: string): Promise<Principal | undefined> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.principal;
    const m = /^sc_([0-9a-f]{12})_/.exec(key);
    const keyPrefix = m ? m[1]! : `fixed:${key.slice(0, 12)}`;
    const [row] = await this.db.select().from(principals).where(eq(principals.keyPrefix, keyPrefix));
    if (!row || row.disabled || !(await verify(row.keyHash, key))) return undefined;
    const principal: Principal = { id: row.id, role: row.role as Role, name: row.name, partyId: row.partyId };
    this.cache.set(key, { principal, until: Date.now() + 60_000 });
    return principal;
  }

  async list(): Promise<Principal[]> {
    const rows = await this.db.select().from(principals);
    return rows.map((r) => ({ id: r.id, role: r.role as Role, name: r.name, partyId: r.partyId }));
  }

  async get(id: string): Promise<Principal | undefined> {
    const [r] = await this.db.select().from(principals).where(eq(principals.id, id));
    return r ? { id: r.id, role: r.role as Role, name: r.name, partyId: r.partyId } : undefined;
  }

  /** Records that the party authorised the principal as its broker (idempotent: a second grant keeps the first). */
  async authorise(principalId: string, partyId: string, grantedBy: string): Promise<PartyAuthorisation> {
    await this.db.insert(partyAuthorisations).values({ principalId, partyId, grantedBy }).onConflictDoNothing();
    const [r] = await this.db
      .select()
      .from(partyAuthorisations)
      .where(and(eq(partyAuthorisations.principalId, principalId), eq(partyAuthorisations.partyId, partyId)));
    return { principalId: r!.principalId, partyId: r!.partyId, grantedBy: r!.grantedBy, createdAt: r!.createdAt.toISOString() };
  }

  async revoke(principalId: string, partyId: string): Promise<boolean> {
    const rows = await this.db
      .delete(partyAuthorisations)
      .where(and(eq(partyAuthorisations.principalId, principalId), eq(partyAuthorisations.partyId, partyId)))
      .returning();
    return rows.length > 0;
  }

  async authorisations(principalId: string): Promise<PartyAuthorisation[]> {
    const rows = await this.db
      .select()
      .from(partyAuthorisations)
      .where(eq(partyAuthorisations.principalId, principalId))
      .orderBy(asc(partyAuthorisations.partyId));
    return rows.map((r) => ({ principalId: r.principalId, partyId: r.partyId, grantedBy: r.grantedBy, createdAt: r.createdAt.toISOString() }));
  }

  /**
   * The parties the principal may declare for: its own and those that authorised it. Read from the database on each
   * call (not from the key cache), so that a revocation takes effect at once.
   */
  async declarableParties(principalId: string): Promise<Set<string>> {
    const [own] = await this.db.select({ partyId: principals.partyId }).from(principals).where(eq(principals.id, principalId));
    const granted = await this.db
      .select({ partyId: partyAuthorisations.partyId })
      .from(partyAuthorisations)
      .where(eq(partyAuthorisations.principalId, principalId));
    return new Set([...(own?.partyId ? [own.partyId] : []), ...granted.map((g) => g.partyId)]);
  }

  async disable(id: string): Promise<boolean> {
    const rows = await this.db.update(principals).set({ disabled: true }).where(eq(principals.id, id)).returning();
    this.cache.clear();
    return rows.length > 0;
  }
}
