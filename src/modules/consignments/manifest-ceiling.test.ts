import { describe, expect, it } from 'vitest';
import { manifestDecision, valueInYen } from './manifest-ceiling.ts';

const rates: Record<string, string> = { USD: '150.13', KRW: '0.1087', EUR: '162.5' };
const rateOf = (c: string): string | undefined => rates[c];
const line = (amount: string, currency: string): { value: { amount: string; currency: string } } => ({
  value: { amount, currency },
});

describe('manifest ceiling', () => {
  it('converts each line at its rate in decimal and drops the fraction of a yen once, at the end', () => {
    // 0.1 + 0.2 would be 0.30000000000000004 in floats; 19.99 USD × 150.13 = 3001.0987 yen; 3 KRW × 0.1087 = 0.3261.
    expect(
      valueInYen([line('19.99', 'USD'), line('3', 'KRW'), line('0.1', 'JPY'), line('0.2', 'JPY')], rateOf),
    ).toEqual({
      ok: true,
      value: 3001,
    });
  });

  it('names every line whose currency has no rate', () => {
    const r = valueInYen([line('1', 'CNY'), line('1', 'USD'), line('2', 'GBP')], rateOf);
    expect(r.ok ? [] : r.error.map((p) => [p.code, p.path])).toEqual([
      ['CONSIGNMENT.NO_EXCHANGE_RATE', '$.items[0].value.currency'],
      ['CONSIGNMENT.NO_EXCHANGE_RATE', '$.items[2].value.currency'],
    ]);
  });

  it('keeps a consignment of exactly 200,000 yen on the manifest', () => {
    expect(manifestDecision(200_000)).toEqual({ route: 'manifest', valueYen: 200_000 });
  });

  it('sends a consignment above 200,000 yen to a full declaration with ABOVE_MANIFEST_CEILING and the figures', () => {
    const d = manifestDecision(200_001);
    expect(d.route).toBe('full-declaration');
    expect(d.route === 'full-declaration' && d.reason).toMatchObject({
      code: 'CONSIGNMENT.ABOVE_MANIFEST_CEILING',
      valueYen: 200_001,
      ceilingYen: 200_000,
      message: expect.stringContaining('200,001 yen'),
    });
  });

  it('takes the ceiling as a parameter for rules that change with dates', () => {
    expect(manifestDecision(150_000, 100_000).route).toBe('full-declaration');
  });
});
