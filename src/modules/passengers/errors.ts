import { defineError } from '../../kernel/index.ts';

/** Expected failures of the passengers module. Validation problems travel together in one 422. */
export const PassengerErrors = {
  invalidDeclaration: defineError('PASSENGER.INVALID_DECLARATION', 422, 'The passenger declaration is invalid'),
  unknownOwner: defineError(
    'PASSENGER.UNKNOWN_OWNER',
    422,
    'The goods are attributed to a family member who is not listed',
  ),
  missingExchangeRate: defineError(
    'PASSENGER.MISSING_EXCHANGE_RATE',
    422,
    'No customs exchange rate is known for this currency on the arrival date',
  ),
  noRulesForDate: defineError(
    'PASSENGER.NO_RULES_FOR_DATE',
    422,
    'No passenger allowance rules are in force on this date',
  ),
  invalidArrivalDate: defineError('PASSENGER.INVALID_DATE', 422, 'The date is not a valid calendar date (YYYY-MM-DD)'),
  signingKeyMissing: defineError('PASSENGER.SIGNING_KEY_MISSING', 500, 'No gate-pass signing key is configured'),
  paxlstMalformed: defineError('PASSENGER.PAXLST_MALFORMED', 422, 'The PAXLST message cannot be parsed'),
  paxlstTooManyPersons: defineError('PASSENGER.PAXLST_TOO_MANY_PERSONS', 413, 'The PAXLST interchange lists more persons than one upload accepts'),
  hmacSecretTooShort: defineError(
    'PASSENGER.HMAC_SECRET_TOO_SHORT',
    500,
    'The identifier HMAC secret must be at least 32 bytes',
  ),
} as const;

/**
 * Not failures: the reasons a gate answers `red_channel` (in `reasons` of a 200 answer). Declared here so that the
 * error catalogue lists every code the API sends; the wording in each language is in gate-reasons.ts.
 */
export const GateReasonCodes = {
  dutyPayable: defineError('GATE.DUTY_PAYABLE', 200, 'Duty and taxes are payable on goods above the allowance'),
  officerAssessment: defineError('GATE.OFFICER_ASSESSMENT', 200, 'Some goods must be assessed by an officer'),
  watchRule: defineError('GATE.WATCH_RULE', 200, 'A watch rule matches the traveller'),
  declaredYes: defineError('GATE.DECLARED_YES', 200, 'The traveller answered yes to a question of the declaration'),
} as const;
