import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { isMoneyCurrency, readCurrencies } from './code-lists.ts';

describe('ISO 4217 codes that are money', () => {
  const all = new Map(readCurrencies(dataDirFromEnv()).map((c) => [c.code, c]));

  it('refuses no-currency, testing, metal and fund codes, keeps the currencies goods are priced in', () => {
    for (const code of ['XXX', 'XTS', 'XAU', 'XDR']) expect(isMoneyCurrency(all.get(code)), code).toBe(false);
    for (const code of ['JPY', 'USD', 'EUR', 'KWD', 'CNY']) expect(isMoneyCurrency(all.get(code)), code).toBe(true);
    expect(isMoneyCurrency(undefined)).toBe(false);
  });
});
