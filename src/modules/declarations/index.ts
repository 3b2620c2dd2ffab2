/**
 * Declarations: the import/export declaration model, its validation against the code lists and the tariff schedule,
 * and its lifecycle. Storage and the order of processing steps live outside (adapters, workflows).
 */
export * from './model.ts';
export * from './errors.ts';
export * from './validate.ts';
export * from './lifecycle.ts';
export * from './schema.ts';
export * from './units.ts';
export { isValidCorporateNumber } from './corporate-number.ts';
