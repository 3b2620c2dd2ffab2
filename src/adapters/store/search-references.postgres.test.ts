import { onPostgres } from '../../../test/support/store-suites.ts';
import { searchReferencesContract } from './search-references.contract.ts';

onPostgres(searchReferencesContract);
