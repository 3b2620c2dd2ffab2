import { defineError } from '../../kernel/index.ts';

/**
 * Codes of the low-value consignment module. A validation run returns every problem as `{path, code, message}`;
 * the statuses are the ones an API answers with when the problem is returned on its own.
 */
export const ConsignmentErrors = {
  malformedLine: defineError('CONSIGNMENT.MALFORMED_LINE', 400, 'The line cannot be read (not valid JSON or CSV)'),
  lineTooLong: defineError('CONSIGNMENT.LINE_TOO_LONG', 413, 'The line is longer than the per-line size limit'),
  csvHeader: defineError('CONSIGNMENT.CSV_HEADER_INVALID', 400, 'The CSV header lacks required columns'),
  csvInconsistent: defineError(
    'CONSIGNMENT.CSV_INCONSISTENT_ROWS',
    422,
    'Rows of the same consignment disagree on a consignment-level field',
  ),
  missingField: defineError('CONSIGNMENT.MISSING_FIELD', 422, 'A required field is missing or empty'),
  invalidField: defineError('CONSIGNMENT.INVALID_FIELD', 422, 'A field has the wrong type or format'),
  unknownField: defineError('CONSIGNMENT.UNKNOWN_FIELD', 422, 'The field is not part of the consignment model'),
  invalidId: defineError('CONSIGNMENT.INVALID_ID', 422, 'The consignment id is not 1-64 letters, digits, - _ . /'),
  invalidAwb: defineError('CONSIGNMENT.INVALID_AWB', 422, 'The air waybill number is malformed'),
  unknownCountry: defineError('CONSIGNMENT.UNKNOWN_COUNTRY', 422, 'Not an ISO 3166-1 alpha-2 country code'),
  unknownCurrency: defineError('CONSIGNMENT.UNKNOWN_CURRENCY', 422, 'Not an ISO 4217 currency code'),
  unknownUnit: defineError('CONSIGNMENT.UNKNOWN_UNIT', 422, 'Not a quantity unit of the Japanese tariff'),
  invalidAmount: defineError('CONSIGNMENT.INVALID_AMOUNT', 422, 'The amount is not a decimal string'),
  notPositive: defineError('CONSIGNMENT.NOT_POSITIVE', 422, 'The value must be greater than zero'),
  invalidHsCode: defineError('CONSIGNMENT.INVALID_HS_CODE', 422, 'The HS code must have 6 or 9 digits'),
  noItems: defineError('CONSIGNMENT.NO_ITEMS', 422, 'A consignment needs at least one item line'),
  tooManyItems: defineError('CONSIGNMENT.TOO_MANY_ITEMS', 422, 'The consignment has more item lines than allowed'),
  totalMismatch: defineError(
    'CONSIGNMENT.TOTAL_MISMATCH',
    422,
    'The declared total differs from the sum of the item values',
  ),
  noExchangeRate: defineError('CONSIGNMENT.NO_EXCHANGE_RATE', 422, 'No exchange rate for the currency'),
  aboveManifestCeiling: defineError(
    'CONSIGNMENT.ABOVE_MANIFEST_CEILING',
    422,
    'The consignment is worth more than 200,000 yen and needs a full import declaration',
  ),
  cargoXmlInvalid: defineError(
    'CONSIGNMENT.CARGO_XML_INVALID',
    400,
    'The message is not a readable IATA Cargo-XML XFWB or XFZB air waybill',
  ),
} as const;
