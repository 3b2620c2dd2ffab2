import { onPostgres } from '../../../test/support/store-suites.ts';
import { documentsContract } from './documents.contract.ts';

onPostgres(documentsContract);
