import { onPostgres } from '../../../test/support/store-suites.ts';
import { storeContract } from './store.contract.ts';

onPostgres(storeContract);
