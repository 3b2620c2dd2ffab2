import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Finding, RegistryState, RiskModelJson, RuleVersion } from '../../modules/risk/index.ts';
import type { Db } from './connect.ts';
import { findings, riskModels, riskRules, settings } from './schema.ts';

/** Storage of the risk module: rule versions, settings (policy, registry), trained models and findings. */
export class RiskRepo {
  constructor(private readonly db: Db) {}

  async ruleVersions(): Promise<RuleVersion[]> {
    const rows = await this.db.select().from(riskRules).orderBy(asc(riskRules.id), asc(riskRules.version));
    return rows.map((r) => r.data as RuleVersion);
  }

  /** Every version of one rule, oldest first. */
  async ruleHistory(ruleId: string): Promise<RuleVersion[]> {
    const rows = await this.db.select().from(riskRules).where(eq(riskRules.id, ruleId)).orderBy(asc(riskRules.version));
    return rows.map((r) => r.data as RuleVersion);
  }

  /**
   * Saves a version; false when (id, version) already exists — a concurrent save of the same version. The primary
   * key is the optimistic lock, so two analysts revising from the same version cannot both win.
   */
  async addRuleVersion(v: RuleVersion): Promise<boolean> {
    const rows = await this.db
      .insert(riskRules)
      .values({ id: v.ruleId, version: v.version, data: v, createdBy: v.createdBy })
      .onConflictDoNothing()
      .returning({ id: riskRules.id });
    return rows.length === 1;
  }

  async getSetting<T>(name: string): Promise<T | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.name, name));
    return row?.value as T | undefined;
  }

  async putSetting(name: string, value: unknown): Promise<void> {
    await this.db
      .insert(settings)
      .values({ name, value })
      .onConflictDoUpdate({ target: settings.name, set: { value, updatedAt: new Date() } });
  }

  /**
   * Read-modify-write of one setting under a row lock, so that two analysts acting on the registry at once cannot
   * lose each other's change. `change` may throw to abort (nothing is written).
   */
  async updateSetting<T>(name: string, change: (current: T | undefined) => T): Promise<T> {
    return this.db.transaction(async (tx) => {
      // A JSON null placeholder gives the first writer a row to lock (read back as undefined).
      await tx.insert(settings).values({ name, value: sql`'null'::jsonb` }).onConflictDoNothing();
      const [row] = await tx.select().from(settings).where(eq(settings.name, name)).for('update');
      const next = change((row?.value ?? undefined) as T | undefined);
      await tx.update(settings).set({ value: next, updatedAt: new Date() }).where(eq(settings.name, name));
      return next;
    });
  }

  async registry(): Promise<RegistryState | undefined> {
    return (await this.getSetting<RegistryState | null>('risk.registry')) ?? undefined;
  }

  async saveModel(version: string, metrics: Record<string, number>, model: RiskModelJson): Promise<void> {
    await this.db.insert(riskModels).values({ version, metrics, model });
  }

  async model(version: string): Promise<RiskModelJson | undefined> {
    const [row] = await this.db.select().from(riskModels).where(eq(riskModels.version, version));
    return row?.model as RiskModelJson | undefined;
  }

  async addFinding(f: Omit<Finding, 'findingId' | 'at'>): Promise<Finding> {
    const [row] = await this.db
      .insert(findings)
      .values({
        declarationId: f.declarationId,
        itemIndex: f.item ?? null,
        kind: f.kind,
        revenueYen: f.revenueYen ?? null,
        note: f.note ?? '',
        officerId: f.officerId,
      })
      .returning();
    return toFinding(row!);
  }

  async findings(declarationId?: string): Promise<Finding[]> {
    const rows = await this.db
      .select()
      .from(findings)
      .where(declarationId ? eq(findings.declarationId, declarationId) : undefined)
      .orderBy(desc(findings.id));
    return rows.map(toFinding);
  }
}

function toFinding(r: typeof findings.$inferSelect): Finding {
  return {
    findingId: String(r.id),
    declarationId: r.declarationId,
    ...(r.itemIndex !== null ? { item: r.itemIndex } : {}),
    kind: r.kind as Finding['kind'],
    ...(r.revenueYen !== null ? { revenueYen: r.revenueYen } : {}),
    ...(r.note ? { note: r.note } : {}),
    officerId: r.officerId,
    at: r.at.toISOString(),
  };
}
