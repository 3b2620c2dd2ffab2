import { onPglite } from '../../../test/support/store-suites.ts';
import { documentsContract } from './documents.contract.ts';

onPglite(documentsContract);
