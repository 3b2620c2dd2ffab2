import { describe, expect, it } from 'vitest';
import { matchDeclarations, normaliseFlight } from './match-declarations.ts';
import { declarationFixture } from './test-fixtures.ts';

describe('matchDeclarations', () => {
  const declarations = [
    {
      id: 'pdec_a',
      declaration: declarationFixture({
        familyMembers: [{ givenNames: 'Taro', dateOfBirth: '2015-06-01', age: 11 }, { age: 4 }],
      }),
    },
    {
      id: 'pdec_b',
      declaration: declarationFixture({
        traveller: { familyName: 'SATO', givenNames: 'KEN', dateOfBirth: '1990-01-01', nationality: 'JPN' },
      }),
    },
  ];

  it('matches by name, birth date, flight and arrival date, family members included', () => {
    const passengers = [
      {
        familyName: 'Yamada',
        givenNames: 'Hanako Marie',
        birthDate: '1985-04-01',
        flight: 'NH0012',
        arrivalAt: '2026-12-01T15:45',
      },
      {
        familyName: 'YAMADA',
        givenNames: 'TARO',
        birthDate: '2015-06-01',
        flight: 'NH012',
        arrivalAt: '2026-12-01T15:45',
      },
      {
        familyName: 'YAMADA',
        givenNames: 'HANAKO',
        birthDate: '1985-04-01',
        flight: 'NH012',
        arrivalAt: '2026-12-02T15:45',
      },
      {
        familyName: 'SUZUKI',
        givenNames: 'ICHIRO',
        birthDate: '1980-01-01',
        flight: 'NH012',
        arrivalAt: '2026-12-01T15:45',
      },
    ];
    const r = matchDeclarations(passengers, declarations);
    expect(r.matches).toEqual([
      { passenger: 0, declarationId: 'pdec_a', person: 'traveller' },
      { passenger: 1, declarationId: 'pdec_a', person: 'member[0]' },
    ]);
    // Another day's arrival and an unknown person do not match; SATO's declaration has no passenger.
    expect(r.unmatchedPassengers).toEqual([2, 3]);
    expect(r.unmatchedDeclarations).toEqual(['pdec_b']);
  });

  it('reports two declarations for one passenger as ambiguous instead of guessing', () => {
    const twice = [...declarations, { id: 'pdec_c', declaration: declarations[0]!.declaration }];
    const p = [
      {
        familyName: 'YAMADA',
        givenNames: 'HANAKO',
        birthDate: '1985-04-01',
        flight: 'NH12',
        arrivalAt: '2026-12-01T15:45',
      },
    ];
    expect(matchDeclarations(p, twice).ambiguous).toEqual([{ passenger: 0, declarationIds: ['pdec_a', 'pdec_c'] }]);
  });

  it('normalises flight numbers', () => {
    expect(normaliseFlight('NH 0012')).toBe('NH12');
    expect(normaliseFlight('jl5a')).toBe('JL5A');
  });
});
