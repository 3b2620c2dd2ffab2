import { onPostgres } from '../../../test/support/store-suites.ts';
import { consignmentsContract } from './consignments.contract.ts';

onPostgres(consignmentsContract);
