import { formatHs, groupKey, unitValue, type KeyField, type RiskItem } from './item.ts';
import type { FeaturePipeline } from './pipeline.ts';
import { normFor } from './price-norm.ts';

/** One reason an item was scored risky, for the officer (never shown to the trader). */
export interface Reason {
  /** Stable code, e.g. `unit-price-deviation`, `history:hs6×origin`. */
  readonly code: string;
  readonly feature: string;
  /** Contribution to the log-odds (TreeSHAP). */
  readonly contribution: number;
  /** English, for API users and logs; the officer console writes the reason from the code and params instead. */
  readonly text: string;
  readonly params: ReasonParams;
}

/** A field of the item a reason speaks of, with the item's value (HS codes formatted, numbers as numbers). */
export interface ReasonField {
  readonly field: string;
  readonly value: string | number;
}

/** The figures of a reason, so that it can be written in the officer's language. */
export interface ReasonParams {
  /** The group the reason is about (HS code, origin, importer…). */
  readonly fields?: readonly ReasonField[];
  /** Past items of the group with a discrepancy, of `total`. */
  readonly hits?: number;
  readonly total?: number;
  readonly pct?: number;
  /** Times the group was seen in training. */
  readonly count?: number;
  /** Unit price against the norm of `fields`. */
  readonly side?: 'below' | 'above';
  /** The item's own value of a numeric feature (yen, kg, %, yen per kg). */
  readonly value?: number;
}

// One formatter per precision: toLocaleString builds a new Intl.NumberFormat on every call, which was most of the
// time spent on an explanation's words. Same options, so the same text (reasons.test.ts pins it against toLocaleString).
const FORMATS = new Map<number, Intl.NumberFormat>();

/**
 * `v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })`, without its cost. What
 * comes out whole (counts, and at no decimals every number, rounded half away from zero as Intl rounds) is written
 * here, digits in groups of three; Intl (slower still, and mostly out of cache when a held item is explained) writes
 * the rest.
 */
export function fmt(v: number, digits = 0): string {
  if (Math.abs(v) < 1e15 && (digits === 0 || Number.isInteger(v))) {
    const whole = v < 0 ? -Math.round(-v) : Math.round(v);
    if (whole === 0) return v < 0 || Object.is(v, -0) ? '-0' : '0';
    const s = String(Math.abs(whole));
    let out = s.slice(0, ((s.length - 1) % 3) + 1);
    for (let i = out.length; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
    return whole < 0 ? `-${out}` : out;
  }
  let f = FORMATS.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    FORMATS.set(digits, f);
  }
  return f.format(v);
}

const FIELD_TEXT: Partial<Record<KeyField, (it: RiskItem) => string>> = {
  hs2: (it) => `chapter ${it.hs.slice(0, 2)}`,
  hs4: (it) => `heading ${it.hs.slice(0, 4)}`,
  hs6: (it) => formatHs(it.hs.slice(0, 6)),
  hs10: (it) => formatHs(it.hs.slice(0, 10)),
  origin: (it) => `from ${it.origin}`,
  departure: (it) => `shipped from ${it.departure}`,
  taxType: (it) => `tariff type ${it.taxType}`,
  taxRate: (it) => `duty ${fmt(it.taxRate, 2)} %`,
  mass: (it) => `net mass ${fmt(it.netMassKg, 3)} kg`,
  value: (it) => `value ${fmt(it.value, 2)}`,
  unitValue: (it) => `unit value ${fmt(unitValue(it), 2)}/kg`,
  office: (it) => `office ${it.office}`,
  importer: (it) => `importer ${it.importer}`,
  declarant: (it) => `declarant ${it.declarant}`,
  seller: (it) => `supplier ${it.seller}`,
  courier: (it) => `courier ${it.courier}`,
  transportMode: (it) => `transport mode ${it.transportMode}`,
  importType: (it) => `import type ${it.importType}`,
  importUse: (it) => `import use ${it.importUse}`,
  paymentType: (it) => `payment type ${it.paymentType}`,
  processType: (it) => `process type ${it.processType}`,
  originIndicator: (it) => `origin marking ${it.originIndicator}`,
};

const describeGroup = (fields: readonly KeyField[], it: RiskItem): string =>
  fields.map((f) => FIELD_TEXT[f]?.(it) ?? f).join(', ');

