import type { ApiProblem } from '../../api/client.ts';

const NO_RATE = /^(ASSESSMENT|CONSIGNMENT)\.NO_EXCHANGE_RATE$/;

/**
 * "No customs exchange rate for USD" is not a wrong currency: the platform lacks the week's rate. The problem moves
 * from the currency to the exchange-rate field (where the trader can give the rate), worded by `explain`: what to
 * enter and where the official weekly rates come from.
 */
export function placeNoRateProblems<P extends ApiProblem>(problems: readonly P[], explain: (currency: string) => string, rateField = '$.exchangeRate'): P[] {
  return problems.map((p) => {
    if (!NO_RATE.test(p.code)) return p;
    const currency = /\b([A-Z]{3})\b/.exec(p.message)?.[1] ?? '';
    return { ...p, path: rateField, message: explain(currency) };
  });
}
