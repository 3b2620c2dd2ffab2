import { yen } from './yen-format.ts';
import { Decimal } from '../../kernel/index.ts';
import { articleTax } from './article-tax.ts';
import type { AssessmentLine, GoodsRef } from './assessment.schema.ts';
import type { PerfumeItem } from './declaration.schema.ts';
import type { PassengerRules } from './rules.ts';

export interface PricedPerfume {
  readonly index: number;
  readonly item: PerfumeItem;
  readonly valueYen: number;
}

/**
 * A7: 2 oz of perfume per person (not under 6). The dearest perfume per ounce uses the allowance first, since the
 * excess is taxed on its value; the excess of a bottle is valued pro rata to its ounces (an assumption the
 * assessment lists).
 */
export function assessPerfume(
  items: readonly PricedPerfume[],
  persons: number,
  person: string,
  r: PassengerRules,
  generalRates = false,
): AssessmentLine[] {
  const perOz = (p: PricedPerfume): Decimal => new Decimal(p.valueYen).dividedBy(p.item.ounces);
  const ordered = [...items].sort((x, y) => perOz(y).comparedTo(perOz(x)) || x.index - y.index);
  let left = new Decimal(r.perfume.ounces).times(persons);
  const byIndex = new Map<number, AssessmentLine[]>();
  for (const p of ordered) {
    const label = `perfume[${p.index}] ${p.item.description ?? p.item.kind}`;
    const goods: GoodsRef = { section: 'perfume', index: p.index, kind: p.item.kind, ...(p.item.description ? { description: p.item.description } : {}) };
    const oz = new Decimal(p.item.ounces);
    const free = Decimal.min(oz, left);
    left = left.minus(free);
    const lines: AssessmentLine[] = [];
    if (free.gt(0)) {
      lines.push({
        item: label,
        person,
        treatment: 'free_allowance',
        taxableYen: null,
        rate: null,
        dutyYen: 0,
        explanation: `${free.toString()} oz within the perfume allowance (A7: ${r.perfume.ounces} oz per person)`,
        goods,
        basis: { code: 'perfume.free', params: { oz: free.toString(), allowanceOz: String(r.perfume.ounces) } },
      });
    }
    const excess = oz.minus(free);
    if (excess.gt(0)) {
      const excessYen = new Decimal(p.valueYen).times(excess).dividedBy(oz).floor().toNumber();
      const tax = articleTax(excessYen, { generalRatesRequested: generalRates }, r);
      lines.push({
        item: label,
        person,
        treatment: tax.treatment,
        taxableYen: tax.taxableYen,
        rate: tax.rate,
        dutyYen: tax.dutyYen,
        explanation: `${excess.toString()} oz above the allowance, valued ${yen(excessYen)} yen pro rata; ${tax.explanation}`,
        goods,
        basis: { code: 'perfume.excess', params: { oz: excess.toString(), excessYen }, tax: tax.tax },
      });
    }
    byIndex.set(p.index, lines);
  }
  return items.flatMap(({ index }) => byIndex.get(index) ?? []);
}
