import { Decimal } from '../../kernel/index.ts';
import { inForce, type ConsumptionTaxRule } from './rules.ts';
import type { TariffLine } from './tariff-index.ts';

/**
 * Default reduced-rate status of a line: food and drink for people, not liquor — chapters 1–23 except live animals
 * (ch. 01, ornamental fish 0301.1x), non-food chapters 05, 06 and 14, seeds for sowing, feed, and alcoholic drinks
 * (22.03–22.08). The declarant confirms with `reducedRate`; this is only the starting point.
 */
export function reducedRateByDefault(line: TariffLine): boolean {
  // Asked for every item of every assessment; the answer is the line's, so kept per line object.
  let r = reducedByLine.get(line);
  if (r === undefined) reducedByLine.set(line, (r = reducedByDefault(line)));
  return r;
}
const reducedByLine = new WeakMap<TariffLine, boolean>();

function reducedByDefault(line: TariffLine): boolean {
  const ch = Number(line.chapter);
  if (!(ch >= 1 && ch <= 23)) return false;
  if ([1, 5, 6, 14].includes(ch)) return false;
  const code = line.code9;
  if (code.startsWith('03011')) return false;
  if (/^220[3-8]/.test(code)) return false;
  if (code.startsWith('2309')) return false;
  const path = line.descriptionPathJa;
  if (/播種用|飼料用|飼料の原料|家畜用/.test(path)) return false;
  return true;
}

export const consumptionTaxRuleFor = (rules: readonly ConsumptionTaxRule[], date: string): ConsumptionTaxRule | undefined =>
  rules.find((r) => inForce(r, date));

export interface TaxItem {
  readonly customsValueYen: number;
  readonly dutyYen: number;
  readonly reduced: boolean;
  /** Exempt (≤ 10,000 yen declarations): no consumption tax. */
  readonly exempt: boolean;
}

/**
 * Customs Answer 1111's order: per item, base = customs value + duty (duty truncated below 100 yen), truncated below
 * 1,000 yen; national tax in yen (fractions dropped); local tax = 22/78 of the item's national tax truncated below
 * 100 yen. The declaration's totals are truncated below 100 yen by the caller.
 */
export function consumptionTaxes(items: readonly TaxItem[], rule: ConsumptionTaxRule): { national: number; local: number }[] {
  const standard = ratio(rule.standardPercent);
  const reduced = ratio(rule.reducedPercent);
  return items.map((i) => {
    if (i.exempt) return { national: 0, local: 0 };
    const base = truncInt(i.customsValueYen + truncInt(i.dutyYen, 100), 1000);
    const [num, den] = i.reduced ? reduced : standard;
    const national = mulDivFloor(base, num, den);
    const local = mulDivFloor(truncInt(national, 100), rule.localNumerator, rule.localDenominator);
    return { national, local };
  });
}

/** `"6.24"` percent → [624, 10000]: the rate as an exact integer fraction (a handful of configured rates: kept). */
function ratio(percent: string): readonly [number, number] {
  let r = ratios.get(percent);
  if (!r) {
    const [whole = '0', frac = ''] = percent.split('.');
    r = [Number(whole + frac), 100 * 10 ** frac.length];
    if (ratios.size >= 100) ratios.clear();
    ratios.set(percent, r);
  }
  return r;
}
const ratios = new Map<string, readonly [number, number]>();

const truncInt = (yen: number, unit: number): number => yen - (yen % unit);

/**
 * floor(a × num / den) on integers, exactly: integer arithmetic while the product stays below 2^53 (any realistic
 * declaration), decimal arithmetic beyond. Hot path of every assessment, so no Decimal objects in the common case.
 */
export function mulDivFloor(a: number, num: number, den: number): number {
  const p = a * num;
  if (Number.isSafeInteger(p)) return (p - (p % den)) / den;
  return new Decimal(a).times(num).dividedToIntegerBy(den).toNumber();
}
