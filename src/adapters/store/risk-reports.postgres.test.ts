import { onPostgres } from '../../../test/support/store-suites.ts';
import { riskReportsContract } from './risk-reports.contract.ts';

onPostgres(riskReportsContract);
