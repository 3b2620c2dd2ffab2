/**
 * Tariff: Japan's applied tariff schedule as rates the engine computes — the rate-string parser, the applicable-rate
 * resolution (temporary / WTO / GSP / EPA by the law's order), and the duty and import consumption-tax assessment
 * with Japanese truncation, small-value exemption, personal-use valuation and simplified small-import rates.
 * Pure: the schedule rows, agreement lists and exchange rates come in as values or ports.
 */
export { parseCell } from './rate-parser.ts';
export { describeRate } from './rate-describe.ts';
export type { Rate, ParsedCell, Branch, Condition, Marker, RateUnit } from './rate-types.ts';
export { evaluateRate, type EvalInput, type EvalResult, type Need } from './rate-eval.ts';
export { buildTariffIndex, type TariffIndex, type TariffLine } from './tariff-index.ts';
export { resolveRates, type Candidate, type Resolution } from './rate-resolution.ts';
export { assess, type AssessOptions } from './assess.ts';
export { coverage, type CoverageReport } from './coverage.ts';
export { AssessmentErrors, assessmentError, wordedAs } from './errors.ts';
export * from './schema.ts';
export { exchangeRateTable, type ExchangeRateSource, type ExchangeRateQuote, type ExchangeRateRow } from './exchange-rates.ts';
export { DEFAULT_RULES, type AssessmentRules } from './rules.ts';
export { loadJpRules } from './jp-rules-loader.ts';
export { loadTariffEngine } from './tariff-loader.ts';
export { parseAgreements, parseGsp, type JpRules, type Agreement, type GspLists } from './jp-rules.ts';
export { epaOptions, gspStatus } from './eligibility.ts';
