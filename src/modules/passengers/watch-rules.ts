import type { IdentifierKeyer } from './identifier-keys.ts';
import type { ProtectedPassenger } from './protect-passenger.ts';

/**
 * Watch rules hold keyed hashes only: an analyst enters a passport number or a name and birth date once, the rule
 * keeps the HMAC, and matching compares HMACs. The watch list therefore discloses no identity if it leaks.
 */
export interface WatchRule {
  readonly id: string;
  readonly on: 'document' | 'person';
  readonly key: string;
  readonly reason: string;
}

export const documentWatchRule = (
  keyer: IdentifierKeyer,
  id: string,
  doc: { issuingCountry: string; number: string },
  reason: string,
): WatchRule => ({ id, on: 'document', key: keyer.document(doc.issuingCountry, doc.number), reason });

export const personWatchRule = (
  keyer: IdentifierKeyer,
  id: string,
  person: { familyName: string; givenNames: string; birthDate: string },
  reason: string,
): WatchRule => ({
  id,
  on: 'person',
  key: keyer.person(person.familyName, person.givenNames, person.birthDate),
  reason,
});

/** Indexed by key so that a whole flight is screened in one pass. */
export class WatchList {
  private readonly byKey = new Map<string, WatchRule[]>();

  constructor(rules: readonly WatchRule[]) {
    for (const r of rules) this.byKey.set(`${r.on}:${r.key}`, [...(this.byKey.get(`${r.on}:${r.key}`) ?? []), r]);
  }

  hits(p: ProtectedPassenger): WatchRule[] {
    const keys = [
      ...p.documents.map((d) => `document:${d.numberKey}`),
      ...(p.personKey ? [`person:${p.personKey}`] : []),
    ];
    return keys.flatMap((k) => this.byKey.get(k) ?? []);
  }
}
