import { describe, expect, it } from 'vitest';
import { Decimal, truncateYen, type Money } from '../../kernel/index.ts';
import { customsValues, type ValuationInput } from './customs-value.ts';
import { parsedDecimal } from './decimal-cache.ts';
import { DEFAULT_RULES } from './rules.ts';

/** The definition in decimal arithmetic: goods × rate, costs apportioned by value, private use at the factor. */
function reference(input: ValuationInput, adds: boolean): { taxableYen: number[]; totalYen: number } {
  const rate = (c: string): Decimal => input.yenPer(c).decimal;
  const goods = input.items.map((i) => new Decimal(i.value.amount).times(rate(i.value.currency)));
  const total = goods.reduce((a, b) => a.plus(b), new Decimal(0));
  const yen = (m: Money | undefined): Decimal => (m && adds ? new Decimal(m.amount).times(rate(m.currency)) : new Decimal(0));
  const all = yen(input.freight).plus(yen(input.insurance));
  const values = goods.map((g, i) => {
    const costs = total.isZero() ? all.dividedBy(goods.length) : all.times(g).dividedBy(total);
    const pu = input.personalUse;
    if (input.items[i]!.personalUse && pu) return pu.addFreightAndInsurance ? g.times(pu.factor).plus(costs) : g.times(pu.factor);
    return g.plus(costs);
  });
  return { taxableYen: values.map((v) => truncateYen(v, 1000)), totalYen: values.reduce((a, b) => a.plus(b), new Decimal(0)).floor().toNumber() };
}

let seed = 5;
const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const digits = (n: number): string => Array.from({ length: n }, () => String(rnd(10))).join('');
const dec = (maxInt: number, maxFrac: number): string => {
  const f = rnd(maxFrac + 1);
  return `${Number(digits(1 + rnd(maxInt)))}${f > 0 ? `.${digits(f)}` : ''}`;
};
const EDGES = ['0', '0.000001', '9999.999999', '10000', '10000.000001', '66.666666', '999.999', '1000', '999999999999999.999999'];
const RATES: Record<string, string> = { JPY: '1', USD: '150', EUR: '163.456789', KRW: '0.000001', CNY: '21', GBP: '99999.999999' };

describe('customs value', () => {
  it('FOB adds the apportioned freight and insurance; CIF notes that it already contains them', () => {
    const yenPer = (c: string) => parsedDecimal(RATES[c]!);
    const items = [{ value: { amount: '1500000', currency: 'JPY' } }, { value: { amount: '750000', currency: 'JPY' } }];
    const fob = customsValues({ incoterm: 'FOB', freight: { amount: '75000', currency: 'JPY' }, insurance: undefined, items, yenPer, personalUse: undefined });
    expect(fob.taxableYen).toEqual([1550000, 775000]);
    expect(fob.totalYen).toBe(2325000);
    const cif = customsValues({ incoterm: 'CIF', freight: { amount: '75000', currency: 'JPY' }, insurance: undefined, items, yenPer, personalUse: undefined });
    expect([cif.totalYen, cif.notes.map((n) => n.code)]).toEqual([2250000, ['FREIGHT_INCLUDED']]);
  });

  it('floors the exact total once: 3 × 3,333.333333 yen is 9,999 yen, not 10,000, and 3 × 3,333.34 is 10,000', () => {
    const yenPer = (c: string) => parsedDecimal(RATES[c]!);
    const three = (amount: string) => Array.from({ length: 3 }, () => ({ value: { amount, currency: 'JPY' } }));
    expect(customsValues({ incoterm: 'CIF', freight: undefined, insurance: undefined, items: three('3333.333333'), yenPer, personalUse: undefined }).totalYen).toBe(9999);
    expect(customsValues({ incoterm: 'CIF', freight: undefined, insurance: undefined, items: three('3333.34'), yenPer, personalUse: undefined }).totalYen).toBe(10000);
  });

  it('agrees with decimal arithmetic on random values, rates, scales, Incoterms and private-use items, huge ones included', () => {
    const currencies = Object.keys(RATES);
    for (let i = 0; i < 4000; i++) {
      const money = (): Money => ({ amount: rnd(5) === 0 ? EDGES[rnd(EDGES.length)]! : dec(rnd(3) === 0 ? 15 : 5, 6), currency: currencies[rnd(currencies.length)]! });
      const rates = { ...RATES, USD: rnd(2) === 0 ? dec(3, 6) : '150' };
      const incoterm = ['CIF', 'FOB', 'CFR', 'EXW', 'DDP'][rnd(5)]!;
      const costs = rnd(3) === 0 ? 'zero' : rnd(2) === 0 ? 'some' : 'none';
      const input: ValuationInput = {
        incoterm,
        freight: costs === 'none' ? undefined : costs === 'zero' ? { amount: '0', currency: 'USD' } : money(),
        insurance: costs === 'some' && rnd(2) === 0 ? money() : undefined,
        items: Array.from({ length: 1 + rnd(5) }, () => ({ value: money(), personalUse: rnd(4) === 0 })),
        yenPer: (c) => parsedDecimal(rates[c as keyof typeof rates]!),
        personalUse: rnd(2) === 0 ? DEFAULT_RULES.personalUse : { ...DEFAULT_RULES.personalUse, factor: '0.612345', addFreightAndInsurance: true },
      };
      const adds = ['FOB', 'EXW'].includes(incoterm) ? true : false;
      const cfr = incoterm === 'CFR';
      const expected = reference({ ...input, freight: cfr ? undefined : input.freight }, adds || cfr);
      const { taxableYen, totalYen } = customsValues(input);
      expect({ taxableYen, totalYen }, JSON.stringify(input)).toEqual(expected);
    }
  });
});
