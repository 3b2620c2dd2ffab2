import { openStore } from './connect.ts';
import { consignmentsContract } from './consignments.contract.ts';

consignmentsContract('PGlite (embedded)', () => openStore({ dbDir: 'memory://' }));
