import { describe, expect, it } from 'vitest';
import { cliHarness } from '../../test/support/cli.ts';
import { openStore } from '../adapters/store/connect.ts';
import { PartiesRepo } from '../adapters/store/parties.repo.ts';
import { PrincipalsRepo } from '../adapters/store/principals.repo.ts';
import { parseArgs } from './args.ts';
import { run } from './principals-authorise.command.ts';

const cli = cliHarness('principals-authorise-');

describe('customs principals authorise', () => {
  it('records and withdraws a party authorisation of a principal in the embedded database', async () => {
    const store = await openStore({ dbDir: cli.dbDir, role: 'cli' });
    await new PartiesRepo(store.db).upsert({ id: 'kissa', name: 'Kissa Trading KK', corporateNumber: null, country: 'JP', aeoStatus: 'importer' });
    const { principal } = await new PrincipalsRepo(store.db).create({ role: 'trader', name: 'Yamato Brokers' });
    await store.close();

    expect(await run(parseArgs(['--principal', principal.id, '--party', 'kissa'], ['revoke']))).toBe(0);
    expect(JSON.parse(cli.out.join('')).items).toEqual([expect.objectContaining({ principalId: principal.id, partyId: 'kissa', grantedBy: 'cli' })]);
    await expect(run(parseArgs(['--principal', principal.id, '--party', 'nobody'], ['revoke']))).rejects.toThrow('No party "nobody"');

    cli.out.length = 0;
    expect(await run(parseArgs(['--principal', principal.id, '--party', 'kissa', '--revoke'], ['revoke']))).toBe(0);
    expect(JSON.parse(cli.out.join('')).items).toEqual([]);
    // Each run opens the embedded database afresh (migrations included): slow on a busy machine.
  }, 180_000);
});
