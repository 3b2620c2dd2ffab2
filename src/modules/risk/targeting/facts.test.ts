import { describe, expect, it } from 'vitest';
import { declarationFacts } from './facts.ts';
import { sampleDeclaration } from './test-fixtures.ts';

describe('declaration facts for targeting', () => {
  const facts = declarationFacts(sampleDeclaration, {
    declarationId: 'd1',
    isAeo: (id) => id === 'imp-1',
    itemValuesYen: [750_000, null],
  });

  it('takes the departure country from the port of loading', () => {
    expect(facts).toMatchObject({
      portOfLoading: 'CNSHA',
      departureCountry: 'CN',
      transportMode: 'sea',
      customsOffice: '1A',
    });
  });

  it('takes AEO status of the importer for an import and of the exporter for an export', () => {
    expect(facts.traderAeo).toBe(true);
    const exp = declarationFacts(
      { ...sampleDeclaration, kind: 'export', exporter: { partyId: 'exp-1' } },
      { declarationId: 'd2', isAeo: (id) => id === 'imp-1' },
    );
    expect(exp.traderAeo).toBe(false);
  });

  it('computes yen per unit of the first quantity, and none without a value', () => {
    expect(facts.items.map((i) => [i.valueYen, i.unitPriceYen, i.unit])).toEqual([
      [750_000, '7500.00', 'NO'],
      [null, null, 'DZ'],
    ]);
  });
});
