import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for foreign amounts and rates. The kernel re-exports decimal.js through a default import, which
 * TypeScript 6 (NodeNext) types as the module namespace, not the class; until that is fixed we use the named export,
 * cloned with explicit settings so the results do not depend on who configured the shared class first.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });
export type Dec = Decimal;
