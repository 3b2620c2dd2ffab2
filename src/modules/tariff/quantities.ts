import { Decimal, note } from '../../kernel/index.ts';
import type { RateUnit } from './rate-types.ts';

export interface DeclaredQuantity {
  readonly amount: string;
  readonly unit: string;
}

/** How a declared unit converts into a rate unit (KG↔MT, L↔KL, grams and dozens), exactly. */
const FACTORS: Record<RateUnit, Record<string, string>> = {
  KG: { KG: '1', MT: '1000', GR: '0.001' },
  MT: { MT: '1', KG: '0.001', GR: '0.000001' },
  L: { L: '1', KL: '1000' },
  KL: { KL: '1', L: '0.001' },
  SM: { SM: '1' },
  PR: { PR: '1' },
  NO: { NO: '1', DZ: '12' },
};

/** The declared quantity in `unit`, from the first declared quantity that converts; undefined if none does. */
export function quantityIn(quantities: readonly DeclaredQuantity[] | undefined, unit: RateUnit): Decimal | undefined {
  for (const q of quantities ?? []) {
    const f = FACTORS[unit][q.unit];
    if (f !== undefined) return new Decimal(q.amount).times(f);
  }
  return undefined;
}

/** Excise taxes this engine does not compute: flagged on the item instead of silently left at zero. */
export function exciseNote(code9: string): { code: string; message: string } | undefined {
  if (/^220[3-8]/.test(code9)) {
    return note('EXCISE_NOT_ASSESSED.liquor');
  }
  if (/^240[23]/.test(code9) || /^2404(11|12|19)/.test(code9)) {
    return note('EXCISE_NOT_ASSESSED.tobacco');
  }
  if (/^27(09|10|11)/.test(code9)) {
    return note('EXCISE_NOT_ASSESSED.petroleum');
  }
  return undefined;
}
