import { describe, expect, it } from 'vitest';
import { importerSizeBand, selectionRates, type GroupedDecision } from './selection-rates.ts';

const d = (
  lane: GroupedDecision['lane'],
  origins: string[],
  size: GroupedDecision['importerSize'],
  control = false,
): GroupedDecision => ({
  lane,
  control,
  originCountries: origins,
  importerSize: size,
});

describe('selection rate per group', () => {
  const ds = [
    d('red', ['CN'], 'micro'),
    d('green', ['CN'], 'micro'),
    d('yellow', ['CN', 'VN'], 'large'),
    d('green', ['VN'], 'large'),
    d('green', ['VN'], 'large'),
    d('red', ['US'], 'large', true), // a control pick: not counted as targeting
  ];
  const r = selectionRates(ds, 3);

  it('counts a declaration once in each origin it has, and control picks not as selected', () => {
    expect(r.overallRate).toBeCloseTo(2 / 6);
    expect(r.byOrigin.map((g) => [g.group, g.declarations, g.selected])).toEqual([
      ['CN', 3, 2],
      ['VN', 3, 1],
      ['US', 1, 0],
    ]);
    expect(r.byOrigin[0]).toMatchObject({ red: 1, yellow: 1, small: false });
    expect(r.byOrigin[0]?.ratio).toBeCloseTo(2);
    expect(r.byOrigin[2]?.small).toBe(true);
  });

  it('reports by importer size band', () => {
    expect(r.byImporterSize.map((g) => [g.group, g.rate])).toEqual([
      ['large', 0.25],
      ['micro', 0.5],
    ]);
  });

  it('bands importers by their yearly declarations', () => {
    expect([null, 0, 9, 10, 99, 100, 999, 1000].map(importerSizeBand)).toEqual([
      'unknown',
      'micro',
      'micro',
      'small',
      'small',
      'medium',
      'medium',
      'large',
    ]);
  });
});
