import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createBus } from './adapters/bus/index.ts';
import type { EventBus } from './adapters/bus/port.ts';
import { openStore, type Store } from './adapters/store/connect.ts';
import { DeclarationsRepo } from './adapters/store/declarations.repo.ts';
import { ExchangeRatesRepo } from './adapters/store/exchange-rates.repo.ts';
import { IdempotencyRepo } from './adapters/store/idempotency.repo.ts';
import { OutboxRelay } from './adapters/store/outbox.relay.ts';
import { PartiesRepo } from './adapters/store/parties.repo.ts';
import { PrincipalsRepo } from './adapters/store/principals.repo.ts';
import { isReferenceLoaded, loadCatalog, loadReferenceData, type LoadProgress } from './adapters/store/reference.repo.ts';
import { buildApp } from './api/app.ts';
import { defaultWebDistDir, webPlugin } from './api/web.plugin.ts';
import type { ApiContext } from './api/context.ts';
import type { Config } from './config.ts';
import { readAgreementIds, readOtherLaws, swappableCatalog } from './modules/reference/index.ts';
import { RiskRepo } from './adapters/store/risk.repo.ts';
import { FEATURES, type Feature } from './features/index.ts';
import { DeclarationService } from './workflows/declarations.service.ts';
import { RiskService } from './workflows/risk.service.ts';
import { SearchService } from './workflows/search.service.ts';
import { TariffService } from './workflows/tariff.service.ts';

export interface Platform {
  readonly app: FastifyInstance;
  readonly tariff: TariffService;
  readonly search: SearchService;
  readonly risk: RiskService;
  readonly ctx: ApiContext;
  readonly store: Store;
  readonly bus: EventBus;
  close(): Promise<void>;
}

export interface PlatformOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /** Load reference data when missing (npm start does; tests may pre-load). */
  readonly loadReference?: boolean;
  readonly onLoadProgress?: LoadProgress;
  readonly role?: 'server' | 'cli';
  readonly store?: Store;
  /** Build the search index at start rather than on the first search (the server does). */
  readonly eagerSearch?: boolean;
  /** Where the built web app is (default web/dist of this checkout). */
  readonly webDistDir?: string;
}

/** How often a process sharing PostgreSQL re-reads the exchange-rate table (a new week's rates reach it within this). */
const RATES_REFRESH_MS = 30_000;

/** The composition root: the only place that wires adapters to modules. */
export async function createPlatform(config: Config, opts: PlatformOptions = {}): Promise<Platform> {
  const store = opts.store ?? (await openStore({ databaseUrl: config.databaseUrl, dbDir: config.dbDir, role: opts.role ?? 'server' }));
  const bus = await createBus({ natsUrl: config.natsUrl });
  let stopRates = (): void => {};
  try {
    if (opts.loadReference !== false && !(await isReferenceLoaded(store.db))) {
      await loadReferenceData(store.db, config.dataDir, opts.onLoadProgress);
    }
    const swappable = swappableCatalog(await loadCatalog(store.db));
    const catalog = swappable.catalog;
    const otherLaws = readOtherLaws(config.dataDir);
    const agreements = readAgreementIds(config.dataDir);
    const principals = new PrincipalsRepo(store.db);
    if (config.adminKey) await principals.seedAdmin(config.adminKey);
    const parties = new PartiesRepo(store.db);
    await parties.load();
    const exchangeRates = new ExchangeRatesRepo(store.db);
    await exchangeRates.load();
    // PostgreSQL is shared by API nodes and workers: rates loaded through one must reach all (embedded: one process).
    stopRates = config.databaseUrl
      ? exchangeRates.refreshEvery(RATES_REFRESH_MS, (e) => process.stderr.write(`exchange rates: refresh failed, will retry: ${String(e)}\n`))
      : () => {};
    const relay = new OutboxRelay(store.db, bus, (e) => process.stderr.write(`outbox relay: ${String(e)}\n`));
    const otherLaw = (code: string) => {
      const o = otherLaws.get(code);
      return o ? { code, law: o.law, documents: o.documents, ministry: o.ministry } : undefined;
    };
    const tariff = new TariffService(catalog, config.dataDir, exchangeRates);
    const search = new SearchService(catalog, opts.eagerSearch ?? false, config.dataDir);
    const riskRepo = new RiskRepo(store.db);
    const risk = new RiskService(riskRepo, (id) => (parties.get(id)?.aeoStatus ?? 'none') !== 'none');
    const declarationsRepo = new DeclarationsRepo(store.db);
    await risk.init(await declarationsRepo.recentDecisions(5000));
    const declarations = new DeclarationService({
      repo: declarationsRepo,
      validation: () => ({ catalog, party: (id) => parties.get(id), isAgreement: (id) => agreements.has(id), otherLaw }),
      assessment: tariff,
      risk,
      onChange: () => relay.poke(),
      declarableParties: (principalId) => principals.declarableParties(principalId),
    });
    const log = (m: string) => process.stderr.write(`${m}\n`);
    const features: Feature[] = [];
    for (const make of FEATURES) {
      features.push(
        await make({ config, store, bus, catalog, principals, parties, idempotency: new IdempotencyRepo(store.db), exchangeRates, tariff, search, risk, riskRepo, declarations, log, outboxWritten: () => relay.poke() }),
      );
    }
    const ctx: ApiContext = {
      config,
      store,
      bus,
      catalog,
      otherLaw,
      principals,
      parties,
      idempotency: new IdempotencyRepo(store.db),
      exchangeRates,
      declarations,
      // The web app last, so its fallback never shadows an API route.
      plugins: [...features.flatMap((f) => (f.plugin ? [f.plugin] : [])), webPlugin(opts.webDistDir ?? defaultWebDistDir())],
      reloadReference: async (force) => {
        const datasets = await loadReferenceData(store.db, config.dataDir, undefined, force);
        swappable.swap(await loadCatalog(store.db));
        tariff.rebuild();
        search.rebuild();
        return datasets;
      },
    };
    const app = await buildApp(ctx, { logger: opts.logger ?? false });
    relay.start();
    for (const f of features) await f.start?.();
    // Declarations left half-processed by a crash resume where they stopped (each step is idempotent by status).
    void declarations.resumePending().catch((e: unknown) => log(`resume: ${String(e)}`));
    return {
      app,
      tariff,
      search,
      risk,
      ctx,
      store,
      bus,
      close: async () => {
        stopRates();
        await app.close();
        for (const f of [...features].reverse()) await f.close?.();
        await relay.stop();
        await bus.close();
        await store.close();
      },
    };
  } catch (e) {
    stopRates();
    await bus.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw e;
  }
}