const FIELD_VALUE: Partial<Record<KeyField, (it: RiskItem) => string | number>> = {
  hs2: (it) => it.hs.slice(0, 2),
  hs4: (it) => it.hs.slice(0, 4),
  hs6: (it) => formatHs(it.hs.slice(0, 6)),
  hs10: (it) => formatHs(it.hs.slice(0, 10)),
  taxRate: (it) => it.taxRate,
  mass: (it) => it.netMassKg,
  value: (it) => it.value,
  unitValue: (it) => Math.round(unitValue(it) * 100) / 100,
};

const groupFields = (fields: readonly KeyField[], it: RiskItem): ReasonField[] =>
  fields.map((f) => ({ field: f, value: FIELD_VALUE[f]?.(it) ?? String((it as unknown as Record<string, unknown>)[f] ?? '') }));

/** The text an officer reads for one feature of one item. */
export function reasonFor(p: FeaturePipeline, feature: string, item: RiskItem): { code: string; text: string; params: ReasonParams } {
  const [kind, name = ''] = feature.split(':');
  const fields = name.split('×') as KeyField[];
  switch (kind) {
    case 'te': {
      const stats = p.targets.get(name)?.stats.get(groupKey(item, fields));
      const what = describeGroup(fields, item);
      const fieldsOf = groupFields(fields, item);
      return {
        code: `history:${name}`,
        text: stats
          ? `${what}: ${fmt(stats[0])} of ${fmt(stats[1])} past items had a discrepancy (${fmt((100 * stats[0]) / stats[1])} %)`
          : `${what}: no past items`,
        params: stats
          ? { fields: fieldsOf, hits: stats[0], total: stats[1], pct: Math.round((100 * stats[0]) / stats[1]) }
          : { fields: fieldsOf, hits: 0, total: 0 },
      };
    }
    case 'freq': {
      const n = p.counts.get(name)?.get(groupKey(item, fields)) ?? 0;
      return { code: `rarity:${name}`, text: `${describeGroup(fields, item)} seen ${fmt(n)} times before`, params: { fields: groupFields(fields, item), count: n } };
    }
    case 'cat':
      return { code: `category:${name}`, text: describeGroup(fields, item), params: { fields: groupFields(fields, item) } };
    default:
      return numericReason(p, name, item);
  }
}

function numericReason(p: FeaturePipeline, name: string, item: RiskItem): { code: string; text: string; params: ReasonParams } {
  switch (name) {
    case 'priceDeviation': {
      const u = unitValue(item);
      if (!(u > 0)) return { code: 'unit-price-unknown', text: 'unit price unknown (no net mass)', params: {} };
      const norm = normFor(p.norms, item);
      const pct = (u / Math.exp(norm.logNorm) - 1) * 100;
      const side = pct < 0 ? 'below' : 'above';
      return {
        code: 'unit-price-deviation',
        text: `unit price ${fmt(Math.abs(pct))} % ${side} the norm for ${norm.scope}`,
        params: { pct: Math.round(Math.abs(pct)), side, fields: groupFields(norm.fields, item) },
      };
    }
    case 'logUnitValue':
      return { code: 'unit-price', text: FIELD_TEXT.unitValue!(item), params: { value: FIELD_VALUE.unitValue!(item) as number } };
    case 'logValue':
      return { code: 'declared-value', text: `declared ${FIELD_TEXT.value!(item)}`, params: { value: item.value } };
    case 'logMass':
      return { code: 'net-mass', text: FIELD_TEXT.mass!(item), params: { value: item.netMassKg } };
    case 'taxRate':
      return { code: 'duty-rate', text: FIELD_TEXT.taxRate!(item), params: { value: item.taxRate } };
    default:
      return { code: `feature:${name}`, text: name, params: {} };
  }
}

/**
 * The top `limit` features pushing the score up (positive contributions), largest first, ties by feature name.
 * Picked in one pass, not by sorting every feature: an explanation is asked for each held consignment.
 */
export function topReasons(
  p: FeaturePipeline,
  item: RiskItem,
  features: readonly string[],
  contributions: ArrayLike<number>,
  limit = 3,
): Reason[] {
  const top: number[] = [];
  const before = (i: number, j: number): boolean =>
    contributions[i]! > contributions[j]! || (contributions[i] === contributions[j] && features[i]! < features[j]!);
  for (let i = 0; i < features.length; i++) {
    if (!(contributions[i]! > 0)) continue;
    let at = top.length;
    while (at > 0 && before(i, top[at - 1]!)) at--;
    if (at >= limit) continue;
    top.splice(at, 0, i);
    if (top.length > limit) top.pop();
  }
  return top.map((i) => ({ feature: features[i]!, contribution: contributions[i]!, ...reasonFor(p, features[i]!, item) }));
}
