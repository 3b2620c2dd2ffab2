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
  // case (whole yen below 2^53) needs no decimal object at all. A whole Decimal of exponent below 15 is below
  // 10^15 < 2^53, so its number is exact (tested on the exponent: no Decimal made to compare with).
  const whole = yen instanceof Decimal ? yen.trunc() : yen;
  const n = whole instanceof Decimal ? (whole.e < 15 ? whole.toNumber() : NaN) : whole;
  if (Number.isSafeInteger(n)) return n - (n % unit) + 0;
  const d = yen instanceof Decimal ? yen : new Decimal(yen);
  return d.dividedToIntegerBy(unit).times(unit).toNumber();
}

/** Whole yen, fractions dropped (customs computes in yen and truncates fractions). */
export function floorYen(yen: Decimal): number {
  return yen.floor().toNumber();
}

/** Powers of ten up to 10^22, each an exact double (5^22 < 2^53). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** An exact non-negative decimal: n / 10^k, with n a safe integer. */
export interface Scaled {
  readonly n: number;
  readonly k: number;
}

/**
 * Every Scaled is made here, by a class, never by an object literal. V8 (Node 20) gives a field the representation of
 * its first value; once an n past 2^31 turns the field from small integer to double, the map is deprecated, but other
 * literal sites of the same shape keep copying their old boilerplate and every object they make is migrated on its
 * first read: a runtime call each time, which kept the consignment valuation at 6–9 µs instead of under 1 µs. A
 * class's instances always start from its current map, so they never carry a deprecated one.
 */
class ScaledValue implements Scaled {
  constructor(
    readonly n: number,
    readonly k: number,
  ) {}
}

/** n / 10^k (n a non-negative safe integer, k a scale below 23). */
export const scaledOf = (n: number, k: number): Scaled => new ScaledValue(n, k);

/**
 * A non-negative decimal string as an exact integer and its scale ("151.23" → 15123, 2), or undefined: strings of
 * the form /^\d{1,15}(\.\d{1,6})?$/ whose digits make a safe integer. Read digit by digit: every amount of every
 * assessment comes through here, and a regular expression and a joined string cost more than the arithmetic.
 * Digits accumulate exactly below 2^53; past it the value never comes back below, so the safe-integer test decides.
 */
export function scaled(s: string): Scaled | undefined {
  const len = s.length;
  let n = 0;
  let i = 0;
  for (; i < len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === 0 || i > 15) return undefined;
  let k = 0;
  if (i < len) {
    if (s.charCodeAt(i) !== 46) return undefined;
    for (i++; i < len; i++, k++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
    }
    if (k === 0 || k > 6) return undefined;
  }
  return Number.isSafeInteger(n) ? new ScaledValue(n, k) : undefined;
}

/**
 * x × y exactly, or undefined once the product reaches 2^53 (the caller then computes in Decimal). A float product of
 * at most 2^53 − 1 means the exact one is below 2^53, so the float product is the exact one.
 */
export function scaledTimes(x: Scaled, y: Scaled): Scaled | undefined {
  const n = x.n * y.n;
  return n <= Number.MAX_SAFE_INTEGER && x.k + y.k < POW10.length ? new ScaledValue(n, x.k + y.k) : undefined;
}

/** floor(x) in whole yen, for a non-negative scaled value. */
export function scaledFloor(x: Scaled): number {
  const d = POW10[x.k]!;
  return (x.n - (x.n % d)) / d;
}

/** Sign of x − y (−1, 0, 1), or undefined when bringing both to one scale would pass 2^53. */
export function scaledCompare(x: Scaled, y: Scaled): number | undefined {
  const K = x.k > y.k ? x.k : y.k;
  const a = x.n * POW10[K - x.k]!;
  const b = y.n * POW10[K - y.k]!;
  if (!(a <= Number.MAX_SAFE_INTEGER && b <= Number.MAX_SAFE_INTEGER)) return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** x + y exactly, or undefined past 2^53. */
export function scaledPlus(x: Scaled, y: Scaled): Scaled | undefined {
  const K = x.k > y.k ? x.k : y.k;
  const a = x.n * POW10[K - x.k]!;
  const b = y.n * POW10[K - y.k]!;
  const n = a + b;
  return a <= Number.MAX_SAFE_INTEGER && b <= Number.MAX_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER ? new ScaledValue(n, K) : undefined;
}

/** The same value as a Decimal (exact: parsed from its digits). */
export const scaledDecimal = (x: Scaled): Decimal => new Decimal(x.k === 0 ? String(x.n) : `${x.n}e-${x.k}`);

/** floor(Σ xs) exactly (the total floored once, not the sum of floored parts), or undefined past 2^53. */
export function scaledSumFloor(xs: readonly Scaled[]): number | undefined {
  let K = 0;
  for (const x of xs) if (x.k > K) K = x.k;
  let sum = 0;
  for (const x of xs) {
    const term = x.n * POW10[K - x.k]!;
    sum += term;
    if (!(term <= Number.MAX_SAFE_INTEGER && sum <= Number.MAX_SAFE_INTEGER)) return undefined;
  }
  return scaledFloor(new ScaledValue(sum, K));
}

/**
 * Foreign amounts in yen at their rates: each line floored to whole yen, and the total floored once from the exact
 * sum (not the sum of floored lines). Exact decimal arithmetic throughout: on integers scaled by powers of ten while
 * every product and the sum stay below 2^53 (where doubles are exact integers), else with Decimal.
 */
export function yenAtRates(lines: readonly { readonly amount: string; readonly rate: string }[]): { lineYen: number[]; totalYen: number } {
  const parts: Scaled[] = [];
  let K = 0;
  for (const l of lines) {
    const a = scaled(l.amount);
    const r = scaled(l.rate);
    const p = a && r ? a.n * r.n : Number.NaN;
    // a float product at most 2^53 - 1 means the exact product is below 2^53, so the product itself is exact
    if (!(p <= Number.MAX_SAFE_INTEGER)) return yenAtRatesDecimal(lines);
    parts.push(new ScaledValue(p, a!.k + r!.k));
    K = Math.max(K, a!.k + r!.k);
  }
  const lineYen: number[] = [];
  let sum = 0;
  for (const { n: p, k } of parts) {
    const d = POW10[k]!;
    lineYen.push((p - (p % d)) / d);
    sum += p * POW10[K - k]!;
    if (!(sum <= Number.MAX_SAFE_INTEGER)) return yenAtRatesDecimal(lines);
  }
  const D = POW10[K]!;
  return { lineYen, totalYen: (sum - (sum % D)) / D };
}

function yenAtRatesDecimal(lines: readonly { readonly amount: string; readonly rate: string }[]): { lineYen: number[]; totalYen: number } {
  let sum = new Decimal(0);
  const lineYen = lines.map((l) => {
    const yen = new Decimal(l.amount).times(l.rate);
    sum = sum.plus(yen);
    return yen.floor().toNumber();
  });
  return { lineYen, totalYen: sum.floor().toNumber() };
}

