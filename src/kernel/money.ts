import { Decimal } from 'decimal.js';

/**
 * Money never goes through binary floats. Amounts in yen are integers (`number` is exact up to 2^53 yen);
 * foreign amounts and rates are decimal strings parsed into Decimal.
 */
export { Decimal };
Decimal.set({ precision: 40, rounding: Decimal.ROUND_DOWN });

export interface Money {
  readonly amount: string;
  readonly currency: string;
}

const DECIMAL_RE = /^-?\d{1,15}(\.\d{1,6})?$/;

export const isDecimalString = (s: unknown): s is string => typeof s === 'string' && DECIMAL_RE.test(s);

/** Truncate a yen amount below `unit` (1,000 for taxable values, 100 for duty and tax). */
export function truncateYen(yen: Decimal | number, unit: 1 | 100 | 1000): number {
  // trunc(trunc(x) / unit) = trunc(x / unit) for a whole unit, and a safe integer's remainder is exact: the common
  // case (whole yen below 2^53) needs no decimal object at all.
  const whole = yen instanceof Decimal ? yen.trunc() : yen;
  const n = whole instanceof Decimal ? (whole.abs().lessThan(Number.MAX_SAFE_INTEGER) ? whole.toNumber() : NaN) : whole;
  if (Number.isSafeInteger(n)) return n - (n % unit) + 0;
  const d = yen instanceof Decimal ? yen : new Decimal(yen);
  return d.dividedToIntegerBy(unit).times(unit).toNumber();
}

/** Whole yen, fractions dropped (customs computes in yen and truncates fractions). */
export function floorYen(yen: Decimal): number {
  return yen.floor().toNumber();
}
