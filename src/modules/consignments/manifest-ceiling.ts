import { err, ok } from '../../kernel/index.ts';
import type { Problem, Result } from '../../kernel/index.ts';
import { Decimal } from '../../kernel/index.ts';
import { ConsignmentErrors as E } from './errors.ts';
import type { ItemLine } from './model.ts';

/**
 * Japan clears consignments of 200,000 yen or less on the manifest (少額貨物の簡易通関); anything above needs a
 * full import declaration. The ceiling is a parameter because the rule changes with dates (see DESIGN.md).
 */
export const MANIFEST_CEILING_YEN = 200_000;

/** Yen for one unit of `currency` (the customs rate of the week), as a decimal string; undefined when unknown. */
export type YenRateLookup = (currency: string) => string | Decimal | undefined;

/**
 * The consignment's value in whole yen: each line converted at the customs rate, summed in decimal, fractions of a
 * yen dropped once at the end (customs truncates, never rounds up). Freight and insurance, if the caller knows them,
 * are added by the caller: e-commerce data rarely carries them per parcel.
 */
export function valueInYen(
  items: readonly Pick<ItemLine, 'value'>[],
  rateOf: YenRateLookup,
): Result<number, Problem[]> {
  let sum = new Decimal(0);
  const problems: Problem[] = [];
  for (let i = 0; i < items.length; i++) {
    const { amount, currency } = items[i]!.value;
    if (currency === 'JPY') {
      sum = sum.plus(amount);
      continue;
    }
    const rate = rateOf(currency);
    if (rate === undefined) {
      problems.push(E.noExchangeRate.problem(`$.items[${i}].value.currency`, `No exchange rate for ${currency}`));
      continue;
    }
    sum = sum.plus(new Decimal(amount).times(rate));
  }
  return problems.length > 0 ? err(problems) : ok(sum.floor().toNumber());
}

export type ManifestDecision =
  | { readonly route: 'manifest'; readonly valueYen: number }
  | { readonly route: 'full-declaration'; readonly valueYen: number; readonly reason: Problem };

/** Whether a consignment worth `valueYen` may be cleared on the manifest; "or less" means the ceiling itself passes. */
export function manifestDecision(valueYen: number, ceilingYen: number = MANIFEST_CEILING_YEN): ManifestDecision {
  if (valueYen <= ceilingYen) return { route: 'manifest', valueYen };
  const yen = (n: number): string => n.toLocaleString('en-US');
  return {
    route: 'full-declaration',
    valueYen,
    reason: E.aboveManifestCeiling.problem(
      '$.items',
      `The consignment is worth ${yen(valueYen)} yen, above the ${yen(ceilingYen)}-yen manifest ceiling: file a full import declaration`,
      { valueYen, ceilingYen },
    ),
  };
}
