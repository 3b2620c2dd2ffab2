import { Decimal } from '../../kernel/index.ts';
import { startsWithAny, type SimplifiedTariffRule } from './rules.ts';

/**
 * Simplified tariff for small imports (関税定率法 Art. 3-3, 少額輸入貨物に対する簡易税率): commercial cargo and post of a
 * total customs value ≤ 200,000 yen pay a flat rate by category instead of the schedule's rate, unless the importer
 * declines it for the whole declaration. Duty only: consumption tax is charged on top (Customs Answer 1001).
 * The rate table rests on third parties (jp-rules/small-imports.md §B.2) and its HS mapping is ours: both are
 * configuration, and every result that used them says so.
 */
export type SimplifiedRate =
  | { readonly kind: 'excluded'; readonly reason: string }
  | { readonly kind: 'percent'; readonly id: string; readonly label: string; readonly percent: Decimal }
  | { readonly kind: 'perLitre'; readonly id: string; readonly label: string; readonly yen: Decimal };

export function simplifiedRateFor(code9: string, rule: SimplifiedTariffRule): SimplifiedRate {
  const excluded = startsWithAny(code9, rule.excludedHsPrefixes);
  if (excluded) return { kind: 'excluded', reason: `HS ${excluded} is excluded from the simplified rates (domestic industry)` };
  let best: { id: string; label: string; percent?: string; yenPerLitre?: string; len: number } | undefined;
  for (const c of rule.categories) {
    const p = startsWithAny(code9, c.hsPrefixes);
    // The most specific prefix wins (2103.20 tomato sauce before a chapter-wide row).
    if (p && (!best || p.length > best.len)) best = { ...c, len: p.length };
  }
  if (!best) return { kind: 'percent', id: 'S9', label: 'other goods', percent: new Decimal(rule.otherPercent) };
  if (best.yenPerLitre !== undefined) return { kind: 'perLitre', id: best.id, label: best.label, yen: new Decimal(best.yenPerLitre) };
  return { kind: 'percent', id: best.id, label: best.label, percent: new Decimal(best.percent ?? rule.otherPercent) };
}

export function describeSimplified(r: Exclude<SimplifiedRate, { kind: 'excluded' }>): string {
  return r.kind === 'percent'
    ? `簡易税率 ${r.id} ${r.percent.toString()}% (${r.label})`
    : `簡易税率 ${r.id} ${r.yen.toString()}円/l (${r.label})`;
}
