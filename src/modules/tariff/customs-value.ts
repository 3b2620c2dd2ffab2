import { Decimal, type Money } from '../../kernel/index.ts';
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
  readonly yenPer: (currency: string) => Decimal;
  /** The personal-use rule in force on the date, if any. */
  readonly personalUse: PersonalUseRule | undefined;
}

/**
 * CIF value of each item in yen, not yet truncated: value × rate, plus (for F- and C-terms that exclude them) the
 * header freight and insurance apportioned by value; private-use goods at the configured share of the retail price.
 */
export function customsValues(input: ValuationInput): { values: Decimal[]; notes: AssessmentNote[] } {
  const notes: AssessmentNote[] = [];
  const goods = input.items.map((i) => new Decimal(i.value.amount).times(input.yenPer(i.value.currency)));
  const total = goods.reduce((a, b) => a.plus(b), new Decimal(0));
  const adds = ADDS[input.incoterm] ?? { freight: false, insurance: false };
  const yen = (m: Money | undefined): Decimal => (m ? new Decimal(m.amount).times(input.yenPer(m.currency)) : new Decimal(0));
  const freight = adds.freight ? yen(input.freight) : new Decimal(0);
  const insurance = adds.insurance ? yen(input.insurance) : new Decimal(0);
  if (!adds.freight && input.freight) notes.push({ code: 'FREIGHT_INCLUDED', message: `${input.incoterm} values include freight; the header freight was not added` });
  if (!adds.insurance && input.insurance) notes.push({ code: 'INSURANCE_INCLUDED', message: `${input.incoterm} values include insurance; the header insurance was not added` });
  if (adds.insurance && !input.insurance) notes.push({ code: 'NO_INSURANCE', message: 'no insurance declared: none added to the customs value' });
  if (['DAP', 'DPU', 'DDP'].includes(input.incoterm)) {
    notes.push({ code: 'D_TERM_VALUE', message: `${input.incoterm}: costs after arrival (and for DDP duties and taxes) must be deducted from the declared value by the declarant` });
  }
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
  return { values, notes };
}
