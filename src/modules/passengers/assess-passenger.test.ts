import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.schema.ts';
import { assessPassenger, type AssessOptions } from './assess-passenger.ts';
import type { PassengerDeclaration } from './declaration.schema.ts';
import { declarationFixture } from './test-fixtures.ts';
import { validateDeclaration } from './validate-declaration.ts';

type Goods = NonNullable<PassengerDeclaration['goods']>;

function assess(goods: Goods, over: Partial<PassengerDeclaration> = {}, options: AssessOptions = {}): Assessment {
  const v = validateDeclaration(declarationFixture({ ...over, goods }));
  if (!v.ok) throw new Error(JSON.stringify(v.error.details));
  const a = assessPassenger(v.value, options);
  if (!a.ok) throw new Error(JSON.stringify(a.error));
  return a.value;
}

const yen = (amount: number): { amount: string; currency: string } => ({ amount: String(amount), currency: 'JPY' });

describe('alcohol allowance (A1, B1–B5)', () => {
  it('taxes bottles beyond three per adult at the per-litre simplified rate', () => {
    const a = assess({ alcohol: [{ kind: 'whisky_brandy', volumeMl: 700, bottles: 5 }] });
    // 3 bottles free; 2 × 700 ml = 1.4 L × 800 yen/L = 1,120 yen; total truncated below 100 yen → 1,100.
    expect(a.lines.map((l) => [l.treatment, l.dutyYen])).toEqual([
      ['free_allowance', 0],
      ['taxed_simplified', 1120],
    ]);
    expect(a.totalDutyYen).toBe(1100);
  });

  it('uses the allowance on the most heavily taxed bottles first', () => {
    const goods: Goods = {
      alcohol: [
        { kind: 'wine_beer_other', volumeMl: 750, bottles: 2 },
        { kind: 'whisky_brandy', volumeMl: 700, bottles: 2 },
      ],
    };
    // Per bottle: whisky 0.7 L × 800 = 560 yen, wine 0.75 L × 200 = 150 yen. Free: 2 whisky + 1 wine;
    // taxed: 1 wine = 150 yen → total 100.
    expect(assess(goods).totalDutyYen).toBe(100);
    // In declared order instead: 2 wine + 1 whisky free, 1 whisky taxed = 560 → total 500.
    expect(assess(goods, {}, { overrides: { alcohol: { favourAcrossKinds: false } } }).totalDutyYen).toBe(500);
  });

  it('gives no alcohol allowance to a traveller under 20', () => {
    const traveller = { familyName: 'YAMADA', givenNames: 'TARO', dateOfBirth: '2007-01-01', nationality: 'JPN' };
    const a = assess({ alcohol: [{ kind: 'wine_beer_other', volumeMl: 750, bottles: 2 }] }, { traveller });
    // Aged 19 on 2026-12-01: 1.5 L × 200 yen/L = 300 yen, nothing free.
    expect(a.lines).toHaveLength(1);
    expect(a.lines[0]).toMatchObject({ treatment: 'taxed_simplified', dutyYen: 300 });
    expect(a.totalDutyYen).toBe(300);
  });

  it('counts allowances per person: the traveller cannot use a companion’s bottles (no pooling by default)', () => {
    const familyMembers = [{ age: 30 }];
    const six: Goods = { alcohol: [{ kind: 'wine_beer_other', volumeMl: 750, bottles: 6 }] };
    // 3 of the traveller's 6 bottles taxed: 2.25 L × 200 = 450 yen → total 400.
    expect(assess(six, { familyMembers }).totalDutyYen).toBe(400);
    // The same bottles declared 3 + 3 by owner: all free.
    const split: Goods = {
      alcohol: [
        { kind: 'wine_beer_other', volumeMl: 750, bottles: 3 },
        { kind: 'wine_beer_other', volumeMl: 750, bottles: 3, owner: 0 },
      ],
    };
    expect(assess(split, { familyMembers }).totalDutyYen).toBe(0);
    // With pooling configured (C4), two adults' allowances cover the six bottles.
    expect(assess(six, { familyMembers }, { overrides: { familyPooling: 'pooled' } }).totalDutyYen).toBe(0);
  });
});

