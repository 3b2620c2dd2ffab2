import { describe, expect, it } from 'vitest';
import { assess, type AssessOptions } from './assess.ts';
import { exchangeRateTable } from './exchange-rates.ts';
import type { AssessmentResponse } from './schema.ts';
import { buildTariffIndex } from './tariff-index.ts';
import { FIXTURE_JP_RULES, row } from './test-fixtures.ts';

const index = buildTariffIndex([
  row(1, '', { rate_general: '5%', rate_wto: '3.2%' }, { chapter: '84' }),
  row(2, '847130000', { epa_cptpp: '無税', epa_australia: '2%', epa_eu: '1%' }, { parent: 1 }),
  row(3, '170199000', { rate_general: '25円/kg' }),
  row(4, '190120000', { rate_general: '8.5%＋12.5円/kg' }),
  row(5, '040819000', { rate_general: '10%又は125円/kgのうちいずれか高い税率' }),
  row(6, '070310012', { rate_general: '(524円−課税価格)/kg' }),
  row(7, '200899000', { rate_general: '10%' }),
  row(8, '847150000', { rate_general: '10%' }),
  row(9, '220421020', { rate_general: '15%' }),
  row(10, '610910010', { rate_general: '10.9%' }),
  row(11, '040690090', { rate_general: '20%', epa_cptpp: '関税割当数量以内のもの　無税\n関税割当数量以外のもの　10%' }),
]);
const options: AssessOptions = { index, jpRules: FIXTURE_JP_RULES, today: '2026-11-23' };
const jpy = (amount: string) => ({ amount, currency: 'JPY' });

