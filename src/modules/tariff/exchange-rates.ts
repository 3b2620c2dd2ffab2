/**
 * Customs exchange rates (the weekly rates Customs publishes) come in through this port: the assessment never guesses
 * a rate. `exchangeRateTable` is the in-memory implementation over rows with their source and validity.
 */
export interface ExchangeRateQuote {
  /** Yen per unit of the currency, decimal string. */
  readonly rate: string;
  readonly source: string;
  readonly validFrom: string;
  readonly validTo: string;
}

export interface ExchangeRateSource {
  rateFor(currency: string, date: string): ExchangeRateQuote | undefined;
}

export interface ExchangeRateRow extends ExchangeRateQuote {
  readonly currency: string;
}

/** Rows valid on `validFrom ≤ date ≤ validTo` (inclusive, as the weekly notices print them); the latest start wins. */
export function exchangeRateTable(rows: readonly ExchangeRateRow[]): ExchangeRateSource {
  const byCurrency = new Map<string, ExchangeRateRow[]>();
  for (const r of rows) {
    const list = byCurrency.get(r.currency) ?? [];
    list.push(r);
    byCurrency.set(r.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return {
    rateFor: (currency, date) => byCurrency.get(currency)?.find((r) => r.validFrom <= date && date <= r.validTo),
  };
}
