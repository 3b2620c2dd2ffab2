import type { IdentifierKeyer } from './identifier-keys.ts';
import type { ApiPassenger, TravelDocument } from './paxlst.ts';

/** An advance-passenger record fit to keep: document numbers replaced by their keyed hashes. */
export interface ProtectedDocument extends Omit<TravelDocument, 'number'> {
  readonly numberKey: string;
}

export interface ProtectedPassenger extends Omit<ApiPassenger, 'documents'> {
  readonly documents: readonly ProtectedDocument[];
  /** Keyed hash of name + birth date, when the birth date is known. */
  readonly personKey?: string;
}

export function protectPassenger(p: ApiPassenger, keyer: IdentifierKeyer): ProtectedPassenger {
  const { documents, ...rest } = p;
  return {
    ...rest,
    documents: documents.map(({ number, ...d }) => ({
      ...d,
      numberKey: keyer.document(d.issuingCountry ?? '', number),
    })),
    ...(p.birthDate ? { personKey: keyer.person(p.familyName, p.givenNames, p.birthDate) } : {}),
  };
}
