import { formatHs, groupKey, unitValue, type KeyField, type RiskItem } from './item.ts';

/**
 * What a unit value (value per kg) usually is for the goods: the median log unit value of training items with the same
 * HS6 code and origin, falling back to HS6, then HS4, then all items when a group has too few items to be trusted.
 * Label-free, fitted on training data only; an item is then described by how far its unit value lies from the norm.
 */
export interface PriceNorms {
  readonly minCount: number;
  readonly global: number;
  /** One map per level, most specific first: key → median log unit value. */
  readonly levels: readonly { readonly fields: readonly KeyField[]; readonly medians: ReadonlyMap<string, number> }[];
}

export const NORM_LEVELS: readonly (readonly KeyField[])[] = [['hs6', 'origin'], ['hs6'], ['hs4']];

export function fitPriceNorms(items: readonly RiskItem[], minCount = 5): PriceNorms {
  const logs = items.map((it) => Math.log(unitValue(it)));
  const finite = logs.filter((v) => Number.isFinite(v));
  const levels = NORM_LEVELS.map((fields) => {
    const groups = new Map<string, number[]>();
    items.forEach((it, i) => {
      const v = logs[i]!;
      if (!Number.isFinite(v)) return;
      const key = groupKey(it, fields);
      if (key === '') return;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, [v]);
      else g.push(v);
    });
    const medians = new Map<string, number>();
    for (const [key, vs] of groups) if (vs.length >= minCount) medians.set(key, median(vs));
    return { fields, medians };
  });
  return { minCount, global: finite.length > 0 ? median(finite) : 0, levels };
}

export interface NormLookup {
  /** Median log unit value of the group used. */
  readonly logNorm: number;
  /** Which grouping supplied it, for the officer ("for 8517.62 from CN"). */
  readonly scope: string;
  /** The grouping's fields (none: all goods). */
  readonly fields: readonly KeyField[];
}

export function normFor(norms: PriceNorms, item: RiskItem): NormLookup {
  for (const level of norms.levels) {
    const key = groupKey(item, level.fields);
    const m = key === '' ? undefined : level.medians.get(key);
    if (m !== undefined) return { logNorm: m, scope: describeScope(item, level.fields), fields: level.fields };
  }
  return { logNorm: norms.global, scope: 'all goods', fields: [] };
}

/** log(unit value) − log(norm): −0.97 means 62 % below the norm. NaN when the unit value is unknown. */
export function priceDeviation(norms: PriceNorms, item: RiskItem): number {
  const u = Math.log(unitValue(item));
  return Number.isFinite(u) ? u - normFor(norms, item).logNorm : Number.NaN;
}

function describeScope(item: RiskItem, fields: readonly KeyField[]): string {
  const hs = fields.find((f) => f.startsWith('hs'));
  const parts: string[] = [];
  if (hs) parts.push(formatHs(groupKey(item, [hs])));
  if (fields.includes('origin')) parts.push(`from ${item.origin}`);
  return parts.join(' ');
}

function median(vs: number[]): number {
  const s = [...vs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
