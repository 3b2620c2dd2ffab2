import { err, ok, type DomainError, type Result } from '../../kernel/index.ts';
import type { AlcoholKind } from './declaration.schema.ts';
import type { Assumption } from './assessment.schema.ts';
import { PassengerErrors } from './errors.ts';

/**
 * Passenger allowances and simplified rates as dated configuration (source: shared/data/jp-rules/passengers.md).
 * Every setting the source marks UNCONFIRMED is a field here, and `assumptionsOf` reports the value in force so
 * that an assessment never hides a guess.
 */
export type Boundary = 'lte' | 'lt';

export interface PassengerRules {
  readonly id: string;
  readonly validFrom: string;
  /** Exclusive; null = open-ended. */
  readonly validTo: string | null;
  readonly adultAge: number;
  /** Under this age only goods for the child's own use get allowances (A12). */
  readonly allowanceMinAge: number;
  readonly alcohol: {
    readonly bottles: number;
    readonly bottleMl: number;
    /** A1 says "3 bottles of about 760 ml": count bottles, or count 3 × 760 ml of volume. */
    readonly counting: 'bottles' | 'volume';
    /** C5: exempt the most heavily taxed bottles first, or keep the declared order. */
    readonly favourAcrossKinds: boolean;
    readonly yenPerLitre: Readonly<Record<AlcoholKind, number>>;
  };
  readonly tobacco: {
    readonly cigarettes: number;
    readonly cigars: number;
    readonly heatNotBurnPackages: number;
    readonly otherGrams: number;
    /** A6/C1: with several kinds, each kind uses its share of one allowance ("proportional"), or each kind has its own. */
    readonly mixing: 'proportional' | 'per_kind';
    readonly cigaretteYen: number;
    readonly heatNotBurnStickYen: number;
    readonly heatNotBurnCapsuleYen: number;
  };
  readonly perfume: { readonly ounces: string; readonly eauDeToiletteIsPerfume: boolean };
  readonly other: {
    readonly allowanceYen: number;
    readonly allowanceBoundary: Boundary;
    readonly smallKindYen: number;
    readonly smallKindBoundary: Boundary;
    /** B.2 (and C8): taxable value = overseas retail price × this factor. */
    readonly valuationFactor: string;
    readonly simplifiedRate: string;
    /** X1: an article whose taxable value exceeds this pays the general rates. */
    readonly simplifiedMaxTaxableYen: number;
    /** A13/C5: what "in the traveller's favour" optimises. */
    readonly objective: 'min_tax' | 'max_value';
    /** Lists up to this many articles are optimised exactly; longer ones greedily. */
    readonly exactUpTo: number;
  };
  readonly consumptionTax: {
    readonly national: string;
    readonly nationalReduced: string;
    readonly reducedForFood: boolean;
  };
  /** C6: truncations. 1 = to the yen. */
  readonly rounding: { readonly taxableValueUnit: 1 | 1000; readonly totalUnit: 1 | 100 };
  /** A15/C4: family members' allowances are per person ("none") or pooled. */
  readonly familyPooling: 'none' | 'pooled';
}

export const RULES_2021_10: PassengerRules = {
  id: 'JP-PASSENGER-2021-10',
  // Heat-not-burn figures (A4) and the 15-yen cigarette rate apply from 2021-10-01; the rest is older and unchanged.
  validFrom: '2021-10-01',
  validTo: null,
  adultAge: 20,
  allowanceMinAge: 6,
  alcohol: {
    bottles: 3,
    bottleMl: 760,
    counting: 'bottles',
    favourAcrossKinds: true,
    yenPerLitre: {
      whisky_brandy: 800,
      rum_gin_vodka: 500,
      liqueur: 400,
      shochu_other_spirits: 300,
      wine_beer_other: 200,
    },
  },
  tobacco: {
    cigarettes: 200,
    cigars: 50,
    heatNotBurnPackages: 10,
    otherGrams: 250,
    mixing: 'proportional',
    cigaretteYen: 15,
    heatNotBurnStickYen: 15,
    heatNotBurnCapsuleYen: 50,
  },
  perfume: { ounces: '2', eauDeToiletteIsPerfume: false },
  other: {
    allowanceYen: 200_000,
    allowanceBoundary: 'lte',
    smallKindYen: 10_000,
    smallKindBoundary: 'lte',
    valuationFactor: '0.6',
    simplifiedRate: '0.15',
    simplifiedMaxTaxableYen: 100_000,
    objective: 'min_tax',
    exactUpTo: 22,
  },
  consumptionTax: { national: '0.078', nationalReduced: '0.0624', reducedForFood: false },
  rounding: { taxableValueUnit: 1000, totalUnit: 100 },
  familyPooling: 'none',
};

