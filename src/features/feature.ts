import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../adapters/bus/port.ts';
import type { Store } from '../adapters/store/connect.ts';
import type { ExchangeRatesRepo } from '../adapters/store/exchange-rates.repo.ts';
import type { IdempotencyRepo } from '../adapters/store/idempotency.repo.ts';
import type { PartiesRepo } from '../adapters/store/parties.repo.ts';
import type { PrincipalsRepo } from '../adapters/store/principals.repo.ts';
import type { RiskRepo } from '../adapters/store/risk.repo.ts';
import type { Config } from '../config.ts';
import type { ReferenceCatalog } from '../modules/reference/index.ts';
import type { DeclarationService } from '../workflows/declarations.service.ts';
import type { RiskService } from '../workflows/risk.service.ts';
import type { SearchService } from '../workflows/search.service.ts';
import type { TariffService } from '../workflows/tariff.service.ts';

/** What a feature (consignments, passengers, …) gets from the composition root. */
export interface FeatureEnv {
  readonly config: Config;
  readonly store: Store;
  readonly bus: EventBus;
  readonly catalog: ReferenceCatalog;
  readonly principals: PrincipalsRepo;
  readonly parties: PartiesRepo;
  readonly idempotency: IdempotencyRepo;
  readonly exchangeRates: ExchangeRatesRepo;
  readonly tariff: TariffService;
  readonly search: SearchService;
  readonly risk: RiskService;
  readonly riskRepo: RiskRepo;
  readonly declarations: DeclarationService;
  readonly log: (message: string) => void;
  /** Wakes the outbox relay after a transaction wrote outbox rows (it also polls, every 500 ms). */
  readonly outboxWritten: () => void;
}

/** A feature plugs routes into the API and may run background work (consumers, jobs) between start and close. */
export interface Feature {
  readonly name: string;
  readonly plugin?: (app: FastifyInstance) => Promise<void>;
  readonly start?: () => Promise<void>;
  readonly close?: () => Promise<void>;
}

export type FeatureFactory = (env: FeatureEnv) => Promise<Feature>;
