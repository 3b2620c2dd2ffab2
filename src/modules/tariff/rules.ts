/**
 * Dated, versioned settings of the assessment. Confirmed values are defaults; what jp-rules marks unconfirmed or
 * third-party-only is flagged `confirmed: false`, and every result that depends on it says so (an assumption note).
 * Replace any part by passing `rules` to `assess`.
 */
export interface Validity {
  readonly validFrom: string;
  /** Exclusive; absent = open-ended (announced reforms have no confirmed date yet). */
  readonly validTo?: string;
}

export const inForce = (v: Validity, date: string): boolean => date >= v.validFrom && (v.validTo === undefined || date < v.validTo);

export interface ConsumptionTaxRule extends Validity {
  /** National consumption tax, percent (消費税法 Art. 29). */
  readonly standardPercent: string;
  /** Reduced rate for food and drink other than liquor (軽減税率), percent. */
  readonly reducedPercent: string;
  /** Local consumption tax as a fraction of the national tax (地方税法 Art. 72-83: 22/78). */
  readonly localNumerator: number;
  readonly localDenominator: number;
}

export interface SmallValueExemptionRule extends Validity {
  /** 関税定率法 Art. 14 (18): total taxable value of the declaration ≤ this is exempt from duty and consumption tax. */
  readonly thresholdYen: number;
  /** Goods excluded by 施行令 Art. 16-3, as HS prefixes (a mapping of third-party quotes: unconfirmed). */
  readonly excludedHsPrefixes: readonly string[];
  readonly exclusionsConfirmed: boolean;
}

export interface PersonalUseRule extends Validity {
  /** 関税定率法 Art. 4-6 / 施行令 Art. 1-13: private-use goods valued at the wholesale price = retail × factor. */
  readonly factor: string;
  /** Whether freight and insurance are added to the reduced value (third parties say not: unconfirmed). */
  readonly addFreightAndInsurance: boolean;
  readonly confirmed: boolean;
}

export interface SimplifiedCategory {
  readonly id: string;
  readonly label: string;
  /** `percent` for ad-valorem rows, `yenPerLitre` for the alcohol rows. */
  readonly percent?: string;
  readonly yenPerLitre?: string;
  readonly hsPrefixes: readonly string[];
}

export interface SimplifiedTariffRule extends Validity {
  /** 関税定率法 Art. 3-3 (少額輸入貨物に対する簡易税率): declarations of total customs value ≤ this. */
  readonly thresholdYen: number;
  readonly version: string;
  readonly confirmed: boolean;
  readonly categories: readonly SimplifiedCategory[];
  /** The row for everything not listed (S9 "other goods"). */
  readonly otherPercent: string;
  /** Goods excluded for the sake of domestic industry (confirmed only as "靴・バッグ類など"). */
  readonly excludedHsPrefixes: readonly string[];
}

export interface GspPolicy {
  /** The beneficiary list is partial: whether an origin in no list gets the GSP rate (default: no, with a note). */
  readonly assumeUnlistedEligible: boolean;
  /** Beneficiaries the operator adds (ISO alpha-2), e.g. once the full list is known. */
  readonly extraBeneficiaries: readonly string[];
}

export interface AssessmentRules {
  readonly consumptionTax: readonly ConsumptionTaxRule[];
  readonly smallValueExemption: SmallValueExemptionRule;
  readonly personalUse: PersonalUseRule;
  readonly simplifiedTariff: SimplifiedTariffRule;
  readonly gsp: GspPolicy;
  /** Statutory gate prices (基準輸入価格) in yen per unit by the schedule's name (`部分肉`, `枝肉`…): none by default. */
  readonly referencePrices: Readonly<Record<string, string>>;
}

export const DEFAULT_RULES: AssessmentRules = {
  // 10 % in all since 2019-10-01 (7.8 % national + 2.2 % local; reduced 6.24 % + 1.76 %).
  consumptionTax: [
    { validFrom: '2019-10-01', standardPercent: '7.8', reducedPercent: '6.24', localNumerator: 22, localDenominator: 78 },
  ],
  // Customs Answer 1006: "10,000 yen or less" (以下), so exactly 10,000 is exempt. A reform (reported for 2028) would
  // end it; no date is confirmed, so the rule stays open-ended until configured.
  smallValueExemption: {
    validFrom: '1900-01-01',
    thresholdYen: 10_000,
    excludedHsPrefixes: ['420211', '420221', '420231', '420291', '420321', '420329', '61', '6115', '6401', '640212', '640312', '6403'],
    exclusionsConfirmed: false,
  },
  personalUse: { validFrom: '1900-01-01', factor: '0.6', addFreightAndInsurance: false, confirmed: false },
  simplifiedTariff: {
    validFrom: '1900-01-01',
    thresholdYen: 200_000,
    version: 'third-party values recorded 2026-11-23 (jp-rules/small-imports.md §B.2)',
    confirmed: false,
    categories: [
      { id: 'S1', label: 'wine', yenPerLitre: '70', hsPrefixes: ['2204'] },
      { id: 'S2', label: 'shochu and other distilled spirits', yenPerLitre: '20', hsPrefixes: ['2208'] },
      { id: 'S3', label: 'sake, cider and other alcoholic beverages', yenPerLitre: '30', hsPrefixes: ['2203', '2205', '2206'] },
      { id: 'S4', label: 'tomato sauce, ice cream, furskins, fur articles', percent: '20', hsPrefixes: ['210320', '2105', '4301', '4303'] },
      { id: 'S5', label: 'coffee, tea (except black tea), tanned furskins', percent: '15', hsPrefixes: ['0901', '090210', '090220', '4302'] },
      { id: 'S6', label: 'apparel, not knitted', percent: '10', hsPrefixes: ['62'] },
      {
        id: 'S7',
        label: 'plastic, glass, base-metal articles, furniture, toys',
        percent: '3',
        hsPrefixes: ['39', '70', '74', '75', '76', '78', '79', '81', '82', '83', '94', '95'],
      },
      { id: 'S8', label: 'rubber, paper, ceramic, iron/steel, tin articles', percent: '0', hsPrefixes: ['40', '48', '69', '73', '80'] },
    ],
    otherPercent: '5',
    excludedHsPrefixes: ['4202', '4203', '61', '64'],
  },
  gsp: { assumeUnlistedEligible: false, extraBeneficiaries: [] },
  referencePrices: {},
};

export const startsWithAny = (code: string, prefixes: readonly string[]): string | undefined =>
  prefixes.find((p) => code.startsWith(p));