describe('configurable readings of unconfirmed rules', () => {
  it('counts alcohol by volume (3 × 760 ml) when configured, taxing only the millilitres beyond', () => {
    const goods: Goods = { alcohol: [{ kind: 'whisky_brandy', volumeMl: 1000, bottles: 3 }] };
    // By bottles: 3 bottles free whatever their size → 0.
    expect(assess(goods).totalDutyYen).toBe(0);
    // By volume: 3,000 − 2,280 = 720 ml × 800 yen/L = 576 yen → total 500.
    const a = assess(goods, {}, { overrides: { alcohol: { counting: 'volume' } } });
    expect(a.lines.map((l) => l.dutyYen)).toEqual([0, 576]);
    expect(a.totalDutyYen).toBe(500);
  });

  it('keeps yen precision when the 1,000-yen truncation of taxable values is switched off', () => {
    const goods: Goods = { other: [{ description: 'bag', kind: 'bag', quantity: 2, unitValue: yen(101_999) }] };
    // One bag free (101,999 ≤ 200,000 but two are 203,998). Taxable 101,999 × 0.6 = 61,199.4 → 61,199 yen.
    // Truncated to 61,000: 15 % = 9,150 → total 9,100. To the yen: 15 % of 61,199 = 9,179.85 → 9,179 → total 9,100.
    const dflt = assess(goods);
    expect(dflt.lines[1]).toMatchObject({ taxableYen: 61_000, dutyYen: 9_150 });
    const exact = assess(goods, {}, { overrides: { rounding: { taxableValueUnit: 1, totalUnit: 1 } } });
    expect(exact.lines[1]).toMatchObject({ taxableYen: 61_199, dutyYen: 9_179 });
    expect(exact.totalDutyYen).toBe(9_179);
  });

  it('gives a child under 6 no perfume allowance', () => {
    const a = assess(
      { perfume: [{ kind: 'perfume', ounces: '1', value: yen(20_000), owner: 0 }] },
      { familyMembers: [{ age: 5 }] },
    );
    // 20,000 × 0.6 = 12,000 × 15 % = 1,800.
    expect(a.lines).toEqual([
      expect.objectContaining({ person: 'member[0]', treatment: 'taxed_simplified', dutyYen: 1_800 }),
    ]);
  });
});

describe('tobacco allowance (A2–A6, B6–B8)', () => {
  it('taxes cigarettes beyond 200 at 15 yen each', () => {
    // 400 − 200 = 200 × 15 = 3,000 yen.
    expect(assess({ tobacco: [{ kind: 'cigarettes', sticks: 400 }] }).totalDutyYen).toBe(3000);
  });

  it('shares one allowance among several kinds when mixing is proportional', () => {
    const goods: Goods = {
      tobacco: [
        { kind: 'cigarettes', sticks: 100 },
        { kind: 'cigars', pieces: 40 },
      ],
    };
    // Cigars first (their excess would need the general rates): 40/50 = 0.8 of the allowance; 0.2 × 200 = 40
    // cigarettes free; 60 × 15 = 900 yen.
    expect(assess(goods).totalDutyYen).toBe(900);
    // Each kind with its own allowance: all free.
    expect(assess(goods, {}, { overrides: { tobacco: { mixing: 'per_kind' } } }).totalDutyYen).toBe(0);
  });

  it('taxes heat-not-burn packages beyond 10 per stick', () => {
    const a = assess({ tobacco: [{ kind: 'heat_not_burn', form: 'sticks', packages: 15, unitsPerPackage: 20 }] });
    // 5 packages × 20 sticks × 15 yen = 1,500 yen.
    expect(a.totalDutyYen).toBe(1500);
  });

  it('leaves excess cigars to the officer (general rates, X3)', () => {
    const a = assess({ tobacco: [{ kind: 'cigars', pieces: 60 }] });
    expect(a.lines.map((l) => l.treatment)).toEqual(['free_allowance', 'officer_assessment']);
    expect(a.requiresOfficerAssessment).toBe(true);
  });
});

describe('perfume (A7, A8)', () => {
  it('taxes the ounces beyond two, valued pro rata', () => {
    const a = assess({ perfume: [{ kind: 'perfume', ounces: '3', value: yen(30_000) }] });
    // 1 oz excess = 10,000 yen; taxable 10,000 × 0.6 = 6,000; 15 % = 900 yen.
    expect(a.lines[1]).toMatchObject({ treatment: 'taxed_simplified', taxableYen: 6000, dutyYen: 900 });
    expect(a.totalDutyYen).toBe(900);
  });

  it('treats eau de toilette as other goods, so a cheap bottle is free as a small kind', () => {
    const a = assess({ perfume: [{ kind: 'eau_de_toilette', ounces: '3.4', value: yen(5_000) }] });
    expect(a.lines[0]!.treatment).toBe('free_small_kind');
  });
});

