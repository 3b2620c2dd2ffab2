import { mkdtempSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../adapters/store/connect.ts';
import { RiskRepo } from '../adapters/store/risk.repo.ts';
import { RiskModel } from '../modules/risk/index.ts';
import { parseArgs } from './args.ts';
import type { Target } from './database.ts';
import { reportError } from './io.ts';
import { importOn, readInput } from './risk-history-import.command.ts';

const FIXTURE = new URL('../../test/fixtures/risk-history-korean.csv', import.meta.url).pathname;
let store: Store;
// The command closes the store it is given; the test keeps it open to look at the result.
const target = (): Target => ({ kind: 'local', store: { ...store, close: async () => {} } });
const args = (...a: string[]) => parseArgs(a, ['json', 'promote']);

async function capture(f: () => Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    return { code: await f(), stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

async function runLocal(...a: string[]) {
  return capture(async () => {
    let input;
    try {
      input = await readInput(args(...a));
    } catch (e) {
      return reportError(e);
    }
    return importOn(input, target());
  });
}

beforeAll(async () => {
  store = await openStore({ dbDir: 'memory://' });
});
afterAll(async () => {
  await store.close();
});

describe('customs risk history import', () => {
  it('trains on the file, registers a candidate and prints one JSON object with the held-back AUC', async () => {
    const r = await runLocal(FIXTURE);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!);
    expect(o).toMatchObject({ modelId: expect.stringMatching(/^gbdt-/), rowsUsed: 240, rowsSkipped: 2, promoted: false, status: 'candidate' });
    expect(o.heldOutRows).toBeGreaterThan(40);
    expect(o.heldOutRows + o.trainRows).toBe(240);
    // The fixture's T-shirts from CN are mostly discrepancies: a model that learnt anything ranks them first.
    expect(o.auc).toBeGreaterThan(0.7);
    expect(o.skippedByCode).toEqual({ OUTCOME_INVALID: 1, HS_CODE_INVALID: 1 });
    expect(r.stderr).toMatch(/training on the older three quarters/);
    const registry = await new RiskRepo(store.db).registry();
    expect(registry?.active ?? null).toBeNull();
    expect(registry?.versions.find((v) => v.version === o.modelId)?.status).toBe('candidate');
  });

  it('with --promote the model serves at once and scores a platform item', async () => {
    const r = await runLocal(FIXTURE, '--promote', '--yen-per-unit', '0.09');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout.trim());
    expect(o).toMatchObject({ promoted: true, status: 'active' });
    const repo = new RiskRepo(store.db);
    expect((await repo.registry())?.active).toBe(o.modelId);
    const model = RiskModel.fromJSON(await repo.model(o.modelId));
    expect(model.metadata['trainedOn']).toBe('history-import');
    const item = {
      date: '2026-11-20', office: '1A', processType: '', importType: 'import', importUse: '', paymentType: '', transportMode: 'sea',
      declarant: 'x', importer: 'y', seller: 'z', courier: '', hs: '610910020', departure: 'CN', origin: 'CN', taxRate: 10.9,
      taxType: 'rate_wto', originIndicator: 'N', netMassKg: 100, value: 45_000,
    };
    const coffee = { ...item, hs: '090111000', departure: 'BR', origin: 'BR', taxRate: 0 };
    const [tshirt, beans] = model.score([item, coffee]);
    expect(tshirt!).toBeGreaterThan(beans!);
    expect(model.explain(item).reasons.length).toBeGreaterThan(0);
  });

  it('exits 2 with the required columns when the columns are unknown, and when the file is missing', async () => {
    const dir = mkdtempSync('/tmp/history-');
    writeFileSync(`${dir}/bad.csv`, 'id,when,what\n1,2025-01-01,x\n');
    const bad = await runLocal(`${dir}/bad.csv`);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout.trim())).toMatchObject({
      code: 'RISK.HISTORY_COLUMNS',
      details: { required: ['declaration_id', 'date', 'hs_code', 'origin', 'outcome'], unknown: ['id', 'when', 'what'] },
    });
    const missing = await runLocal(`${dir}/nope.csv`);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout.trim())).toMatchObject({ code: 'RISK.HISTORY_FILE_NOT_FOUND', details: { file: `${dir}/nope.csv` } });
    const usage = await runLocal();
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout.trim())).toMatchObject({ code: 'CLI.USAGE' });
  });
});
