import { openStore } from './connect.ts';
import { riskReportsContract } from './risk-reports.contract.ts';

riskReportsContract('PGlite (embedded)', () => openStore({ dbDir: 'memory://' }));