describe('other goods: the 200,000-yen allowance (A9–A13, B9, B10, X1)', () => {
  it('exempts goods of one kind totalling 10,000 yen or less without counting them', () => {
    const a = assess({
      other: [
        { description: 'tie', kind: 'necktie', quantity: 3, unitValue: yen(3_000) },
        { description: 'bag', kind: 'handbag', quantity: 1, unitValue: yen(195_000) },
      ],
    });
    // Ties 9,000 ≤ 10,000: free, not counted; the bag alone fits in 200,000.
    expect(a.lines.map((l) => l.treatment)).toEqual([
      'free_small_kind',
      'free_small_kind',
      'free_small_kind',
      'free_allowance',
    ]);
    expect(a.totalDutyYen).toBe(0);
  });

  it('counts a kind once it exceeds 10,000 yen and fills the allowance in the traveller’s favour', () => {
    const a = assess({
      other: [
        { description: 'tie', kind: 'necktie', quantity: 4, unitValue: yen(3_000) },
        { description: 'bag', kind: 'handbag', quantity: 1, unitValue: yen(195_000) },
      ],
    });
    // Ties 12,000 > 10,000: counted. Bag taxable 117,000 > 100,000 would need the general rates; a tie's tax is
    // 3,000 × 0.6 = 1,800 → truncated to 1,000 → 15 % = 150. Best: bag + 1 tie = 198,000 ≤ 200,000 free;
    // 3 ties taxed: 3 × 150 = 450 → total 400.
    expect(a.lines.filter((l) => l.treatment === 'taxed_simplified').map((l) => l.dutyYen)).toEqual([150, 150, 150]);
    expect(a.lines[4]!.treatment).toBe('free_allowance');
    expect(a.totalDutyYen).toBe(400);
  });

  it('taxes a single article over 200,000 yen on its whole value, at the general rates above 100,000 taxable', () => {
    const a = assess({
      other: [
        { description: 'bag', kind: 'handbag', quantity: 1, unitValue: yen(250_000), generalDutyRatePercent: '8' },
      ],
    });
    // Taxable 250,000 × 0.6 = 150,000 (> 100,000: X1, general rates). Duty 8 % = 12,000.
    // Consumption-tax base 150,000 + 12,000 = 162,000; national 7.8 % = 12,636; local 12,636 × 22/78 = 3,564.
    // 12,000 + 12,636 + 3,564 = 28,200.
    expect(a.lines[0]).toMatchObject({ treatment: 'taxed_general', taxableYen: 150_000, dutyYen: 28_200 });
    expect(a.totalDutyYen).toBe(28_200);
  });

  it('chooses the exempted goods to minimise tax, not to maximise exempted value', () => {
    const goods: Goods = {
      other: [
        { description: 'coat', kind: 'coat', quantity: 1, unitValue: yen(150_000) },
        { description: 'watch', kind: 'watch', quantity: 2, unitValue: yen(100_000), dutyFree: true },
      ],
    };
    // Coat taxed: 150,000 × 0.6 = 90,000 × 15 % = 13,500. Each watch (duty-free, B10): taxable 60,000,
    // national 7.8 % = 4,680, local 4,680 × 22/78 = 1,320 → 6,000.
    // Exempt the coat: 2 × 6,000 = 12,000 to pay; exempt both watches: 13,500. Favourable = 12,000.
    expect(assess(goods).totalDutyYen).toBe(12_000);
    // Maximising exempted value instead would exempt the watches (200,000 > 150,000): 13,500.
    expect(assess(goods, {}, { overrides: { other: { objective: 'max_value' } } }).totalDutyYen).toBe(13_500);
  });

  it('values foreign prices at the customs exchange rate', () => {
    const a = assess(
      {
        other: [{ description: 'camera', kind: 'camera', quantity: 2, unitValue: { amount: '1000', currency: 'USD' } }],
      },
      {},
      { exchangeRates: { USD: '150.25' } },
    );
    // 1,000 × 150.25 = 150,250 yen each; one free, the other taxable 90,150 → truncated 90,000 × 15 % = 13,500.
    expect(a.lines.map((l) => l.dutyYen)).toEqual([0, 13_500]);
    expect(a.totalDutyYen).toBe(13_500);
  });

  it('gives a child under 6 an allowance only for goods for the child’s own use', () => {
    const a = assess(
      {
        other: [
          { description: 'toy', kind: 'toy', quantity: 1, unitValue: yen(30_000), childOwnUse: true, owner: 0 },
          { description: 'camera', kind: 'camera', quantity: 1, unitValue: yen(30_000), owner: 0 },
        ],
      },
      { familyMembers: [{ age: 4 }] },
    );
    // Toy free; camera: 30,000 × 0.6 = 18,000 × 15 % = 2,700.
    expect(a.lines.map((l) => [l.person, l.treatment, l.dutyYen])).toEqual([
      ['member[0]', 'free_allowance', 0],
      ['member[0]', 'taxed_simplified', 2700],
    ]);
  });
});

