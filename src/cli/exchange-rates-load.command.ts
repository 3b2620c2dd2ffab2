import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { ExchangeRatesRepo, type ExchangeRate } from '../adapters/store/exchange-rates.repo.ts';
import { CommonErrors, isDecimalString } from '../kernel/index.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { CliUsageError, type Args } from './args.ts';
import { callApi, databaseTarget } from './database.ts';
import { log, printJson } from './io.ts';

/** Reads `{rates:[…]}` JSON or a CSV with columns currency,validFrom,validTo,rate,source. */
export function readRatesFile(path: string): ExchangeRate[] {
  const text = readFileSync(path, 'utf8');
  const rows: ExchangeRate[] = path.endsWith('.csv')
    ? (parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as ExchangeRate[])
    : ((JSON.parse(text) as { rates?: ExchangeRate[] }).rates ?? []);
  const problems = rows.flatMap((r, i) => {
    const p: { path: string; code: string; message: string }[] = [];
    if (!/^[A-Z]{3}$/.test(r.currency ?? '')) p.push({ path: `$.rates[${i}].currency`, code: CommonErrors.invalidValue.code, message: 'ISO 4217 code expected' });
    if (!isDecimalString(r.rate)) p.push({ path: `$.rates[${i}].rate`, code: CommonErrors.invalidValue.code, message: 'yen per unit as a decimal string' });
    for (const k of ['validFrom', 'validTo'] as const) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r[k] ?? '')) p.push({ path: `$.rates[${i}].${k}`, code: CommonErrors.invalidValue.code, message: 'yyyy-mm-dd expected' });
    }
    if (!r.source) p.push({ path: `$.rates[${i}].source`, code: CommonErrors.missingField.code, message: 'the source of the rate is required' });
    return p;
  });
  if (rows.length === 0) throw CommonErrors.validation('The file has no rates');
  if (problems.length) throw CommonErrors.validation(`${problems.length} problem(s) in ${path}`, { problems });
  return rows.map((r) => ({ currency: r.currency, validFrom: r.validFrom, validTo: r.validTo, rate: r.rate, source: r.source }));
}

/** `customs exchange-rates load FILE [--json]`: the weekly customs exchange rates, with source and validity. */
export async function run(args: Args): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliUsageError('usage: customs exchange-rates load FILE (.json with {rates:[…]} or .csv)');
  const rates = readRatesFile(file);
  const config = loadConfig();
  const target = await databaseTarget(config);
  if (target.kind === 'remote') await callApi(target, 'POST', '/api/v1/exchange-rates', { rates });
  else {
    try {
      await new ExchangeRatesRepo(target.store.db).upsert(rates);
    } finally {
      await target.store.close();
    }
  }
  if (args.flags['json']) printJson({ loaded: rates.length });
  else log(`Loaded ${rates.length} exchange rate(s)`);
  return 0;
}
