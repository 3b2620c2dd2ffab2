import { Decimal, scaled, scaledFloor, scaledOf, scaledTimes, type Scaled } from '../../kernel/index.ts';
import { startsWithAny, type SimplifiedTariffRule } from './rules.ts';

/**
 * Simplified tariff for small imports (関税定率法 Art. 3-3, 少額輸入貨物に対する簡易税率): commercial cargo and post of a
 * total customs value ≤ 200,000 yen pay a flat rate by category instead of the schedule's rate, unless the importer
 * declines it for the whole declaration. Duty only: consumption tax is charged on top (Customs Answer 1001).
 * The rate table rests on third parties (jp-rules/small-imports.md §B.2) and its HS mapping is ours: both are
 * configuration, and every result that used them says so.
 */
export type SimplifiedRate =
  | { readonly kind: 'excluded'; readonly reason: string; readonly hs: string }
  | {
      readonly kind: 'percent';
      readonly id: string;
      readonly label: string;
      readonly percent: Decimal;
      /** percent / 100 as an exact scaled integer, where it is a plain decimal. */
      readonly exact?: Scaled | undefined;
    }
  | { readonly kind: 'perLitre'; readonly id: string; readonly label: string; readonly yen: Decimal };

/** The category of a code under the rule: memoised per rule (a configuration value, never changed in place). */
export function simplifiedRateFor(code9: string, rule: SimplifiedTariffRule): SimplifiedRate {
  let byCode = memo.get(rule);
  if (!byCode) memo.set(rule, (byCode = new Map()));
  let r = byCode.get(code9);
  if (!r) {
    if (byCode.size >= 10_000) byCode.clear();
    r = categoryOf(code9, rule);
    byCode.set(code9, r);
  }
  return r;
}
const memo = new WeakMap<SimplifiedTariffRule, Map<string, SimplifiedRate>>();

/** Duty in whole yen at a percent rate: on exact integers while they fit below 2^53, else in Decimal. */
export function percentDutyYen(taxableYen: number, r: Extract<SimplifiedRate, { kind: 'percent' }>): number {
  const exact = r.exact && Number.isSafeInteger(taxableYen) && taxableYen >= 0 ? scaledTimes(scaledOf(taxableYen, 0), r.exact) : undefined;
  return exact ? scaledFloor(exact) : new Decimal(taxableYen).times(r.percent).dividedBy(100).floor().toNumber();
}

const percentRate = (id: string, label: string, text: string): SimplifiedRate => {
  const percent = new Decimal(text);
  return { kind: 'percent', id, label, percent, exact: scaled(percent.dividedBy(100).toFixed()) };
};

function categoryOf(code9: string, rule: SimplifiedTariffRule): SimplifiedRate {
  const excluded = startsWithAny(code9, rule.excludedHsPrefixes);
  if (excluded) return { kind: 'excluded', reason: `HS ${excluded} is excluded from the simplified rates (domestic industry)`, hs: excluded };
  let best: { id: string; label: string; percent?: string; yenPerLitre?: string; len: number } | undefined;
  for (const c of rule.categories) {
    const p = startsWithAny(code9, c.hsPrefixes);
    // The most specific prefix wins (2103.20 tomato sauce before a chapter-wide row).
    if (p && (!best || p.length > best.len)) best = { ...c, len: p.length };
  }
  if (!best) return percentRate('S9', 'other goods', rule.otherPercent);
  if (best.yenPerLitre !== undefined) return { kind: 'perLitre', id: best.id, label: best.label, yen: new Decimal(best.yenPerLitre) };
  return percentRate(best.id, best.label, best.percent ?? rule.otherPercent);
}

export function describeSimplified(r: Exclude<SimplifiedRate, { kind: 'excluded' }>): string {
  return r.kind === 'percent'
    ? `簡易税率 ${r.id} ${r.percent.toString()}% (${r.label})`
    : `簡易税率 ${r.id} ${r.yen.toString()}円/l (${r.label})`;
}
