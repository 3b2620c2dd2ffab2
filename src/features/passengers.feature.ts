import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { PassengersRepo } from '../adapters/store/passengers.repo.ts';
import { ArrivalsService } from '../workflows/passengers/arrivals.service.ts';
import { PassengerDeclarationsService } from '../workflows/passengers/declarations.service.ts';
import { GateKeyring, PASS_EXPIRIES_SETTING, SIGNING_KEYS_SETTING, type StoredGateKeys } from '../workflows/passengers/gate-keys.ts';
import { GateService } from '../workflows/passengers/gate.service.ts';
import { identifierKeyer, passengerOptionsFromEnv } from '../workflows/passengers/passenger-options.ts';
import { purgePassengerData, startRetentionJob } from '../workflows/passengers/retention.job.ts';
import { WatchRulesService } from '../workflows/passengers/watch-rules.service.ts';
import type { FeatureFactory } from './feature.ts';
import { arrivalRoutes } from './passengers/arrivals.routes.ts';
import { declarationRoutes } from './passengers/declarations.routes.ts';
import { gateRoutes } from './passengers/gate.routes.ts';

/**
 * Travellers on the platform (issue 6): declarations with a signed gate pass, gate verification with a shared replay
 * guard, advance passenger information screened on keyed watch rules, and the retention job. Keys and the HMAC
 * secret are made on first start and kept in settings unless configured.
 */
export const passengersFeature: FeatureFactory = async (env) => {
  const options = passengerOptionsFromEnv(process.env);
  const repo = new PassengersRepo(env.store.db);
  const now = (): Date => new Date();
  const keyer = await identifierKeyer(env.config.hmacSecret, (name, value) => repo.settingOnce(name, value));
  const keyring = await GateKeyring.open({
    once: (v) => repo.settingOnce(SIGNING_KEYS_SETTING, v),
    get: () => env.riskRepo.getSetting<StoredGateKeys>(SIGNING_KEYS_SETTING),
    put: (v) => env.riskRepo.putSetting(SIGNING_KEYS_SETTING, v),
  }, now, {
    get: () => env.riskRepo.getSetting<Record<string, string>>(PASS_EXPIRIES_SETTING),
    put: (v) => env.riskRepo.putSetting(PASS_EXPIRIES_SETTING, v),
  });
  const declarations = new PassengerDeclarationsService({ repo, rates: env.exchangeRates, keyer, keyring, retentionDays: options.retentionDays, now });
  const gate = new GateService(repo, keyring, keyer);
  const arrivals = new ArrivalsService(repo, keyer, options.retentionDays, now);
  const watchRules = new WatchRulesService(repo, keyer);
  const purge = () => purgePassengerData(repo, now(), options.retentionDays);
  let stop: (() => Promise<void>) | undefined;

  return {
    name: 'passengers',
    plugin: async (app: FastifyInstance) => {
      // In this plugin's scope only, and only on the routes that set config.rateLimit (the public ones).
      await app.register(rateLimit, { global: false });
      declarationRoutes(app, { service: declarations, idempotency: env.idempotency, rateLimitPerMinute: options.rateLimitPerMinute });
      gateRoutes(app, { gate, keyring, rateLimitPerMinute: options.rateLimitPerMinute });
      arrivalRoutes(app, { arrivals, watchRules, purge });
    },
    start: async () => {
      stop = startRetentionJob(purge, options.purgeEveryMs, env.log);
    },
    close: async () => {
      await stop?.();
    },
  };
};
