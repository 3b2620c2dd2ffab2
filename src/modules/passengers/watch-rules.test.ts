import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdentifierKeyer } from './identifier-keys.ts';
import type { ApiPassenger } from './paxlst.ts';
import { protectPassenger } from './protect-passenger.ts';
import { WatchList, documentWatchRule, personWatchRule } from './watch-rules.ts';

const keyerOf = (secret: string): IdentifierKeyer => {
  const k = IdentifierKeyer.create(secret);
  if (!k.ok) throw new Error(k.error.message);
  return k.value;
};
const keyer = keyerOf('a-server-secret-of-at-least-32-bytes!!');
const passenger: ApiPassenger = {
  role: 'passenger',
  familyName: 'Müller',
  givenNames: 'Jörg Peter',
  birthDate: '1970-05-04',
  nationality: 'DEU',
  documents: [{ type: 'P', number: 'c01x 00t47', issuingCountry: 'DEU' }],
  flight: 'LH716',
  arrivalAt: '2026-12-01T08:05',
};

describe('keyed identifiers and watch rules', () => {
  it('keeps no passport number in clear once protected, and no plain hash of it either', () => {
    const p = protectPassenger(passenger, keyer);
    const text = JSON.stringify(p);
    expect(text).not.toContain('C01X00T47');
    expect(text).not.toContain('c01x 00t47');
    expect(text).not.toContain(createHash('sha256').update('C01X00T47').digest('base64url'));
    expect(p.documents[0]).toEqual({ type: 'P', issuingCountry: 'DEU', numberKey: keyer.document('DEU', 'C01X00T47') });
  });

  it('gives different keys under another secret, so a leaked list cannot be matched without the secret', () => {
    expect(keyerOf('another-server-secret-of-32-bytes-or-more').document('DEU', 'C01X00T47')).not.toBe(
      keyer.document('DEU', 'C01X00T47'),
    );
  });

  it('refuses a short secret', () => {
    expect(IdentifierKeyer.create('short').ok).toBe(false);
  });

  it('hits on the document number or on name and birth date, ignoring case, accents and spacing', () => {
    const list = new WatchList([
      documentWatchRule(keyer, 'W1', { issuingCountry: 'DEU', number: 'C01X00T47' }, 'Reported lost'),
      personWatchRule(
        keyer,
        'W2',
        { familyName: 'MULLER', givenNames: 'JORG', birthDate: '1970-05-04' },
        'Prior seizure',
      ),
      personWatchRule(
        keyer,
        'W3',
        { familyName: 'MULLER', givenNames: 'JORG', birthDate: '1971-05-04' },
        'Someone else',
      ),
    ]);
    expect(list.hits(protectPassenger(passenger, keyer)).map((r) => r.id)).toEqual(['W1', 'W2']);
  });
});
