import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../kernel/index.ts';
import { declarationOutcomes, findingsToLabels, validateFinding, type Finding } from './findings.ts';

const problems = (input: unknown, items?: number) => {
  const r = validateFinding(input, items);
  return r.ok ? [] : (r.error.details as { problems: Problem[] }).problems.map((p) => [p.path, p.code]);
};
const f = (over: Partial<Finding>): Finding =>
  ({
    findingId: 'f',
    officerId: 'o1',
    at: '2026-11-20T10:00:00Z',
    declarationId: 'd1',
    kind: 'no_discrepancy',
    ...over,
  }) as Finding;

describe('inspection findings', () => {
  it('accepts each kind in its proper form', () => {
    expect(problems({ declarationId: 'd1', item: 0, kind: 'no_discrepancy' })).toEqual([]);
    expect(problems({ declarationId: 'd1', kind: 'discrepancy_revenue', revenueYen: 120_000 })).toEqual([]);
    expect(problems({ declarationId: 'd1', item: 1, kind: 'prohibited_goods', note: 'counterfeit' })).toEqual([]);
  });

  it('needs a yen amount on a revenue discrepancy, and only there', () => {
    expect(problems({ declarationId: 'd1', kind: 'discrepancy_revenue' })).toEqual([
      ['$.revenueYen', 'RISK.FINDING_INVALID'],
    ]);
    expect(problems({ declarationId: 'd1', kind: 'no_discrepancy', revenueYen: 5 })).toEqual([
      ['$.revenueYen', 'RISK.FINDING_INVALID'],
    ]);
    expect(problems({ declarationId: 'd1', kind: 'discrepancy_revenue', revenueYen: 10.5 })).toEqual([
      ['$.revenueYen', 'RISK.FINDING_INVALID'],
    ]);
  });

  it('refuses an unknown kind and an item the declaration does not have', () => {
    expect(problems({ declarationId: 'd1', kind: 'smuggling' })).toEqual([['$.kind', 'RISK.FINDING_INVALID']]);
    expect(problems({ declarationId: 'd1', item: 2, kind: 'no_discrepancy' }, 2)).toEqual([
      ['$.item', 'RISK.FINDING_INVALID'],
    ]);
  });
});

describe('findings become labels', () => {
  it('labels discrepancies and prohibited goods 1, no discrepancy 0', () => {
    const labels = findingsToLabels([
      f({ declarationId: 'a', item: 0 }),
      f({ declarationId: 'b', item: 0, kind: 'discrepancy_revenue', revenueYen: 50_000 }),
      f({ declarationId: 'c', kind: 'prohibited_goods' }),
    ]);
    expect(labels.map((l) => [l.declarationId, l.item, l.label, l.revenueYen])).toEqual([
      ['a', 0, 0, 0],
      ['b', 0, 1, 50_000],
      ['c', null, 1, 0],
    ]);
  });

  it('follows the latest finding on an item when an officer corrects it', () => {
    const labels = findingsToLabels([
      f({ item: 0, kind: 'discrepancy_revenue', revenueYen: 9000, at: '2026-11-20T10:00:00Z' }),
      f({ item: 0, kind: 'no_discrepancy', at: '2026-11-21T09:00:00Z' }),
      f({ item: 1, kind: 'no_discrepancy', at: '2026-11-20T10:00:00Z' }),
    ]);
    expect(labels.map((l) => [l.item, l.label])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('sums a declaration outcome over its items', () => {
    const out = declarationOutcomes(
      findingsToLabels([
        f({ item: 0, kind: 'discrepancy_revenue', revenueYen: 9000 }),
        f({ item: 1, kind: 'discrepancy_revenue', revenueYen: 1000 }),
        f({ item: 2 }),
      ]),
    );
    expect(out.get('d1')).toEqual({ declarationId: 'd1', label: 1, revenueYen: 10_000, prohibited: false });
  });
});
