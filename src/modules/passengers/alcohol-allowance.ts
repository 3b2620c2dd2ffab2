import type { AssessmentLine, GoodsRef } from './assessment.schema.ts';
import type { AlcoholItem } from './declaration.schema.ts';
import type { PassengerRules } from './rules.ts';

export interface Indexed<T> {
  readonly index: number;
  readonly item: T;
}

/**
 * A1 + B1–B5: the alcohol allowance (3 bottles of about 760 ml per adult) and the per-litre simplified rates on the
 * rest. `adults` is how many allowances the group has (0 for a traveller under 20). With favourAcrossKinds the
 * most heavily taxed bottles use the allowance first.
 */
export function assessAlcohol(
  items: readonly Indexed<AlcoholItem>[],
  adults: number,
  person: string,
  r: PassengerRules,
  generalRates = false,
): AssessmentLine[] {
  const a = r.alcohol;
  const bottles = items.flatMap(({ index, item }) =>
    Array.from({ length: item.bottles }, () => ({
      index,
      item,
      taxPerBottle: a.yenPerLitre[item.kind] * item.volumeMl,
    })),
  );
  if (a.favourAcrossKinds) bottles.sort((x, y) => y.taxPerBottle - x.taxPerBottle || x.index - y.index);
  let bottlesLeft = a.bottles * adults;
  let mlLeft = a.bottles * a.bottleMl * adults;
  const freeMl = new Map<number, number>();
  const taxedMl = new Map<number, number>();
  const add = (m: Map<number, number>, k: number, v: number): void => {
    if (v > 0) m.set(k, (m.get(k) ?? 0) + v);
  };
  for (const b of bottles) {
    const free = a.counting === 'bottles' ? (bottlesLeft > 0 ? b.item.volumeMl : 0) : Math.min(mlLeft, b.item.volumeMl);
    if (a.counting === 'bottles' && bottlesLeft > 0) bottlesLeft -= 1;
    mlLeft -= free;
    add(freeMl, b.index, free);
    add(taxedMl, b.index, b.item.volumeMl - free);
  }
  const lines: AssessmentLine[] = [];
  for (const { index, item } of items) {
    const label = `alcohol[${index}] ${item.kind} ${item.volumeMl} ml`;
    const goods: GoodsRef = { section: 'alcohol', index, kind: item.kind, volumeMl: item.volumeMl };
    const free = freeMl.get(index) ?? 0;
    const taxed = taxedMl.get(index) ?? 0;
    if (free > 0) {
      lines.push({
        item: label,
        person,
        treatment: 'free_allowance',
        taxableYen: null,
        rate: null,
        dutyYen: 0,
        explanation: `${free} ml within the alcohol allowance (A1: ${a.bottles} bottles of about ${a.bottleMl} ml per person aged ${r.adultAge}+)`,
        goods,
        basis: { code: 'alcohol.free', params: { ml: free, bottles: a.bottles, bottleMl: a.bottleMl, adultAge: r.adultAge } },
      });
    }
    if (taxed > 0 && generalRates) {
      lines.push({
        item: label,
        person,
        treatment: 'officer_assessment',
        taxableYen: null,
        rate: null,
        dutyYen: 0,
        explanation: `${taxed} ml above the allowance; the traveller asked for the general rates (X4): duty, liquor tax and consumption taxes are assessed by the officer`,
        goods,
        basis: { code: 'alcohol.generalRequested', params: { ml: taxed } },
      });
    } else if (taxed > 0) {
      const rate = a.yenPerLitre[item.kind];
      // Per-litre rate on the exact volume; fractions of a yen dropped.
      const duty = Math.floor((rate * taxed) / 1000);
      lines.push({
        item: label,
        person,
        treatment: 'taxed_simplified',
        taxableYen: null,
        rate: `${rate} JPY/L`,
        dutyYen: duty,
        explanation:
          adults === 0
            ? `No alcohol allowance under ${r.adultAge} (A12): ${taxed} ml × ${rate} yen/L`
            : `${taxed} ml above the allowance × ${rate} yen/L (simplified rate, B1–B5)`,
        goods,
        basis:
          adults === 0
            ? { code: 'alcohol.minor', params: { ml: taxed, yenPerLitre: rate, adultAge: r.adultAge } }
            : { code: 'alcohol.simplified', params: { ml: taxed, yenPerLitre: rate } },
      });
    }
  }
  return lines;
}
