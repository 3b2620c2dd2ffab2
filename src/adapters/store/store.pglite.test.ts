import { onPglite } from '../../../test/support/store-suites.ts';
import { storeContract } from './store.contract.ts';

onPglite(storeContract);
