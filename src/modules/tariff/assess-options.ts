import type { ExchangeRateSource } from './exchange-rates.ts';
import type { JpRules } from './jp-rules.ts';
import type { AssessmentRules } from './rules.ts';
import type { TariffIndex } from './tariff-index.ts';

/** What `assess` needs besides the request: the index built once, the lists, the rate port and the rules. */
export interface AssessOptions {
  readonly index: TariffIndex;
  /** Agreements and GSP lists (loadJpRules); without them no preference can be claimed. */
  readonly jpRules?: JpRules;
  readonly exchangeRates?: ExchangeRateSource;
  readonly rules?: Partial<AssessmentRules>;
  /** ISO date used when the request has none. */
  readonly today?: string;
}
