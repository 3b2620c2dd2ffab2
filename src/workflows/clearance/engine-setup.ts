import type { ExchangeRatesRepo } from '../../adapters/store/exchange-rates.repo.ts';
import type { RiskRepo } from '../../adapters/store/risk.repo.ts';
import type { ReferenceCatalog } from '../../modules/reference/index.ts';
import { OnlineSelector, RiskModel, type RiskModelJson, type SelectionPolicy } from '../../modules/risk/index.ts';
import type { RiskService } from '../risk.service.ts';
import type { SearchService } from '../search.service.ts';
import type { TariffService } from '../tariff.service.ts';
import { ClearanceEngine } from './clear-consignments.ts';
import { CodeResolver } from './code-resolver.ts';

export const MODEL_SETTING = 'consignments.risk-model';

export interface EngineDeps {
  readonly catalog: ReferenceCatalog;
  readonly search: SearchService;
  readonly tariff: TariffService;
  readonly exchangeRates: ExchangeRatesRepo;
  readonly riskRepo: RiskRepo;
  readonly risk: RiskService;
  readonly log: (message: string) => void;
  /** A model to use as is (the benchmark trains its own); otherwise the stored one, else one trained and stored. */
  readonly model?: RiskModel;
}

/**
 * The consignment selection policy: the declarations' salt (secret control draws), a smaller budget — parcels are
 * many and cheap, an officer's minutes are not — and the same random control share for honest precision figures.
 */
export function consignmentPolicy(base: SelectionPolicy): SelectionPolicy {
  return { ...base, version: `consignments-${base.version}`, unit: 'declarations', budget: { red: 0.02, yellow: 0.05 }, aeoFactor: 1 };
}

/**
 * The model in force for consignments: one supplied by the caller (the benchmark trains its own on a generated
 * history), else the one stored under MODEL_SETTING. There is never a model trained on generated data in the live
 * path: until one fitted on recorded findings is stored, selection runs on the budget and the random control sample
 * and every decision says "no model".
 */
export async function consignmentModel(deps: Pick<EngineDeps, 'riskRepo' | 'log' | 'model'>): Promise<{ version: string; model: RiskModel } | null> {
  if (deps.model) return { version: String(deps.model.metadata['version'] ?? 'supplied'), model: deps.model };
  const saved = await deps.riskRepo.getSetting<{ version: string; model: RiskModelJson }>(MODEL_SETTING);
  if (saved) return { version: saved.version, model: RiskModel.fromJSON(saved.model) };
  deps.log('consignments: no risk model stored; selection runs on the budget and the random control sample ("no model")');
  return null;
}

export async function createClearanceEngine(deps: EngineDeps): Promise<ClearanceEngine> {
  const search = async (q: string): Promise<string | undefined> => (await deps.search.search(q, { lang: 'en', limit: 1 }))[0]?.code9;
  return new ClearanceEngine({
    // A consignment's decision shows the applied rate only: the rates a claim or a quota would give are not priced.
    quote: (body) => deps.tariff.quoteApplied(body),
    rateFor: (currency, date) => deps.exchangeRates.rateFor(currency, date)?.rate,
    codes: new CodeResolver(
      deps.catalog.tariffRows().map((r) => r.code9),
      search,
    ),
    model: await consignmentModel(deps),
    // Thresholds re-derived every 1,000 decisions: at thousands per second, every 100 spent a tenth of the time sorting.
    selector: new OnlineSelector(consignmentPolicy(deps.risk.currentPolicy()), [], { recalibrateEvery: 1000 }),
  });
}
