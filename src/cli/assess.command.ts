import { readFileSync } from 'node:fs';
import { dataDirFromEnv } from '../config.ts';
import { CommonErrors } from '../kernel/index.ts';
import { assess, assessmentError, exchangeRateTable, loadTariffEngine, type ExchangeRateRow } from '../modules/tariff/index.ts';
import { stringFlag, type Args } from './args.ts';
import { log, printJson, readStdin, reportError } from './io.ts';

/**
 * `customs assess [--rates FILE] < request.json`: the assessment contract of `POST /api/v1/assessments` on stdin,
 * the response JSON alone on stdout. `--rates` names a JSON array of customs exchange rates
 * `[{currency, rate, source, validFrom, validTo}]` used where the request passes none. Exit 2 on invalid input.
 */
export async function run(args: Args): Promise<number> {
  return assessText(await readStdin(), args);
}

/** The command on a request text already read (tests call this). */
export function assessText(text: string, args: Args): number {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return reportError(CommonErrors.malformed(`stdin is not valid JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
  const dir = dataDirFromEnv();
  const ratesFile = stringFlag(args, 'rates');
  const exchangeRates = ratesFile ? exchangeRateTable(JSON.parse(readFileSync(ratesFile, 'utf8')) as ExchangeRateRow[]) : undefined;
  const started = performance.now();
  const engine = loadTariffEngine(dir);
  log(`tariff index ready in ${Math.round(performance.now() - started)} ms`);
  const result = assess(body, { ...engine, ...(exchangeRates ? { exchangeRates } : {}) });
  if (!result.ok) return reportError(assessmentError(result.error));
  printJson(result.value);
  return 0;
}
