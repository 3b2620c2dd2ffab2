import { describe, expect, it } from 'vitest';
import { roundingLines } from './assessment-sums.ts';

describe('rounding lines of an estimate', () => {
  it('states the fractions a headline total drops, so the shown figures add up', () => {
    const lines = roundingLines({
      items: [{ dutyYen: 16_350, consumptionTaxYen: 20_045, localConsumptionTaxYen: 5_653 }],
      totals: { dutyYen: 16_300, consumptionTaxYen: 20_000, localConsumptionTaxYen: 5_600 },
    });
    expect(lines).toEqual([
      { tax: 'duty', itemsYen: 16_350, totalYen: 16_300, droppedYen: 50 },
      { tax: 'consumptionTax', itemsYen: 20_045, totalYen: 20_000, droppedYen: 45 },
      { tax: 'localTax', itemsYen: 5_653, totalYen: 5_600, droppedYen: 53 },
    ]);
    for (const l of lines) expect(l.itemsYen - l.droppedYen).toBe(l.totalYen);
  });

  it('adds no line where the items already sum to the headline', () => {
    expect(roundingLines({ items: [{ dutyYen: 1_100, consumptionTaxYen: 0, localConsumptionTaxYen: 0 }], totals: { dutyYen: 1_100, consumptionTaxYen: 0, localConsumptionTaxYen: 0 } })).toEqual([]);
    expect(roundingLines({})).toEqual([]);
  });
});
