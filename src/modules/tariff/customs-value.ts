import { Decimal, note, scaled, scaledFloor, scaledSumFloor, scaledTimes, truncateYen, type Money, type Scaled } from '../../kernel/index.ts';
import { parsedDecimal, type ParsedDecimal } from './decimal-cache.ts';
import type { PersonalUseRule } from './rules.ts';
import type { AssessmentNote } from './schema.ts';

/** Which costs the declared value already contains, by Incoterm (the customs value is CIF at the Japanese port). */
const ADDS: Record<string, { freight: boolean; insurance: boolean }> = {
  EXW: { freight: true, insurance: true },
  FCA: { freight: true, insurance: true },
  FAS: { freight: true, insurance: true },
  FOB: { freight: true, insurance: true },
  CFR: { freight: false, insurance: true },
  CPT: { freight: false, insurance: true },
};

export const needsFreight = (incoterm: string): boolean => ADDS[incoterm]?.freight === true;

export interface ValuedItem {
  readonly value: Money;
  readonly personalUse?: boolean | undefined;
}

export interface ValuationInput {
  readonly incoterm: string;
  readonly freight: Money | undefined;
  readonly insurance: Money | undefined;
  readonly items: readonly ValuedItem[];
  /** Yen per unit; callers resolve every currency first (JPY = 1). */
  readonly yenPer: (currency: string) => ParsedDecimal;
  /** The personal-use rule in force on the date, if any. */
  readonly personalUse: PersonalUseRule | undefined;
}

export interface Valuation {
  /** Each item's CIF value truncated below 1,000 yen (the taxable value). */
  readonly taxableYen: number[];
  /** The declaration's total CIF value in whole yen: the exact sum floored once. */
  readonly totalYen: number;
  readonly notes: AssessmentNote[];
}

/**
 * CIF value of each item in yen: value × rate, plus (for F- and C-terms that exclude them) the header freight and
 * insurance apportioned by value; private-use goods at the configured share of the retail price.
 */
export function customsValues(input: ValuationInput): Valuation {
  const notes: AssessmentNote[] = [];
  const adds = ADDS[input.incoterm] ?? NO_ADDS;
  if (!adds.freight && input.freight) notes.push(note('FREIGHT_INCLUDED', { incoterm: input.incoterm }));
  if (!adds.insurance && input.insurance) notes.push(note('INSURANCE_INCLUDED', { incoterm: input.incoterm }));
  if (adds.insurance && !input.insurance) notes.push(note('NO_INSURANCE'));
  if (D_TERMS.includes(input.incoterm)) {
    notes.push(note('D_TERM_VALUE', { incoterm: input.incoterm }));
  }
  const added = (m: Money | undefined, add: boolean): boolean => add && m !== undefined && !new Decimal(m.amount).isZero();
  // Without freight or insurance to apportion every value is a product of decimals: exact on scaled integers.
  const exact = added(input.freight, adds.freight) || added(input.insurance, adds.insurance) ? undefined : exactValues(input);
  const { taxableYen, totalYen } = exact ?? decimalValues(input, adds);
  return { taxableYen, totalYen, notes };
}

const NO_ADDS = { freight: false, insurance: false };
const D_TERMS = ['DAP', 'DPU', 'DDP'];

/** The values as exact scaled integers while every product and the total stay below 2^53, else undefined. */
function exactValues(input: ValuationInput): { taxableYen: number[]; totalYen: number } | undefined {
  const pu = input.personalUse;
  const factor = pu ? parsedDecimal(pu.factor).scaled : undefined;
  const values: Scaled[] = [];
  for (const item of input.items) {
    const amount = scaled(item.value.amount);
    const rate = input.yenPer(item.value.currency).scaled;
    let v = amount && rate ? scaledTimes(amount, rate) : undefined;
    if (v && item.personalUse && pu) v = factor ? scaledTimes(v, factor) : undefined;
    if (!v) return undefined;
    values.push(v);
  }
  const totalYen = scaledSumFloor(values);
  if (totalYen === undefined) return undefined;
  return { taxableYen: values.map((v) => truncateYen(scaledFloor(v), 1000)), totalYen };
}

function decimalValues(input: ValuationInput, adds: { freight: boolean; insurance: boolean }): { taxableYen: number[]; totalYen: number } {
  const goods = input.items.map((i) => new Decimal(i.value.amount).times(input.yenPer(i.value.currency).decimal));
  const total = goods.reduce((a, b) => a.plus(b), new Decimal(0));
  const yen = (m: Money | undefined): Decimal => (m ? new Decimal(m.amount).times(input.yenPer(m.currency).decimal) : new Decimal(0));
  const freight = adds.freight ? yen(input.freight) : new Decimal(0);
  const insurance = adds.insurance ? yen(input.insurance) : new Decimal(0);
  const n = input.items.length;
  const values = input.items.map((item, i) => {
    // Freight and insurance follow the goods value; with no value at all they are shared equally.
    // Multiply before dividing so exact shares stay exact (75,000 × 1,500,000 / 2,250,000 = 50,000).
    const all = freight.plus(insurance);
    const costs = total.isZero() ? all.dividedBy(n) : all.times(goods[i]!).dividedBy(total);
    const pu = input.personalUse;
    if (item.personalUse && pu) {
      const reduced = goods[i]!.times(pu.factor);
      return pu.addFreightAndInsurance ? reduced.plus(costs) : reduced;
    }
    return goods[i]!.plus(costs);
  });
  return {
    taxableYen: values.map((v) => truncateYen(v, 1000)),
    totalYen: values.reduce((a, b) => a.plus(b), new Decimal(0)).floor().toNumber(),
  };
}
