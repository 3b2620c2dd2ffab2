/** What the totals of an assessment are made of, so the page can show how each headline follows from the items. */
export interface RoundingLine {
  readonly tax: 'duty' | 'consumptionTax' | 'localTax';
  /** The sum of the items' amounts as shown on the page. */
  readonly itemsYen: number;
  /** The headline total. */
  readonly totalYen: number;
  /** What the rounding took off (itemsYen − totalYen), > 0. */
  readonly droppedYen: number;
}

interface Sums {
  readonly items?: readonly { dutyYen: number; consumptionTaxYen: number; localConsumptionTaxYen: number }[];
  readonly totals?: { dutyYen: number; consumptionTaxYen: number; localConsumptionTaxYen: number };
}

/**
 * The taxes whose headline differs from the sum of the items: each tax total is rounded down below ¥100 (Customs Act
 * Art. 13 for duty; national tax rules for consumption taxes), which the page states so the figures add up.
 */
export function roundingLines(a: Sums): RoundingLine[] {
  if (!a.totals || !a.items || a.items.length === 0) return [];
  const out: RoundingLine[] = [];
  const keys = [
    ['duty', 'dutyYen'],
    ['consumptionTax', 'consumptionTaxYen'],
    ['localTax', 'localConsumptionTaxYen'],
  ] as const;
  for (const [tax, key] of keys) {
    const itemsYen = a.items.reduce((s, it) => s + it[key], 0);
    const totalYen = a.totals[key];
    if (itemsYen !== totalYen) out.push({ tax, itemsYen, totalYen, droppedYen: itemsYen - totalYen });
  }
  return out;
}
