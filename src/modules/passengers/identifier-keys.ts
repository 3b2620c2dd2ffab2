import { createHmac } from 'node:crypto';
import { err, ok, type DomainError, type Result } from '../../kernel/index.ts';
import { PassengerErrors } from './errors.ts';

/**
 * Keyed hashes (HMAC-SHA256 under a server secret) of personal identifiers. A plain SHA-256 of a passport number
 * can be reversed by trying every number of the format; without the secret the keyed hash cannot. Passport
 * numbers are compared, indexed and stored only in this form.
 */
export const normaliseName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();

export const normaliseDocumentNumber = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

export class IdentifierKeyer {
  private constructor(private readonly secret: Buffer) {}

  /** The secret must carry at least 256 bits. */
  static create(secret: string | Uint8Array): Result<IdentifierKeyer, DomainError> {
    const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
    if (bytes.length < 32) return err(PassengerErrors.hmacSecretTooShort());
    return ok(new IdentifierKeyer(bytes));
  }

  private mac(...parts: string[]): string {
    // Unit separators keep ("AB","C") and ("A","BC") apart.
    return createHmac('sha256', this.secret).update(parts.join('\u001f'), 'utf8').digest('base64url');
  }

  /** A travel document: issuing country + number (type is not part of it: airlines code it inconsistently). */
  document(issuingCountry: string, number: string): string {
    return this.mac('doc', issuingCountry.toUpperCase(), normaliseDocumentNumber(number));
  }

  /** A person by name and date of birth (first given name only: middle names come and go between systems). */
  person(familyName: string, givenNames: string, birthDate: string): string {
    const first = normaliseName(givenNames).split(' ')[0] ?? '';
    return this.mac('person', normaliseName(familyName), first, birthDate);
  }
}
