import { Decimal, scaled, type Scaled } from '../../kernel/index.ts';

/** A decimal string parsed once: the Decimal, its printed form, and its exact scaled integer where one fits. */
export interface ParsedDecimal {
  readonly decimal: Decimal;
  /** `Decimal#toString()`: what responses print ("150.10" → "150.1"). */
  readonly text: string;
  /** Undefined when the string is not a plain decimal below 2^53 once scaled: callers then compute in Decimal. */
  readonly scaled: Scaled | undefined;
}

// Exchange rates (one per currency and week) and configured factors repeat in every assessment: parsing them each
// time was a tenth of its work. Bounded, since request-supplied rates are arbitrary strings.
const cache = new Map<string, ParsedDecimal>();
const LIMIT = 10_000;

export function parsedDecimal(s: string): ParsedDecimal {
  let p = cache.get(s);
  if (p === undefined) {
    const decimal = new Decimal(s);
    p = { decimal, text: decimal.toString(), scaled: scaled(s) };
    if (cache.size >= LIMIT) cache.clear();
    cache.set(s, p);
  }
  return p;
}
