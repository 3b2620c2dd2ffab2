import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_DATA_DIR } from '../../test/support/platform.ts';
import { openStore } from '../adapters/store/connect.ts';
import { PassengersRepo } from '../adapters/store/passengers.repo.ts';
import { parseArgs } from './args.ts';
import { run } from './passengers-purge.command.ts';

let out: string[];
let dbDir: string;
beforeEach(() => {
  out = [];
  dbDir = join(mkdtempSync(join(tmpdir(), 'pax-purge-')), 'db');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.stubEnv('SMART_CUSTOMS_DATA_DIR', FIXTURE_DATA_DIR);
  vi.stubEnv('SMART_CUSTOMS_DB_DIR', dbDir);
  vi.stubEnv('DATABASE_URL', '');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('customs passengers purge', () => {
  it('deletes expired passenger rows of the embedded database and prints the counts', async () => {
    const store = await openStore({ dbDir, role: 'cli' });
    const repo = new PassengersRepo(store.db);
    const base = { data: {}, assessment: {}, digest: 'd', flight: 'NH12', arrivalDate: '2026-01-01' };
    await repo.addDeclaration({ ...base, id: 'pdec_old', expiresAt: new Date(Date.now() - 1000) });
    await repo.addDeclaration({ ...base, id: 'pdec_new', expiresAt: new Date(Date.now() + 86_400_000) });
    await store.close();

    expect(await run(parseArgs([]))).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ declarations: 1, arrivals: 0, gateUses: 0 });

    const again = await openStore({ dbDir, role: 'cli' });
    expect(await new PassengersRepo(again.db).declaration('pdec_new')).toBeDefined();
    await again.close();
  });
});
