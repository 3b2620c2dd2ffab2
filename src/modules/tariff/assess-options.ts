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
  /**
   * Price the rates the goods could use besides the applied one (default true). False evaluates only the rates that
   * can apply as declared — same applied rate, same amounts, no `alternatives`: for callers that never show them
   * (manifest clearance of low-value consignments, where they were half the assessment's work).
   */
  readonly alternatives?: boolean;
}
