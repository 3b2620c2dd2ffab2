import type { FastifyInstance } from 'fastify';
import type { Store } from '../adapters/store/connect.ts';
import type { ExchangeRatesRepo } from '../adapters/store/exchange-rates.repo.ts';
import type { IdempotencyRepo } from '../adapters/store/idempotency.repo.ts';
import type { PartiesRepo } from '../adapters/store/parties.repo.ts';
import type { PrincipalsRepo } from '../adapters/store/principals.repo.ts';
import type { Config } from '../config.ts';
import type { OtherLaw } from '../modules/declarations/index.ts';
import type { ReferenceCatalog } from '../modules/reference/index.ts';
import type { DeclarationService } from '../workflows/declarations.service.ts';

/** Everything the HTTP layer needs, built by the composition root (src/platform.ts). */
export interface ApiContext {
  readonly config: Config;
  readonly store: Store;
  readonly bus: { health(): Promise<boolean> };
  readonly catalog: ReferenceCatalog;
  readonly otherLaw: (code: string) => OtherLaw | undefined;
  readonly principals: PrincipalsRepo;
  readonly parties: PartiesRepo;
  readonly idempotency: IdempotencyRepo;
  readonly exchangeRates: ExchangeRatesRepo;
  readonly declarations: DeclarationService;
  /** Loads changed reference files into the database and swaps the in-memory catalog. */
  readonly reloadReference: (force: boolean) => Promise<{ name: string; rows: number; skipped: boolean }[]>;
  /** Feature plugins added by later modules (assessment, search, risk, consignments, passengers, web app). */
  readonly plugins?: readonly ((app: FastifyInstance) => Promise<void>)[];
}
