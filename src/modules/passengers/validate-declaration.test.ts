import { describe, expect, it } from 'vitest';
import { declarationFixture } from './test-fixtures.ts';
import { ageOn, isCalendarDate, validateDeclaration } from './validate-declaration.ts';

const problemsOf = (input: unknown): { path?: string; code: string }[] => {
  const r = validateDeclaration(input);
  if (r.ok) return [];
  return (r.error.details as { problems: { path?: string; code: string }[] }).problems;
};

describe('validateDeclaration', () => {
  it('accepts a minimal declaration and fills the empty lists', () => {
    const r = validateDeclaration(declarationFixture());
    expect(r.ok && r.value.goods).toEqual({ alcohol: [], tobacco: [], perfume: [], other: [] });
  });

  it('reports schema problems with JSON paths', () => {
    const bad = { ...declarationFixture(), flight: { flightNumber: 'not a flight' } };
    expect(problemsOf(bad)).toContainEqual(
      expect.objectContaining({ path: '$.flight.flightNumber', code: 'PASSENGER.INVALID_DECLARATION' }),
    );
    expect(problemsOf(null)[0]?.code).toBe('PASSENGER.INVALID_DECLARATION');
  });

  it('rejects impossible dates and goods owned by an unlisted family member', () => {
    const d = declarationFixture({
      arrivalDate: '2026-02-30',
      goods: { alcohol: [{ kind: 'liqueur', volumeMl: 500, bottles: 1, owner: 1 }] },
      familyMembers: [{ age: 40 }],
    });
    expect(problemsOf(d)).toEqual([
      expect.objectContaining({ path: '$.arrivalDate', code: 'PASSENGER.INVALID_DATE' }),
      expect.objectContaining({ path: '$.goods.alcohol[0].owner', code: 'PASSENGER.UNKNOWN_OWNER' }),
    ]);
  });

  it('rejects a tobacco line whose quantity does not match its kind', () => {
    const d = { ...declarationFixture(), goods: { tobacco: [{ kind: 'cigars', sticks: 10 }] } };
    expect(problemsOf(d).length).toBeGreaterThan(0);
  });

  it('counts age in completed years on the arrival date', () => {
    expect(ageOn('2006-12-02', '2026-12-01')).toBe(19);
    expect(ageOn('2006-12-01', '2026-12-01')).toBe(20);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });
});
