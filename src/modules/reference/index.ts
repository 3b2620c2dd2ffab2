/**
 * Reference data: Japan's applied tariff schedule, HS 2022, countries, currencies, UN/LOCODE ports and airports.
 * Readers take the data folder's path; the catalog gives in-memory lookups for validation.
 */
export * from './tariff-rows.ts';
export * from './csv.ts';
export * from './code-lists.ts';
export * from './catalog.ts';
export * from './errors.ts';
export * from './jp-files.ts';
