import { onPglite, onPostgres } from '../../../test/support/store-suites.ts';
import { passengersContract } from './passengers.contract.ts';

onPglite(passengersContract);
onPostgres(passengersContract);