function ok(body: unknown, opts: AssessOptions = options): AssessmentResponse {
  const r = assess(body, opts);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
function problems(body: unknown, opts: AssessOptions = options) {
  const r = assess(body, opts);
  if (r.ok) throw new Error('expected problems');
  return r.error.map((p) => ({ code: p.code, path: p.path }));
}
const one = (item: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ok({ items: [{ originCountry: 'US', ...item }], ...extra });

describe('assessment: duty', () => {
  it('ad valorem, WTO where lower, Customs Answer 1111 truncation order', () => {
    // value 1,234,567 → 1,234,000; WTO 3.2 % < general 5 % (inherited from the parent row): duty 39,488 → total 39,400.
    // CT base 1,234,000 + 39,400 = 1,273,400 → 1,273,000; × 7.8 % = 99,294 → 99,200.
    // local 99,200 × 22/78 = 27,979.4 → 27,979 → 27,900. Total 39,400 + 99,200 + 27,900 = 166,500.
    const r = one({ code9: '847130000', value: jpy('1234567') });
    const item = r.items[0]!;
    expect(item.appliedRate).toEqual({ column: 'rate_wto', text: '3.2%' });
    expect([item.customsValueYen, item.dutyYen, item.consumptionTaxYen, item.localConsumptionTaxYen]).toEqual([1234000, 39488, 99294, 27979]);
    expect(r.totals).toEqual({ customsValueYen: 1234000, dutyYen: 39400, consumptionTaxYen: 99200, localConsumptionTaxYen: 27900, totalYen: 166500 });
  });

  it('specific duty from the declared quantity, KG and MT alike (25 円/kg × 500 kg = 12,500)', () => {
    expect(one({ code9: '170199000', value: jpy('300000'), quantities: [{ amount: '500', unit: 'KG' }] }).items[0]!.dutyYen).toBe(12500);
    expect(one({ code9: '170199000', value: jpy('300000'), quantities: [{ amount: '0.5', unit: 'MT' }] }).items[0]!.dutyYen).toBe(12500);
  });

  it('compound duty: 8.5 % × 400,000 + 12.5 円 × 200 kg = 34,000 + 2,500 = 36,500', () => {
    expect(one({ code9: '190120000', value: jpy('400000'), quantities: [{ amount: '200', unit: 'KG' }] }).items[0]!.dutyYen).toBe(36500);
  });

  it('whichever higher: max(10 % × 300,000 = 30,000, 125 × 100 kg = 12,500) = 30,000; with 1,000 kg 125,000', () => {
    expect(one({ code9: '040819000', value: jpy('300000'), quantities: [{ amount: '100', unit: 'KG' }] }).items[0]!.dutyYen).toBe(30000);
    expect(one({ code9: '040819000', value: jpy('300000'), quantities: [{ amount: '1000', unit: 'KG' }] }).items[0]!.dutyYen).toBe(125000);
  });

  it('differential duty (524円−課税価格)/kg: 524 × 1,000 kg − 300,000 = 224,000; never below zero', () => {
    expect(one({ code9: '070310012', value: jpy('300000'), quantities: [{ amount: '1000', unit: 'KG' }] }).items[0]!.dutyYen).toBe(224000);
    expect(one({ code9: '070310012', value: jpy('600000'), quantities: [{ amount: '1000', unit: 'KG' }] }).items[0]!.dutyYen).toBe(0);
  });

  it('asks for the quantity of a specific duty, with the JSON path', () => {
    expect(problems({ items: [{ code9: '170199000', originCountry: 'US', value: jpy('300000') }] })).toEqual([
      { code: 'ASSESSMENT.MISSING_QUANTITY', path: '$.items[0].quantities' },
    ]);
  });
});

describe('assessment: preferences', () => {
  const au = { code9: '847130000', originCountry: 'AU', value: jpy('1000000') };

  it('without a claim the MFN rate applies and each EPA is offered with its saving', () => {
    // WTO 3.2 % × 1,000,000 = 32,000; CPTPP free saves 32,000; AU EPA 2 % = 20,000 saves 12,000.
    const item = ok({ items: [au] }).items[0]!;
    expect(item.appliedRate.column).toBe('rate_wto');
    expect(item.alternatives.map((a) => [a.column, a.dutyYen, a.differenceYen])).toEqual([
      ['epa_cptpp', 0, -32000],
      ['epa_australia', 20000, -12000],
    ]);
  });

  it('applies the EPA rate only with a claim under an agreement covering the origin', () => {
    const item = ok({ items: [{ ...au, preference: 'cptpp' }] }).items[0]!;
    expect(item.appliedRate).toEqual({ column: 'epa_cptpp', text: '無税' });
    expect(item.dutyYen).toBe(0);
    expect(item.alternatives.find((a) => a.column === 'rate_wto')?.dutyYen).toBe(32000);
  });

  it('prices the inside-quota rate when the request leaves the quota open (10 % outside = 100,000; inside free)', () => {
    const cheese = { code9: '040690090', originCountry: 'AU', value: jpy('1000000'), preference: 'cptpp' };
    const open = ok({ items: [cheese] }).items[0]!;
    expect([open.appliedRate.column, open.dutyYen]).toEqual(['epa_cptpp', 100000]);
    expect(open.alternatives[0]).toMatchObject({ column: 'epa_cptpp', dutyYen: 0, differenceYen: -100000 });
    expect(open.alternatives[0]!.requires).toContain('quota');
    expect(ok({ items: [{ ...cheese, quota: 'inside' }] }).items[0]!.dutyYen).toBe(0);
  });

  it('without alternatives, evaluates only what can apply: same applied rates, duties and taxes, no alternatives', () => {
    const requests = [
      { items: [au] },
      { items: [{ ...au, preference: 'cptpp' }] },
      { items: [{ code9: '040690090', originCountry: 'AU', value: jpy('1000000'), preference: 'cptpp' }] },
      { items: [{ code9: '040690090', originCountry: 'AU', value: jpy('1000000'), preference: 'cptpp', quota: 'inside' }] },
      { items: [{ code9: '610910010', originCountry: 'CN', value: jpy('150000') }, { code9: '170199000', originCountry: 'TH', value: jpy('90000'), quantities: [{ amount: '30', unit: 'KG' }] }] },
      { items: [{ code9: '200899000', originCountry: 'VN', value: jpy('8000') }] },
    ];
    for (const body of requests) {
      const full = ok(body);
      const lean = ok(body, { ...options, alternatives: false });
      expect(lean.totals).toEqual(full.totals);
      expect(lean.items.map((i) => [i.appliedRate, i.dutyYen, i.consumptionTaxYen, i.alternatives.filter((a) => a.column === 'rate_wto' || a.column === 'rate_general')]))
        .toEqual(full.items.map((i) => [i.appliedRate, i.dutyYen, i.consumptionTaxYen, i.alternatives.filter((a) => a.column === 'rate_wto' || a.column === 'rate_general')]));
      expect(lean.items.flatMap((i) => i.alternatives.filter((a) => a.column.startsWith('epa_') || a.requires?.includes('quota')))).toEqual([]);
    }
    // the first one offered CPTPP and the Australian EPA in full; lean offers neither
    expect(ok(requests[0]!).items[0]!.alternatives).toHaveLength(2);
  });

  it('rejects a claim for an agreement that does not cover the origin, or not yet on the date', () => {
    expect(problems({ items: [{ ...au, preference: 'eu' }] })).toEqual([
      { code: 'ASSESSMENT.PREFERENCE_NOT_APPLICABLE', path: '$.items[0].preference' },
    ]);
    // The UK joined CPTPP on 2024-12-15.
    const gb = { ...au, originCountry: 'GB', preference: 'cptpp' };
    expect(problems({ date: '2024-12-14', items: [gb] })[0]?.code).toBe('ASSESSMENT.PREFERENCE_NOT_APPLICABLE');
    const earlier = ok({ date: '2024-12-15', items: [gb] });
    expect(earlier.items[0]!.appliedRate.column).toBe('epa_cptpp');
    expect(earlier.assumptions.map((a) => a.message)).toContain('rates are those of the schedule edition 2026-07-09, not of 2024-12-15');
  });
});

describe('assessment: value, exemption and consumption tax', () => {
  it('exempts a declaration of exactly 10,000 yen, taxes 10,001 yen', () => {
    const exempt = one({ code9: '847150000', value: jpy('10000') });
    expect(exempt.totals).toEqual({ customsValueYen: 10000, dutyYen: 0, consumptionTaxYen: 0, localConsumptionTaxYen: 0, totalYen: 0 });
    // 10,001 → taxable 10,000; duty 10 % = 1,000; CT base 11,000 × 7.8 % = 858 → 800; local 800 × 22/78 = 225 → 200.
    const taxed = one({ code9: '847150000', value: jpy('10001') }, { simplifiedTariff: false });
    expect(taxed.totals).toEqual({ customsValueYen: 10000, dutyYen: 1000, consumptionTaxYen: 800, localConsumptionTaxYen: 200, totalYen: 2000 });
  });

  it('does not exempt goods on the (unconfirmed) exclusion list, and says so', () => {
    const r = one({ code9: '610910010', value: jpy('5000') });
    expect(r.items[0]!.appliedRate.column).toBe('rate_general');
    expect(r.assumptions.some((a) => a.message.includes('16-3'))).toBe(true);
  });

  it('taxes food at the reduced rate: 100,000 + 10,000 duty = 110,000 × 6.24 % = 6,864; local 6,800 × 22/78 = 1,917', () => {
    const r = one({ code9: '200899000', value: jpy('100000') }, { simplifiedTariff: false });
    expect([r.items[0]!.consumptionTaxYen, r.items[0]!.localConsumptionTaxYen]).toEqual([6864, 1917]);
    expect(r.totals).toMatchObject({ dutyYen: 10000, consumptionTaxYen: 6800, localConsumptionTaxYen: 1900 });
    // The declarant's word overrides the default: 110,000 × 7.8 % = 8,580.
    expect(one({ code9: '200899000', value: jpy('100000'), reducedRate: false }, { simplifiedTariff: false }).items[0]!.consumptionTaxYen).toBe(8580);
  });

  it('apportions FOB freight and insurance by value: USD 600/400 + 110 at ¥150 → 99,900 / 66,600 → 99,000 / 66,000', () => {
    const r = ok({
      exchangeRates: { USD: '150' },
      incoterm: 'FOB',
      freight: { amount: '100', currency: 'USD' },
      insurance: { amount: '10', currency: 'USD' },
      items: [
        { code9: '847130000', originCountry: 'US', value: { amount: '600', currency: 'USD' } },
        { code9: '847130000', originCountry: 'US', value: { amount: '400', currency: 'USD' } },
      ],
    });
    expect(r.items.map((i) => i.customsValueYen)).toEqual([99000, 66000]);
  });

  it('values personal-use goods at 60 % (50,000 → 30,000)', () => {
    expect(one({ code9: '847150000', value: jpy('50000'), personalUse: true }).items[0]!.customsValueYen).toBe(30000);
  });

  it('applies the simplified small-import rate (other goods 5 %) and marks it unconfirmed', () => {
    const r = one({ code9: '847150000', value: jpy('100000') });
    expect(r.items[0]!.appliedRate.column).toBe('simplified_tariff');
    expect(r.items[0]!.dutyYen).toBe(5000);
    expect(r.items[0]!.alternatives[0]).toMatchObject({ column: 'rate_general', dutyYen: 10000 });
    expect(r.assumptions.some((a) => a.message.startsWith('simplified-tariff table unconfirmed'))).toBe(true);
  });

  it('flags liquor tax as not assessed', () => {
    const r = one({ code9: '220421020', value: jpy('300000') });
    expect(r.items[0]!.notes.map((n) => n.code)).toContain('EXCISE_NOT_ASSESSED');
  });
});

describe('assessment: exchange rates and validation', () => {
  const eur = { items: [{ code9: '847130000', originCountry: 'DE', value: { amount: '1000', currency: 'EUR' } }] };

  it('refuses an unknown currency without a rate: ASSESSMENT.NO_EXCHANGE_RATE, never a guess', () => {
    expect(problems(eur)).toEqual([{ code: 'ASSESSMENT.NO_EXCHANGE_RATE', path: '$.items[0].value.currency' }]);
  });

  it('takes the rate from the port when the request has none, and reports its source', () => {
    const exchangeRates = exchangeRateTable([{ currency: 'EUR', rate: '160.5', source: 'customs weekly', validFrom: '2026-11-22', validTo: '2026-11-28' }]);
    const r = ok(eur, { ...options, exchangeRates });
    expect(r.items[0]!.customsValueYen).toBe(160000); // 1,000 × 160.5 = 160,500 → 160,000
    expect(r.exchangeRates[0]).toEqual({ currency: 'EUR', rate: '160.5', source: 'customs weekly (2026-11-22–2026-11-28)' });
  });

  it('lists every problem at once', () => {
    const r = problems({ incoterm: 'FOB', items: [{ code9: '999999999', originCountry: 'US', value: jpy('1') }, { code9: 'x', originCountry: 'US', value: jpy('1') }] });
    expect(r).toEqual([{ code: 'ASSESSMENT.INVALID_FIELD', path: '$.items[1].code9' }]);
    expect(problems({ incoterm: 'FOB', items: [{ code9: '999999999', originCountry: 'US', value: jpy('1') }] })).toEqual([
      { code: 'ASSESSMENT.INVALID_FIELD', path: '$.freight' },
      { code: 'ASSESSMENT.UNKNOWN_CODE', path: '$.items[0].code9' },
    ]);
  });
});
