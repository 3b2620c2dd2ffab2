import type { PassengerDeclaration } from './declaration.schema.ts';
import { normaliseName } from './identifier-keys.ts';

/**
 * Matches arriving passengers (advance passenger information) to electronic declarations by name, date of birth,
 * flight and arrival date. Family members are matched when the declaration gives their names and birth dates.
 */
export interface ArrivingPassenger {
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate?: string;
  readonly flight?: string;
  readonly arrivalAt?: string;
}

export interface StoredDeclaration {
  readonly id: string;
  readonly declaration: PassengerDeclaration;
}

export interface Match {
  readonly passenger: number;
  readonly declarationId: string;
  readonly person: string;
}

export interface MatchResult {
  readonly matches: readonly Match[];
  readonly ambiguous: readonly { passenger: number; declarationIds: string[] }[];
  readonly unmatchedPassengers: readonly number[];
  readonly unmatchedDeclarations: readonly string[];
}

/** NH012, NH 12 and NH0012 are the same flight. */
export const normaliseFlight = (f: string): string => {
  const m = /^([A-Z0-9]{2}[A-Z]?)\s*0*(\d{1,4})([A-Z]?)$/.exec(f.toUpperCase().trim());
  return m ? `${m[1]}${m[2]}${m[3]}` : f.toUpperCase().replace(/\s+/g, '');
};

const key = (family: string, given: string, birth: string, flight: string, date: string): string =>
  [normaliseName(family), normaliseName(given).split(' ')[0] ?? '', birth, normaliseFlight(flight), date].join('|');

export function matchDeclarations(
  passengers: readonly ArrivingPassenger[],
  declarations: readonly StoredDeclaration[],
): MatchResult {
  const index = new Map<string, { declarationId: string; person: string }[]>();
  const add = (k: string, v: { declarationId: string; person: string }): void =>
    void index.set(k, [...(index.get(k) ?? []), v]);
  for (const { id, declaration: d } of declarations) {
    add(
      key(
        d.traveller.familyName,
        d.traveller.givenNames,
        d.traveller.dateOfBirth,
        d.flight.flightNumber,
        d.arrivalDate,
      ),
      {
        declarationId: id,
        person: 'traveller',
      },
    );
    (d.familyMembers ?? []).forEach((m, i) => {
      if (m.givenNames && m.dateOfBirth) {
        const family = m.familyName ?? d.traveller.familyName;
        add(key(family, m.givenNames, m.dateOfBirth, d.flight.flightNumber, d.arrivalDate), {
          declarationId: id,
          person: `member[${i}]`,
        });
      }
    });
  }
  const matches: Match[] = [];
  const ambiguous: { passenger: number; declarationIds: string[] }[] = [];
  const unmatchedPassengers: number[] = [];
  const used = new Set<string>();
  passengers.forEach((p, i) => {
    if (!p.birthDate || !p.flight || !p.arrivalAt) return void unmatchedPassengers.push(i);
    const found = index.get(key(p.familyName, p.givenNames, p.birthDate, p.flight, p.arrivalAt.slice(0, 10))) ?? [];
    const ids = [...new Set(found.map((f) => f.declarationId))];
    if (found.length === 0) unmatchedPassengers.push(i);
    else if (ids.length > 1) ambiguous.push({ passenger: i, declarationIds: ids });
    else {
      matches.push({ passenger: i, ...found[0]! });
      used.add(found[0]!.declarationId);
    }
  });
  const unmatchedDeclarations = declarations.map((d) => d.id).filter((id) => !used.has(id));
  return { matches, ambiguous, unmatchedPassengers, unmatchedDeclarations };
}
