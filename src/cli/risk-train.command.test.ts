import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../adapters/store/connect.ts';
import { DeclarationsRepo } from '../adapters/store/declarations.repo.ts';
import { RiskRepo } from '../adapters/store/risk.repo.ts';
import type { Declaration } from '../modules/declarations/index.ts';
import { parseArgs } from './args.ts';
import type { Target } from './database.ts';
import { trainOn } from './risk-train.command.ts';

let store: Store;
// The command closes the store it is given; the test keeps it open to seed it and to look at the result.
const target = (): Target => ({ kind: 'local', store: { ...store, close: async () => {} } });

/** A stored, assessed import declaration of one item; `risky` ones are cheap T-shirts from CN. */
const declaration = (i: number, risky: boolean): Declaration => ({
  id: `dcl_${String(i).padStart(3, '0')}`,
  kind: 'import',
  status: 'lane_assigned',
  version: 1,
  ownerId: 'prn_t',
  lrn: `LRN-${i}`,
  data: {
    kind: 'import',
    customsOffice: '1A',
    declarant: { name: 'Declarant KK' },
    importer: { name: risky ? 'Shady Imports KK' : 'Kissa Trading KK' },
    transport: { mode: 'sea', date: '2026-11-20', port: 'JPTYO', portOfLoading: risky ? 'CNSHA' : 'BRSSZ', transportDocument: { type: 'BL', number: `BL${100000 + i}` } },
    items: [
      risky
        ? { code9: '610910020', description: 'T-shirts', originCountry: 'CN', quantities: [{ amount: '500', unit: 'NO' }], netMassKg: '100', invoiceValue: { amount: '300.00', currency: 'USD' } }
        : { code9: '090111000', description: 'coffee', originCountry: 'BR', quantities: [{ amount: '1200', unit: 'KG' }], netMassKg: '1200', invoiceValue: { amount: '5400.00', currency: 'USD' } },
    ],
  },
  lane: 'green',
  assessment: { totalYen: 1000, items: [{ customsValueYen: risky ? 45_000 : 810_000, dutyYen: risky ? 3_300 : 0, appliedRate: { column: risky ? 'rate_wto' : 'rate_general' } }] },
  paidYen: 0,
  risk: null,
  warnings: [],
  createdAt: '',
  updatedAt: '',
});

async function seed(from: number, to: number): Promise<void> {
  const decls = new DeclarationsRepo(store.db);
  const risk = new RiskRepo(store.db);
  for (let i = from; i < to; i++) {
    const risky = i % 2 === 0;
    const d = await decls.create(declaration(i, risky), { type: 'created', actor: 'test', payload: {} });
    const hit = risky && i % 8 !== 0;
    await risk.addFinding({ declarationId: d.id, item: 0, kind: hit ? 'discrepancy_revenue' : 'no_discrepancy', ...(hit ? { revenueYen: 5_000 } : {}), officerId: 'prn_o' });
  }
}

async function capture(f: () => Promise<number>): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await f(), stdout: out.join('') };
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  store = await openStore({ dbDir: 'memory://' });
});
afterAll(async () => {
  await store.close();
});

describe('customs risk train', () => {
  it('exits 2 with RISK.NOT_ENOUGH_LABELS and the counts when the findings are too few', async () => {
    await seed(0, 10);
    const r = await capture(() => trainOn(parseArgs(['--json'], ['json', 'promote']), target()));
    expect(r.code).toBe(2);
    const body = JSON.parse(r.stdout.trim());
    expect(body).toMatchObject({ code: 'RISK.NOT_ENOUGH_LABELS', details: { needed: { items: 40 }, have: { items: 10 } } });
  });

  it('trains on the embedded database, prints only the JSON result and, with --promote, makes it the active model', async () => {
    await seed(10, 70);
    const r = await capture(() => trainOn(parseArgs(['--json', '--promote'], ['json', 'promote']), target()));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const outcome = JSON.parse(lines[0]!);
    expect(outcome).toMatchObject({ status: 'active', labelledItems: 70, version: expect.stringMatching(/^gbdt-/) });
    const repo = new RiskRepo(store.db);
    expect((await repo.registry())?.active).toBe(outcome.version);
    expect(await repo.model(outcome.version)).toMatchObject({ format: 'smart-customs.risk-model' });
  });
});
