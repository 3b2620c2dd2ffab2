import { openStore } from './connect.ts';
import { searchReferencesContract } from './search-references.contract.ts';

searchReferencesContract('PGlite (embedded)', () => openStore({ dbDir: 'memory://' }));
