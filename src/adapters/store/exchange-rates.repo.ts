import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from './connect.ts';
import { exchangeRates } from './schema.ts';

export interface ExchangeRate {
  readonly currency: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** Yen per unit of the currency, a decimal string. */
  readonly rate: string;
  readonly source: string;
}

/** Weekly customs exchange rates (税関長公示レート), kept in memory for assessments and persisted. */
export class ExchangeRatesRepo {
  private rates: ExchangeRate[] = [];

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    this.rates = await this.db.select().from(exchangeRates).orderBy(desc(exchangeRates.validFrom));
  }

  async upsert(list: readonly ExchangeRate[]): Promise<void> {
    for (const r of list) {
      await this.db.insert(exchangeRates).values(r).onConflictDoUpdate({
        target: [exchangeRates.currency, exchangeRates.validFrom],
        set: { validTo: r.validTo, rate: r.rate, source: r.source },
      });
    }
    await this.load();
  }

  /**
   * Re-reads the table every `ms` until the returned function is called. With PostgreSQL several processes share the
   * table, and any of them may load the week's rates: the others must see them (a small table, read whole).
   */
  refreshEvery(ms: number, onError: (e: unknown) => void): () => void {
    let running = false;
    const t = setInterval(() => {
      if (running) return;
      running = true;
      this.load()
        .catch(onError)
        .finally(() => (running = false));
    }, ms);
    t.unref();
    return () => clearInterval(t);
  }

  /** The rate in force on `date` (yyyy-mm-dd), or undefined: there is never a built-in guess. */
  rateFor(currency: string, date: string): ExchangeRate | undefined {
    return this.rates.find((r) => r.currency === currency && r.validFrom <= date && date <= r.validTo);
  }

  list(): ExchangeRate[] {
    return [...this.rates];
  }

  async listFromDb(currency?: string, on?: string): Promise<ExchangeRate[]> {
    const where = [];
    if (currency) where.push(eq(exchangeRates.currency, currency));
    if (on) where.push(lte(exchangeRates.validFrom, on), gte(exchangeRates.validTo, on));
    return this.db.select().from(exchangeRates).where(where.length ? and(...where) : undefined).orderBy(desc(exchangeRates.validFrom));
  }
}
