import { describe } from 'vitest';
import { openStore, type Store } from '../../src/adapters/store/connect.ts';
import { TEST_DATABASE_URL, createTempDatabase } from './pg.ts';

/** A storage contract: one suite of tests, given a way to open a fresh store and to clean up after it. */
export type StoreContract = (name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>) => void;

/** Runs the contract on an in-memory PGlite. */
export function onPglite(contract: StoreContract): void {
  contract('PGlite (embedded)', () => openStore({ dbDir: 'memory://' }));
}

/** Runs the contract on a throw-away database of TEST_DATABASE_URL's server (.ci/run sets it); skipped otherwise. */
export function onPostgres(contract: StoreContract): void {
  describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL', () => {
    let drop = async (): Promise<void> => {};
    contract(
      'PostgreSQL',
      async () => {
        const tmp = await createTempDatabase(TEST_DATABASE_URL!);
        drop = tmp.drop;
        return openStore({ databaseUrl: tmp.url, poolSize: 4 });
      },
      () => drop(),
    );
  });
}
