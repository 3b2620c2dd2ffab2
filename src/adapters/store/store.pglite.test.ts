import { openStore } from './connect.ts';
import { storeContract } from './store.contract.ts';

storeContract('PGlite (embedded)', () => openStore({ dbDir: 'memory://' }));
