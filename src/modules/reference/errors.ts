import { defineError } from '../../kernel/index.ts';

export const ReferenceErrors = {
  tariffLineNotFound: defineError('REFERENCE.TARIFF_LINE_NOT_FOUND', 404, 'No such 9-digit line in the tariff schedule'),
  hsCodeNotFound: defineError('REFERENCE.HS_CODE_NOT_FOUND', 404, 'No such HS 2022 code'),
  countryNotFound: defineError('REFERENCE.COUNTRY_NOT_FOUND', 404, 'No such ISO 3166 country'),
  currencyNotFound: defineError('REFERENCE.CURRENCY_NOT_FOUND', 404, 'No such current ISO 4217 currency'),
  locationNotFound: defineError('REFERENCE.LOCATION_NOT_FOUND', 404, 'No such UN/LOCODE port or airport'),
  notLoaded: defineError('REFERENCE.NOT_LOADED', 503, 'Reference data is not loaded yet (run: npx --no customs data load)'),
  dataFileMissing: defineError('REFERENCE.DATA_FILE_MISSING', 500, 'A reference data file is missing from the data folder'),
} as const;
