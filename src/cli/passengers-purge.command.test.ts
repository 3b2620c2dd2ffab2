import { describe, expect, it } from 'vitest';
import { cliHarness } from '../../test/support/cli.ts';
import { openStore } from '../adapters/store/connect.ts';
import { PassengersRepo } from '../adapters/store/passengers.repo.ts';
import { parseArgs } from './args.ts';
import { run } from './passengers-purge.command.ts';

const cli = cliHarness('pax-purge-');

describe('customs passengers purge', () => {
  it('deletes expired passenger rows of the embedded database and prints the counts', async () => {
    const store = await openStore({ dbDir: cli.dbDir, role: 'cli' });
    const repo = new PassengersRepo(store.db);
    const base = { data: {}, assessment: {}, digest: 'd', flight: 'NH12', arrivalDate: '2026-01-01' };
    await repo.addDeclaration({ ...base, id: 'pdec_old', expiresAt: new Date(Date.now() - 1000) });
    await repo.addDeclaration({ ...base, id: 'pdec_new', expiresAt: new Date(Date.now() + 86_400_000) });
    await store.close();

    expect(await run(parseArgs([]))).toBe(0);
    expect(JSON.parse(cli.out.join(''))).toEqual({ declarations: 1, arrivals: 0, gateUses: 0 });

    const again = await openStore({ dbDir: cli.dbDir, role: 'cli' });
    expect(await new PassengersRepo(again.db).declaration('pdec_new')).toBeDefined();
    await again.close();
  });
});
