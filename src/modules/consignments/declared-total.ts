import { Dec } from './decimal.ts';
import type { Problem } from '../../kernel/index.ts';
import { ConsignmentErrors as E } from './errors.ts';
import type { ItemLine, Money } from './model.ts';

/**
 * A declared total that disagrees with its own item lines is a classic sign of edited invoices. It can only be
 * checked when every line is in the total's currency; mixed-currency parcels are left to the yen valuation.
 */
export function checkDeclaredTotal(items: readonly ItemLine[], total: Money, path: string): Problem | undefined {
  let sum = new Dec(0);
  for (const it of items) {
    if (it.value.currency !== total.currency) return undefined;
    sum = sum.plus(it.value.amount);
  }
  if (sum.equals(total.amount)) return undefined;
  return E.totalMismatch.problem(path, `Declared ${total.amount} ${total.currency}, item lines sum to ${sum.toFixed()}`, {
    itemsTotal: sum.toFixed(),
  });
}
