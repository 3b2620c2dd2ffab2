import type { ApiProblem } from '../../api/client.ts';
import type { FieldLabel } from '../../components/use-form.ts';
import { currency, date, decimal, required, type Check, type Values } from '../../components/validators.ts';

/** The currencies most declared in Japan, offered first; other rows take any ISO 4217 code. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'CNY', 'GBP', 'KRW', 'AUD', 'THB', 'HKD', 'TWD', 'SGD'] as const;
export const RATE_ROWS = COMMON_CURRENCIES.length + 2;
export const OFFICIAL_SOURCE = '税関長公示レート';

/** Customs rates apply for a week from Sunday to Saturday; the week of `day` (yyyy-mm-dd, UTC calendar). */
export function weekOf(day: string): { from: string; to: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const from = new Date(d.getTime() - d.getUTCDay() * 86_400_000);
  const to = new Date(from.getTime() + 6 * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export function blankRates(today: string): Record<string, string> {
  const w = weekOf(today);
  const v: Record<string, string> = { validFrom: w.from, validTo: w.to, source: OFFICIAL_SOURCE };
  COMMON_CURRENCIES.forEach((c, i) => (v[`rates.${i}.currency`] = c));
  return v;
}

const rowUsed = (v: Values, i: number): boolean => (v[`rates.${i}.rate`] ?? '').trim() !== '';
const positive: Check = (v) => decimal(v, {}) ?? (/^0+(\.0+)?$/.test(v.trim()) ? 'v.decimal' : null);
const laterThanFrom: Check = (v, all) => date(v, all) ?? (v.trim() < (all['validFrom'] ?? '').trim() ? 'rates.v.order' : null);
const oneRate: Check = (_v, all) => (Array.from({ length: RATE_ROWS }, (_, i) => i).some((i) => rowUsed(all, i)) ? null : 'rates.v.none');

/** Rows with a rate are checked (a currency and a positive rate); empty rows are left out. */
export function ratesRules(values: Values): Record<string, Check> {
  const rules: Record<string, Check> = { validFrom: date, validTo: laterThanFrom, source: required, 'rates.0.rate': oneRate };
  for (let i = 0; i < RATE_ROWS; i++) {
    if (!rowUsed(values, i)) continue;
    rules[`rates.${i}.currency`] = currency;
    rules[`rates.${i}.rate`] = positive;
  }
  return rules;
}

export function ratesLabels(): Record<string, FieldLabel> {
  const labels: Record<string, FieldLabel> = { validFrom: 'rates.validFrom', validTo: 'rates.validTo', source: 'rates.source', rates: 'rates.title' };
  for (let i = 0; i < RATE_ROWS; i++) {
    labels[`rates.${i}.currency`] = (t) => t('rates.currencyN', { n: i + 1 });
    labels[`rates.${i}.rate`] = (t) => t('rates.rateN', { n: i + 1 });
  }
  return labels;
}

/** The API body (`POST /api/v1/exchange-rates`) and, for each rate sent, the form row it came from. */
export function ratesRequest(v: Values): { body: { rates: { currency: string; validFrom: string; validTo: string; rate: string; source: string }[] }; rowOf: number[] } {
  const s = (k: string) => (v[k] ?? '').trim();
  const rates = [];
  const rowOf: number[] = [];
  for (let i = 0; i < RATE_ROWS; i++) {
    if (!rowUsed(v, i)) continue;
    rates.push({ currency: s(`rates.${i}.currency`).toUpperCase(), validFrom: s('validFrom'), validTo: s('validTo'), rate: s(`rates.${i}.rate`), source: s('source') });
    rowOf.push(i);
  }
  return { body: { rates }, rowOf };
}

/** The server names the i-th rate sent; the form shows it on the row it came from (dates and source once). */
export function placeRateProblems<P extends ApiProblem>(problems: readonly P[], rowOf: readonly number[]): P[] {
  return problems.map((p) => {
    const m = /^\$\.rates\[(\d+)\]\.(\w+)$/.exec(p.path);
    if (!m) return p;
    const field = m[2] ?? '';
    if (field === 'validFrom' || field === 'validTo' || field === 'source') return { ...p, path: `$.${field}` };
    return { ...p, path: `$.rates[${rowOf[Number(m[1])] ?? Number(m[1])}].${field}` };
  });
}
