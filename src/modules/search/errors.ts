import { defineError } from '../../kernel/index.ts';

/** What an officer's search reference can be refused for; 422 answers list every problem with its JSON path. */
export const SearchErrors = {
  emptyTerm: defineError('SEARCH.EMPTY_TERM', 422, 'The search term has no word a query could match'),
  unknownCode: defineError('SEARCH.UNKNOWN_CODE', 422, 'No line of the tariff schedule starts with the code'),
  noReference: defineError('SEARCH.NO_REFERENCE', 404, 'No search reference for the term'),
} as const;
