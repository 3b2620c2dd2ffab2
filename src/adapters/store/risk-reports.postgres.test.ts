import { describe } from 'vitest';
import { TEST_DATABASE_URL, createTempDatabase } from '../../../test/support/pg.ts';
import { openStore } from './connect.ts';
import { riskReportsContract } from './risk-reports.contract.ts';

// Runs when TEST_DATABASE_URL points at a PostgreSQL server (.ci/run sets it); skipped otherwise.
describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL', () => {
  let drop = async (): Promise<void> => {};
  riskReportsContract(
    'PostgreSQL',
    async () => {
      const tmp = await createTempDatabase(TEST_DATABASE_URL!);
      drop = tmp.drop;
      return openStore({ databaseUrl: tmp.url, poolSize: 4 });
    },
    () => drop(),
  );
});
