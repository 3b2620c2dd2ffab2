import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration, DeclarationInput } from '../../modules/declarations/index.ts';
import type { RuleVersion } from '../../modules/risk/index.ts';
import type { Store } from './connect.ts';
import { DeclarationsRepo } from './declarations.repo.ts';
import { RiskReportsRepo } from './risk-reports.repo.ts';
import { RiskRepo } from './risk.repo.ts';
import { declarations } from './schema.ts';

const data = (kind: 'import' | 'export', party: { partyId?: string; name: string }, origins: string[]): DeclarationInput =>
  ({
    kind,
    customsOffice: '1A',
    declarant: { name: 'Declarant KK' },
    ...(kind === 'import' ? { importer: party } : { exporter: party }),
    transport: { mode: 'sea', date: '2026-11-20', port: 'JPTYO', transportDocument: { type: 'BL', number: 'BL123456' } },
    items: origins.map((o) => ({ code9: '090111000', description: 'coffee', originCountry: o, quantities: [{ amount: '1', unit: 'KG' }], invoiceValue: { amount: '10.00', currency: 'USD' } })),
  }) as DeclarationInput;

const decision = (id: string, lane: string) => ({ declarationId: id, lane, reasons: [], score: 0.25, modelVersion: null, control: lane === 'red', noModel: true, basis: { policyVersion: 'p' } });

const declaration = (id: string, over: Partial<Declaration>): Declaration => ({
  id,
  kind: 'import',
  status: 'lane_assigned',
  version: 1,
  ownerId: 'prn_a',
  lrn: null,
  data: data('import', { name: 'Importer KK' }, ['BR']),
  lane: null,
  assessment: null,
  paidYen: 0,
  risk: null,
  warnings: [],
  createdAt: '',
  updatedAt: '',
  ...over,
});

const rule = (version: number): RuleVersion => ({
  ruleId: 'rule_1',
  version,
  name: `v${version}`,
  lane: 'red',
  reason: 'r',
  criteria: { hsPrefixes: ['0901'] },
  validFrom: '2026-01-01',
  active: true,
  createdAt: new Date().toISOString(),
  createdBy: 'prn_x',
});

/** Storage contract of the risk reports and rule versions, run against PGlite and PostgreSQL alike. */
export function riskReportsContract(name: string, open: () => Promise<Store>, cleanup: () => Promise<void> = async () => {}): void {
  describe(`risk reports store contract: ${name}`, () => {
    let store: Store;
    let reports: RiskReportsRepo;
    let risk: RiskRepo;
    const since = new Date('2026-06-01T00:00:00Z');
    beforeAll(async () => {
      store = await open();
      reports = new RiskReportsRepo(store.db);
      risk = new RiskRepo(store.db);
      const repo = new DeclarationsRepo(store.db);
      const e = { type: 'created', actor: 'test', payload: {} };
      await repo.create(declaration('d1', { lane: 'green', risk: decision('d1', 'green'), assessment: { totalYen: 64_700 }, data: data('import', { partyId: 'pty_a', name: 'A KK' }, ['BR', 'CN']) }), e);
      await repo.create(declaration('d2', { lane: 'red', risk: decision('d2', 'red'), data: data('import', { name: 'B KK' }, ['CN']) }), e);
      await repo.create(declaration('d3', { kind: 'export', lane: 'yellow', risk: decision('d3', 'yellow'), data: data('export', { partyId: 'pty_x', name: 'X KK' }, ['JP']) }), e);
      // Not decided (assessment failed): absent from the decided list, present in the counts.
      await repo.create(declaration('d4', { status: 'accepted', data: data('import', { partyId: 'pty_a', name: 'A KK' }, ['BR']) }), e);
      // Old: outside the window.
      await repo.create(declaration('d5', { lane: 'green', risk: decision('d5', 'green'), data: data('import', { partyId: 'pty_a', name: 'A KK' }, ['BR']) }), e);
      await store.db.update(declarations).set({ createdAt: new Date('2026-01-15T10:00:00Z') }).where(eq(declarations.id, 'd5'));
    });
    afterAll(async () => {
      await store?.close();
      await cleanup();
    });

    it('lists decided declarations since a date with trader, origins and the amount owed', async () => {
      const rows = await reports.decided(since);
      expect(rows.map((r) => r.id)).toEqual(['d1', 'd2', 'd3']);
      expect(rows[0]).toMatchObject({ trader: 'pty_a', originCountries: ['BR', 'CN'], owedYen: 64_700, decision: { lane: 'green', score: 0.25 } });
      expect(rows[1]).toMatchObject({ trader: 'B KK', originCountries: ['CN'], owedYen: 0 });
      expect(rows[2]).toMatchObject({ trader: 'pty_x', originCountries: ['JP'] });
      expect((await reports.decided(new Date('2026-01-01T00:00:00Z'))).map((r) => r.id)).toEqual(['d5', 'd1', 'd2', 'd3']);
    });

    it('counts declarations per trader and lanes per UTC day', async () => {
      expect(Object.fromEntries(await reports.declarationsPerTrader(since))).toEqual({ pty_a: 2, 'B KK': 1, pty_x: 1 });
      const days = await reports.lanesPerDay(new Date('2026-01-01T00:00:00Z'));
      expect(days[0]).toEqual({ date: '2026-01-15', declarations: 1, green: 1, yellow: 0, red: 0 });
      expect(days[1]).toMatchObject({ declarations: 4, green: 1, yellow: 1, red: 1 });
      expect(days).toHaveLength(2);
    });

    it('reads full declarations by id in creation order', async () => {
      const ds = await reports.byIds(['d3', 'd5', 'd1', 'nope']);
      expect(ds.map((d) => d.id)).toEqual(['d5', 'd1', 'd3']);
      expect(ds[2]).toMatchObject({ kind: 'export', lane: 'yellow', data: { exporter: { partyId: 'pty_x' } } });
    });

    it('keeps rule versions and refuses a second save of the same version (the optimistic lock)', async () => {
      expect(await risk.addRuleVersion(rule(1))).toBe(true);
      expect(await risk.addRuleVersion(rule(2))).toBe(true);
      expect(await risk.addRuleVersion({ ...rule(2), name: 'concurrent' })).toBe(false);
      expect((await risk.ruleHistory('rule_1')).map((v) => v.name)).toEqual(['v1', 'v2']);
      expect(await risk.ruleHistory('rule_none')).toEqual([]);
    });

    it('updates a setting under a lock: concurrent changes all land, and a change that throws writes nothing', async () => {
      expect(await risk.registry()).toBeUndefined();
      await Promise.all(Array.from({ length: 5 }, (_, i) => risk.updateSetting<string[]>('test.list', (cur) => [...(cur ?? []), `v${i}`])));
      expect((await risk.getSetting<string[]>('test.list'))?.sort()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
      await expect(risk.updateSetting<string[]>('test.list', () => { throw new Error('refused'); })).rejects.toThrow('refused');
      expect(await risk.getSetting<string[]>('test.list')).toHaveLength(5);
    });
  });
}