describe('general rates on request (B.0, X4)', () => {
  it('applies the general rates to all goods when the traveller declines the simplified ones', () => {
    const goods: Goods = {
      alcohol: [{ kind: 'wine_beer_other', volumeMl: 750, bottles: 4 }],
      other: [{ description: 'watch', kind: 'watch', quantity: 2, unitValue: yen(150_000), dutyFree: true }],
    };
    const a = assess(goods, { generalRatesRequested: true });
    // Wine beyond 3 bottles: liquor tax is not in this engine → officer. Second watch (duty-free): taxable
    // 150,000 × 0.6 = 90,000; duty 0; base 90,000; national 7.8 % = 7,020; local 7,020 × 22/78 = 1,980 → 9,000.
    expect(a.lines.map((l) => [l.treatment, l.dutyYen])).toEqual([
      ['free_allowance', 0],
      ['officer_assessment', 0],
      ['free_allowance', 0],
      ['taxed_general', 9_000],
    ]);
    expect(a.requiresOfficerAssessment).toBe(true);
  });
});

describe('assessment envelope', () => {
  it('lists every unconfirmed setting it relied on', () => {
    const a = assess({});
    expect(a.assumptions.map((x) => x.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'A1']);
    expect(a.rulesId).toBe('JP-PASSENGER-2021-10');
  });

  it('refuses a date no rule set covers, and a currency without a rate', () => {
    const early = validateDeclaration(declarationFixture({ arrivalDate: '2020-01-01' }));
    expect(early.ok && assessPassenger(early.value)).toMatchObject({
      ok: false,
      error: { code: 'PASSENGER.NO_RULES_FOR_DATE' },
    });
    const v = validateDeclaration(
      declarationFixture({
        goods: { other: [{ description: 'x', kind: 'x', quantity: 1, unitValue: { amount: '1', currency: 'EUR' } }] },
      }),
    );
    const a = v.ok ? assessPassenger(v.value) : null;
    expect(a).toMatchObject({
      ok: false,
      error: { details: { problems: [{ code: 'PASSENGER.MISSING_EXCHANGE_RATE' }] } },
    });
  });
});

describe('lines a client can word in any language', () => {
  it('name the declared goods and the basis of each line as codes and parameters, and the rounding of the total', () => {
    const a = assess({
      alcohol: [{ kind: 'wine_beer_other', volumeMl: 750, bottles: 5 }],
      tobacco: [{ kind: 'cigarettes', sticks: 400 }],
      other: [
        { description: 'Leather handbag', kind: 'handbag', quantity: 1, unitValue: yen(412_500) },
        { description: 'Key ring', kind: 'souvenir', quantity: 3, unitValue: yen(5_000) },
      ],
    });
    expect(a.totalUnitYen).toBe(100);
    expect(a.lines.map((l) => [l.goods?.section, l.goods?.index, l.goods?.unit, l.basis?.code, l.basis?.tax?.code])).toEqual([
      ['alcohol', 0, undefined, 'alcohol.free', undefined],
      ['alcohol', 0, undefined, 'alcohol.simplified', undefined],
      ['tobacco', 0, undefined, 'tobacco.free', undefined],
      ['tobacco', 0, undefined, 'tobacco.simplified', undefined],
      ['other', 0, undefined, 'other.overAllowance', 'tax.officer'],
      ['other', 1, 1, 'other.free', undefined],
      ['other', 1, 2, 'other.free', undefined],
      ['other', 1, 3, 'other.free', undefined],
    ]);
    expect(a.lines[1]!.basis!.params).toEqual({ ml: 1500, yenPerLitre: 200 });
    expect(a.lines[3]!.basis!.params).toEqual({ n: 200, unit: 'cigarettes', yenEach: 15, per: 'stick' });
    expect(a.lines[4]!.basis!.tax!.params).toMatchObject({ because: 'overSimplifiedMax', taxableYen: 247_000, valueYen: 412_500 });
    expect(a.lines[0]!.goods).toEqual({ section: 'alcohol', index: 0, kind: 'wine_beer_other', volumeMl: 750 });
  });
});
