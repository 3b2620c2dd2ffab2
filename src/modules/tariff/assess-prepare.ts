import { err, msg, ok, type Problem, type Result } from '../../kernel/index.ts';
import { RATE_COLUMNS, TARIFF_SCHEDULE_VERSION } from '../reference/index.ts';
import type { AssessOptions } from './assess-options.ts';
import { needsFreight } from './customs-value.ts';
import { parsedDecimal, type ParsedDecimal } from './decimal-cache.ts';
import { agreementCovers, type EpaOption } from './eligibility.ts';
import { AssessmentErrors } from './errors.ts';
import { checkShape } from './request-shape.ts';
import type { AssessmentRequest } from './schema.ts';
import type { TariffLine } from './tariff-index.ts';

export interface Prepared {
  readonly req: AssessmentRequest;
  readonly date: string;
  readonly lines: TariffLine[];
  readonly claims: (EpaOption | undefined)[];
  readonly rates: Map<string, { rate: ParsedDecimal; source: string }>;
}

/** Shape check, date, exchange rates, schedule lines and preference claims: every problem of the request at once. */
export function prepare(body: unknown, options: AssessOptions): Result<Prepared, Problem[]> {
  const shape = checkShape(body);
  if (!shape.ok) return err(shape.problems);
  const req = shape.value;
  const problems: Problem[] = [];
  const date = req.date ?? options.today ?? new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(date)) problems.push(AssessmentErrors.field.problem('$.date', msg('ASSESSMENT.INVALID_FIELD.date', { date })));

  const rates = new Map<string, { rate: ParsedDecimal; source: string }>([['JPY', { rate: parsedDecimal('1'), source: 'JPY' }]]);
  const needRate = (currency: string, path: string): void => {
    if (rates.has(currency)) return;
    const own = req.exchangeRates?.[currency];
    if (own !== undefined) {
      const rate = parsedDecimal(own);
      if (!rate.decimal.isZero()) {
        rates.set(currency, { rate, source: 'request' });
        return;
      }
    }
    const quote = options.exchangeRates?.rateFor(currency, date);
    if (quote) {
      rates.set(currency, { rate: parsedDecimal(quote.rate), source: `${quote.source} (${quote.validFrom}–${quote.validTo})` });
      return;
    }
    problems.push(AssessmentErrors.noExchangeRate.problem(path, msg('ASSESSMENT.NO_EXCHANGE_RATE.currency', { currency, date })));
    rates.set(currency, { rate: parsedDecimal('0'), source: 'missing' });
  };
  req.items.forEach((it, i) => needRate(it.value.currency, `$.items[${i}].value.currency`));
  if (req.freight) needRate(req.freight.currency, '$.freight.currency');
  if (req.insurance) needRate(req.insurance.currency, '$.insurance.currency');
  const incoterm = req.incoterm ?? 'CIF';
  if (needsFreight(incoterm) && !req.freight) {
    problems.push(AssessmentErrors.field.problem('$.freight', msg('ASSESSMENT.INVALID_FIELD.freight', { incoterm })));
  }

  const lines: TariffLine[] = [];
  const claims: (EpaOption | undefined)[] = [];
  req.items.forEach((it, i) => {
    const line = options.index.lookup(it.code9, date);
    if (line) lines.push(line);
    else problems.push(AssessmentErrors.unknownCode.problem(`$.items[${i}].code9`, msg('ASSESSMENT.UNKNOWN_CODE.line', { code9: it.code9, version: TARIFF_SCHEDULE_VERSION })));
    for (const col of Object.keys(it.rateBranch ?? {})) {
      if (!(RATE_COLUMNS as readonly string[]).includes(col)) {
        problems.push(AssessmentErrors.field.problem(`$.items[${i}].rateBranch.${col}`, msg('ASSESSMENT.INVALID_FIELD.rateBranch')));
      }
    }
    claims.push(undefined);
    if (it.preference === undefined) return;
    const agreement = options.jpRules?.agreements.find((a) => a.id === it.preference);
    const claim = agreement ? agreementCovers(agreement, it.originCountry, date) : undefined;
    if (!claim) {
      problems.push(
        AssessmentErrors.preferenceNotApplicable.problem(
          `$.items[${i}].preference`,
          agreement
            ? msg('ASSESSMENT.PREFERENCE_NOT_APPLICABLE.origin', { agreement: it.preference, country: it.originCountry, date })
            : msg('ASSESSMENT.PREFERENCE_NOT_APPLICABLE.unknown', { agreement: it.preference }),
        ),
      );
    }
    claims[i] = claim;
  });
  if (problems.length > 0) return err(problems);
  return ok({ req, date, lines, claims, rates });
}

/** Date.parse per request was a visible cost; the dates of a day's requests are few. */
function isCalendarDate(date: string): boolean {
  let valid = validDates.get(date);
  if (valid === undefined) {
    valid = !Number.isNaN(Date.parse(date));
    if (validDates.size >= 1_000) validDates.clear();
    validDates.set(date, valid);
  }
  return valid;
}
const validDates = new Map<string, boolean>();
