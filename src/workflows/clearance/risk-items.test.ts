import { describe, expect, it } from 'vitest';
import { generatorRateOf, sampleConsignment } from '../../modules/consignments/index.ts';
import { lineYen, trainConsignmentModel } from './consignment-model.ts';
import { consignmentRiskItems } from './risk-items.ts';

describe('consignment risk items', () => {
  it('maps each item line with only what the platform sent: the declared code (or none), the seller as origin, the line in yen', () => {
    const c = sampleConsignment();
    const items = consignmentRiskItems(c, [3885, 900], '2026-11-20');
    expect(items.map((i) => [i.hs, i.origin, i.seller, i.courier, i.value])).toEqual([
      ['851830', 'CN', 'Shenzhen Bright Gadget Co.', '888', 3885],
      ['', 'CN', 'Shenzhen Bright Gadget Co.', '888', 900],
    ]);
    expect(items[0]!.netMassKg).toBeCloseTo(0.175);
  });

  it('values each line in whole yen, truncated', () => {
    expect(lineYen(sampleConsignment(), generatorRateOf)).toEqual([3885, 900]); // 25.90 × 150, 6.00 × 150
  });

  it('trains a model that ranks the generated non-compliant consignments above chance', () => {
    const { model, validAuc } = trainConsignmentModel({ count: 1500, trees: 20 });
    expect(validAuc).toBeGreaterThan(0.6);
    expect(model.metadata['trainedOn']).toBe('generated-consignment-history');
  });
});
