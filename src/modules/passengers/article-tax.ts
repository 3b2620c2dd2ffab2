import { yen } from './yen-format.ts';
import { Decimal, truncateYen } from '../../kernel/index.ts';
import type { Treatment } from './assessment.schema.ts';
import type { PassengerRules } from './rules.ts';

/** How an article above the allowance is taxed, valued by overseas market value in yen. */
export interface ArticleFlags {
  readonly dutyFree?: boolean | undefined;
  readonly generalDutyRatePercent?: string | undefined;
  readonly food?: boolean | undefined;
  readonly excludedFromSimplifiedRates?: boolean | undefined;
  /** B.0 / X4: the traveller declined the simplified rates for all goods. */
  readonly generalRatesRequested?: boolean | undefined;
}

export interface ArticleTax {
  readonly treatment: Extract<
    Treatment,
    'taxed_simplified' | 'taxed_consumption_only' | 'taxed_general' | 'officer_assessment'
  >;
  readonly taxableYen: number;
  readonly rate: string | null;
  readonly dutyYen: number;
  /** What the selection of duty-free goods weighs: the tax, or an estimate where an officer must assess. */
  readonly weightYen: number;
  readonly explanation: string;
  /** The same as a code and parameters (see BasisSchema.tax). */
  readonly tax: { readonly code: string; readonly params: Record<string, string | number> };
}

const pct = (d: Decimal): string => `${d.times(100).toString()}%`;

/** B.2: taxable value = overseas retail price × 0.6, truncated per the rounding setting. */
export function taxableValue(valueYen: number, r: PassengerRules): number {
  return truncateYen(new Decimal(valueYen).times(r.other.valuationFactor).floor(), r.rounding.taxableValueUnit);
}

function consumptionTax(base: number, flags: ArticleFlags, r: PassengerRules): { yen: number; rate: Decimal } {
  const national = new Decimal(
    flags.food && r.consumptionTax.reducedForFood ? r.consumptionTax.nationalReduced : r.consumptionTax.national,
  );
  const nationalYen = national.times(base).floor();
  // Local consumption tax is 22/78 of the national tax (B.4).
  const localYen = nationalYen.times(22).dividedBy(78).floor();
  return { yen: nationalYen.plus(localYen).toNumber(), rate: national.times(100).dividedBy(78) };
}

export function articleTax(valueYen: number, flags: ArticleFlags, r: PassengerRules): ArticleTax {
  const taxableYen = taxableValue(valueYen, r);
  const simplified = new Decimal(r.other.simplifiedRate);
  const excluded =
    flags.excludedFromSimplifiedRates === true ||
    flags.generalRatesRequested === true ||
    taxableYen > r.other.simplifiedMaxTaxableYen;
  const why = `taxable value ${yen(taxableYen)} yen = ${yen(valueYen)} × ${r.other.valuationFactor}`;
  const valued = { taxableYen, valueYen, factor: String(r.other.valuationFactor) };
  if (!excluded && flags.dutyFree) {
    const ct = consumptionTax(taxableYen, flags, r);
    return {
      treatment: 'taxed_consumption_only',
      taxableYen,
      rate: pct(ct.rate),
      dutyYen: ct.yen,
      weightYen: ct.yen,
      explanation: `Free of customs duty: consumption taxes only (B10) on ${why}`,
      tax: { code: 'tax.consumptionOnly', params: { ...valued, ratePercent: ct.rate.times(100).toDecimalPlaces(2).toString() } },
    };
  }
  if (!excluded) {
    const yen = simplified.times(taxableYen).floor().toNumber();
    return {
      treatment: 'taxed_simplified',
      taxableYen,
      rate: pct(simplified),
      dutyYen: yen,
      weightYen: yen,
      explanation: `Simplified rate ${pct(simplified)} (B9) on ${why}`,
      tax: { code: 'tax.simplified', params: { ...valued, ratePercent: simplified.times(100).toString() } },
    };
  }
  const because = flags.generalRatesRequested ? 'requested' : flags.excludedFromSimplifiedRates ? 'excluded' : 'overSimplifiedMax';
  const reason = flags.generalRatesRequested
    ? 'the traveller asked for the general rates (X4)'
    : flags.excludedFromSimplifiedRates
      ? 'goods excluded from the simplified rates (X2/X3)'
      : `taxable value above ${yen(r.other.simplifiedMaxTaxableYen)} yen (X1)`;
  const dutyRate = flags.dutyFree
    ? new Decimal(0)
    : flags.generalDutyRatePercent !== undefined
      ? new Decimal(flags.generalDutyRatePercent).dividedBy(100)
      : null;
  if (dutyRate === null) {
    // Without the tariff line the duty cannot be computed here; weigh it like a simplified article so that the
    // selection still prefers to exempt it, and leave the amount to the officer.
    return {
      treatment: 'officer_assessment',
      taxableYen,
      rate: null,
      dutyYen: 0,
      weightYen: simplified.times(taxableYen).floor().toNumber(),
      explanation: `General rates apply — ${reason}; the officer assesses duty and consumption taxes on ${why}`,
      tax: { code: 'tax.officer', params: { ...valued, because, simplifiedMaxYen: r.other.simplifiedMaxTaxableYen } },
    };
  }
  const duty = dutyRate.times(taxableYen).floor().toNumber();
  const base = truncateYen(taxableYen + truncateYen(duty, 100), 1000);
  const ct = consumptionTax(base, flags, r);
  return {
    treatment: 'taxed_general',
    taxableYen,
    rate: `${pct(dutyRate)} duty + ${pct(ct.rate)} consumption taxes`,
    dutyYen: duty + ct.yen,
    weightYen: duty + ct.yen,
    explanation: `General rates — ${reason}: duty ${yen(duty)} yen on ${why}, consumption taxes ${yen(ct.yen)} yen on ${yen(base)} yen`,
    tax: {
      code: 'tax.general',
      params: {
        ...valued,
        because,
        simplifiedMaxYen: r.other.simplifiedMaxTaxableYen,
        dutyPercent: dutyRate.times(100).toString(),
        dutyYen: duty,
        consumptionYen: ct.yen,
        consumptionBaseYen: base,
      },
    },
  };
}