export const PASSENGER_RULE_SETS: readonly PassengerRules[] = [RULES_2021_10];

export type RulesOverrides = {
  readonly [K in keyof PassengerRules]?: PassengerRules[K] extends object
    ? Partial<PassengerRules[K]>
    : PassengerRules[K];
};

/** The rule set in force on `date` (YYYY-MM-DD), with optional overrides of unconfirmed settings. */
export function rulesFor(
  date: string,
  overrides: RulesOverrides = {},
  sets: readonly PassengerRules[] = PASSENGER_RULE_SETS,
): Result<PassengerRules, DomainError> {
  const base = sets.find((r) => r.validFrom <= date && (r.validTo === null || date < r.validTo));
  if (!base) return err(PassengerErrors.noRulesForDate(`No passenger rules in force on ${date}`, { date }));
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] =
      typeof value === 'object' && value !== null && typeof current === 'object' ? { ...current, ...value } : value;
  }
  return ok(merged as unknown as PassengerRules);
}

export const within = (value: number, limit: number, boundary: Boundary): boolean =>
  boundary === 'lte' ? value <= limit : value < limit;

/** The unconfirmed settings in force, in the words of passengers.md §C. */
export function assumptionsOf(r: PassengerRules): Assumption[] {
  return [
    {
      id: 'C1',
      setting: 'tobacco.mixing',
      value: r.tobacco.mixing,
      note: 'A6 "more than one kind: total allowance 250 g" — conversion unconfirmed; proportional = each kind uses its share of one allowance',
    },
    {
      id: 'C2',
      setting: 'perfume.eauDeToiletteIsPerfume',
      value: String(r.perfume.eauDeToiletteIsPerfume),
      note: 'A8: eau de toilette / cologne not counted as perfume (third-party sources only); otherwise valued as other goods',
    },
    {
      id: 'C3',
      setting: 'other.allowanceBoundary / other.smallKindBoundary',
      value: `${r.other.allowanceBoundary} ${r.other.allowanceYen} / ${r.other.smallKindBoundary} ${r.other.smallKindYen}`,
      note: 'Exact boundaries at 200,000 and 10,000 yen are ambiguous in the sources',
    },
    {
      id: 'C4',
      setting: 'familyPooling',
      value: r.familyPooling,
      note: 'A15: allowances are stated per person; pooling family members is unconfirmed',
    },
    {
      id: 'C5',
      setting: 'other.objective / alcohol.favourAcrossKinds',
      value: `${r.other.objective} / ${String(r.alcohol.favourAcrossKinds)}`,
      note: "A13: Customs picks the duty-free goods in the traveller's favour; the exact criterion is unconfirmed",
    },
    {
      id: 'C6',
      setting: 'rounding',
      value: `taxable value truncated to ${r.rounding.taxableValueUnit} yen per article; total truncated to ${r.rounding.totalUnit} yen`,
      note: 'Per-article or total rounding for the simplified passenger tax is unconfirmed',
    },
    {
      id: 'C7',
      setting: 'consumptionTax.reducedForFood',
      value: String(r.consumptionTax.reducedForFood),
      note: 'Reduced 8 % consumption tax for food souvenirs is unconfirmed',
    },
    {
      id: 'C8',
      setting: 'other.valuationFactor',
      value: r.other.valuationFactor,
      note: 'FY2026 reform may end the ×0.6 valuation for personal imports; whether souvenirs keep it, and from when, is unconfirmed',
    },
    {
      id: 'A1',
      setting: 'alcohol.counting',
      value: `${r.alcohol.counting} (${r.alcohol.bottles} × ${r.alcohol.bottleMl} ml)`,
      note: 'How bottles larger than about 760 ml count is not stated',
    },
  ];
}
