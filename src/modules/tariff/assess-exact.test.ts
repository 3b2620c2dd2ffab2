import { describe, expect, it } from 'vitest';
import { Decimal } from '../../kernel/index.ts';
import { assess } from './assess.ts';
import { buildTariffIndex } from './tariff-index.ts';
import { FIXTURE_JP_RULES, row } from './test-fixtures.ts';

const index = buildTariffIndex([
  row(1, '', { rate_general: '5%', rate_wto: '3.2%' }, { chapter: '84' }),
  row(2, '847130000', {}, { parent: 1 }),
  row(3, '200899000', { rate_general: '10.9%' }),
  row(4, '847150000', { rate_general: '7.35%', rate_wto: '12%' }),
]);
const PERCENT: Record<string, string> = { '847130000': '3.2', '200899000': '10.9', '847150000': '7.35' };
const REDUCED = new Set(['200899000']);

/** The assessment's arithmetic written out in Decimal: the reference the integer fast paths must match. */
function expected(items: { code9: string; amount: string }[], rate: string) {
  const trunc = (d: Decimal, unit: number): Decimal => d.dividedToIntegerBy(unit).times(unit);
  const values = items.map((i) => new Decimal(i.amount).times(rate));
  const total = values.reduce((a, b) => a.plus(b), new Decimal(0)).floor().toNumber();
  const exempt = total <= 10_000;
  const lines = items.map((it, i) => {
    const taxable = trunc(values[i]!, 1000);
    if (exempt) return { customsValueYen: taxable.toNumber(), dutyYen: 0, consumptionTaxYen: 0, localConsumptionTaxYen: 0 };
    const duty = taxable.times(PERCENT[it.code9]!).dividedBy(100).floor();
    const base = trunc(taxable.plus(trunc(duty, 100)), 1000);
    const national = base.times(REDUCED.has(it.code9) ? '6.24' : '7.8').dividedBy(100).floor();
    const local = trunc(national, 100).times(22).dividedToIntegerBy(78);
    return { customsValueYen: taxable.toNumber(), dutyYen: duty.toNumber(), consumptionTaxYen: national.toNumber(), localConsumptionTaxYen: local.toNumber() };
  });
  return { lines, total };
}

describe('assessment arithmetic', () => {
  it('matches the Decimal computation on random amounts and rates, at the 10,000-yen line and up to 2^53 yen', () => {
    let seed = 23;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));
    const digits = (n: number): string => Array.from({ length: n }, () => String(rnd(10))).join('');
    const dec = (int: number, frac: number): string => `${Number(digits(1 + rnd(int)))}${frac > 0 ? `.${digits(frac)}` : ''}`;
    const edges = ['66.666666', '66.666667', '66.67', '66.673334', '33.333333', '0.000001', '999999999999.999999', '999999999999999.999999'];
    for (let n = 0; n < 1500; n++) {
      const drawn = dec(3, rnd(7));
      const rate = rnd(4) === 0 || new Decimal(drawn).isZero() ? '150' : drawn;
      const items = Array.from({ length: 1 + rnd(4) }, () => ({
        code9: ['847130000', '200899000', '847150000'][rnd(3)]!,
        amount: rnd(6) === 0 ? edges[rnd(edges.length)]! : dec(rnd(3) === 0 ? 12 : 4, rnd(7)),
      }));
      const body = {
        date: '2026-11-23',
        exchangeRates: { USD: rate },
        simplifiedTariff: false,
        items: items.map((i) => ({ code9: i.code9, originCountry: 'US', value: { amount: i.amount, currency: 'USD' } })),
      };
      const want = expected(items, rate);
      // Past 2^53 yen the response's numbers cannot be exact whichever way they are computed.
      if (items.reduce((a, i) => a.plus(new Decimal(i.amount).times(rate)), new Decimal(0)).greaterThan(2 ** 53)) continue;
      for (const alternatives of [true, false]) {
        const r = assess(body, { index, jpRules: FIXTURE_JP_RULES, alternatives });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        const got = r.value.items.map(({ customsValueYen, dutyYen, consumptionTaxYen, localConsumptionTaxYen }) => ({ customsValueYen, dutyYen, consumptionTaxYen, localConsumptionTaxYen }));
        expect(got, JSON.stringify(body)).toEqual(want.lines);
        expect(r.value.assumptions.some((a) => a.message.startsWith(`small-value exemption: total taxable value ${want.total} yen`))).toBe(want.total <= 10_000);
      }
    }
  });
});
