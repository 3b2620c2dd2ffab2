import { describe, expect, it } from 'vitest';
import { assessPassenger, validateDeclaration, type PassengerDeclaration } from '../../../../src/modules/passengers/index.ts';
import { en, type MessageKey } from '../../i18n/en.ts';
import { ja } from '../../i18n/ja.ts';
import { ko } from '../../i18n/ko.ts';
import { zh } from '../../i18n/zh.ts';
import { basisText, figures, goodsLabel, groupLines, type AssessmentView } from './assessment-view.ts';

const base: PassengerDeclaration = {
  traveller: { familyName: 'SMITH', givenNames: 'JANE', dateOfBirth: '1988-05-17', nationality: 'GBR' },
  flight: { flightNumber: 'BA005' },
  arrivalDate: '2026-12-01',
  answers: { prohibitedOrRestrictedGoods: false, goodsOverAllowance: true, commercialGoodsOrSamples: false, goodsCarriedForOthers: false, cashOver1MillionYen: false, unaccompaniedBaggage: false },
};
const jpy = (n: number) => ({ amount: String(n), currency: 'JPY' });

function assess(over: Partial<PassengerDeclaration>): AssessmentView {
  const v = validateDeclaration({ ...base, ...over });
  if (!v.ok) throw v.error;
  const a = assessPassenger(v.value);
  if (!a.ok) throw a.error;
  return a.value;
}

/** The traveller of the report: wine, cigarettes, a dear handbag, and three identical key rings. */
const report = assess({
  goods: {
    alcohol: [{ kind: 'wine_beer_other', volumeMl: 750, bottles: 5 }],
    tobacco: [{ kind: 'cigarettes', sticks: 400 }],
    other: [
      { description: 'Leather handbag', kind: 'handbag', quantity: 1, unitValue: jpy(412_500) },
      { description: 'Key ring', kind: 'souvenir', quantity: 3, unitValue: jpy(5_000) },
    ],
  },
});

/** Every basis the engine gives, with one declaration each. */
const all: AssessmentView[] = [
  report,
  assess({ generalRatesRequested: true, goods: { alcohol: [{ kind: 'whisky_brandy', volumeMl: 700, bottles: 4 }], tobacco: [{ kind: 'cigarettes', sticks: 300 }] } }),
  assess({ traveller: { ...base.traveller, dateOfBirth: '2010-01-01' }, goods: { alcohol: [{ kind: 'liqueur', volumeMl: 500, bottles: 1 }], tobacco: [{ kind: 'cigars', pieces: 10 }] } }),
  assess({ goods: { tobacco: [{ kind: 'other', grams: 400 }], perfume: [{ kind: 'perfume', ounces: '3', value: jpy(30_000) }] } }),
  assess({
    goods: {
      other: [
        { description: 'Watch', kind: 'watch', quantity: 1, unitValue: jpy(150_000), dutyFree: true },
        { description: 'Bag', kind: 'bag', quantity: 1, unitValue: jpy(150_000) },
        { description: 'Rice', kind: 'rice', quantity: 1, unitValue: jpy(250_000), excludedFromSimplifiedRates: true, generalDutyRatePercent: '10' },
        { description: 'Socks', kind: 'socks', quantity: 2, unitValue: jpy(1_000) },
      ],
    },
  }),
  assess({ familyMembers: [{ age: 3 }], goods: { other: [{ description: 'Tablet', kind: 'tablet', quantity: 1, unitValue: jpy(50_000), owner: 0 }] } }),
];

const inLang = (dict: Partial<Record<MessageKey, string>>) => (k: MessageKey, vars: Record<string, string | number> = {}) => {
  const text = dict[k];
  if (text === undefined) throw new Error(`no text for ${k}`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (vars[name] !== undefined ? String(vars[name]) : m));
};
const num = (n: number) => n.toLocaleString('en-US');

describe('the passenger result as shown', () => {
  it('groups identical units into one row and keeps the sum of the rows equal to the sum of the lines', () => {
    const rows = groupLines(report.lines);
    expect(rows.map((r) => [goodsLabel(r.line, inLang(en), num), r.count, r.toAssess, r.dutyYen])).toEqual([
      ['Wine, beer or other 750 ml', 1, false, 0],
      ['Wine, beer or other 750 ml', 1, false, 300],
      ['Cigarettes', 1, false, 0],
      ['Cigarettes', 1, false, 3000],
      ['Leather handbag', 1, true, 0],
      ['Key ring', 3, false, 0],
    ]);
    const f = figures(report);
    expect(rows.reduce((s, r) => s + r.dutyYen, 0)).toBe(f.sumYen);
    expect(f).toEqual({ sumYen: 3300, totalYen: 3300, unitYen: 100, toAssess: true });
  });

  it('words every basis the engine gives in ja, en, zh and ko, with no raw key, rule id or placeholder left', () => {
    const codes = new Set<string>();
    for (const a of all) for (const l of a.lines) codes.add(`${l.basis?.code} ${l.basis?.tax?.code ?? ''}`);
    // The declarations above reach every basis and tax code of the engine.
    expect([...codes]).toEqual(
      expect.arrayContaining(['alcohol.free ', 'alcohol.simplified ', 'alcohol.minor ', 'alcohol.generalRequested ', 'tobacco.free ', 'tobacco.simplified ', 'tobacco.general ', 'tobacco.generalRequested ', 'perfume.free ', 'perfume.excess tax.simplified', 'other.smallKind ', 'other.free ', 'other.overAllowance tax.officer', 'other.overAllowance tax.general', 'other.notFitting tax.consumptionOnly', 'other.childUnderAllowanceAge tax.simplified']),
    );
    for (const dict of [en, ja, zh, ko]) {
      const t = inLang(dict as Partial<Record<MessageKey, string>>);
      for (const a of all) {
        for (const l of a.lines) {
          const text = [goodsLabel(l, t, num), ...basisText(l, t, num)].join(' ');
          expect(text).not.toMatch(/\{\w+\}|\b[ABXC]\d+\b|\[\d+\]|wine_beer_other|_/);
        }
      }
    }
  });

  it('says a line is the officer’s to assess, never ¥0, in Japanese', () => {
    const t = inLang(ja);
    const handbag = report.lines.find((l) => l.goods?.description === 'Leather handbag')!;
    expect(basisText(handbag, t, num)).toEqual([
      '1個で 412,500 円の品物は免税範囲（200,000 円）を超えるため、全額に課税されます',
      '一般税率が適用されます（課税価格が 100,000 円を超えるため）。247,000 円（412,500 円 × 0.6）に対する税額は税関職員が算定します',
    ]);
  });
});

describe('the result page in every traveller language', () => {
  it('has its own text for every key it shows in zh and ko, not the English fallback', () => {
    const shown = Object.keys(en).filter((k) =>
      /^(pr\.|tr\.done\.|tr\.qr\.|tr\.duty\.|tr\.treatment\.|tr\.alcohol\.|tr\.q\.|tr\.new$)/.test(k),
    ) as MessageKey[];
    expect(shown.length).toBeGreaterThan(60);
    for (const dict of [zh, ko] as Partial<Record<MessageKey, string>>[]) {
      expect(shown.filter((k) => dict[k] === undefined)).toEqual([]);
    }
  });
});
