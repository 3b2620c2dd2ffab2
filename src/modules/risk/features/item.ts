/**
 * One declaration item as the risk model sees it. The Korean benchmark CSV maps onto it (korean-csv.ts), and so can
 * the platform's own declarations (HS code, countries, office, parties, value, mass, tax), so one pipeline serves the
 * benchmark and live scoring. Empty strings mean "not given".
 */
export interface RiskItem {
  /** ISO date the declaration was lodged (used only to order and split, never as a feature). */
  readonly date: string;
  readonly office: string;
  readonly processType: string;
  readonly importType: string;
  readonly importUse: string;
  readonly paymentType: string;
  readonly transportMode: string;
  readonly declarant: string;
  readonly importer: string;
  readonly seller: string;
  readonly courier: string;
  /** HS code digits, 6 to 10 of them. */
  readonly hs: string;
  readonly departure: string;
  readonly origin: string;
  /** Duty rate in percent. */
  readonly taxRate: number;
  /** Tariff rate type (general, preferential...). */
  readonly taxType: string;
  readonly originIndicator: string;
  readonly netMassKg: number;
  /** Customs value in the declaration currency (KRW for the benchmark, JPY on the platform). */
  readonly value: number;
}

/** Text fields of an item plus HS codes cut at each level. */
export type KeyField =
  | 'office'
  | 'processType'
  | 'importType'
  | 'importUse'
  | 'paymentType'
  | 'transportMode'
  | 'declarant'
  | 'importer'
  | 'seller'
  | 'courier'
  | 'departure'
  | 'origin'
  | 'taxType'
  | 'originIndicator'
  | 'taxRate'
  | 'hs2'
  | 'hs4'
  | 'hs6'
  | 'hs10'
  /** Exact declared amounts: identical consignments recur (same goods, same supplier, same quantity). */
  | 'mass'
  | 'value'
  | 'unitValue';

export const PARTY_FIELDS: readonly KeyField[] = ['declarant', 'importer', 'seller', 'courier'];

/** The value of a key field ('' when absent: HS10 of a 6-digit code, an empty party). */
export function keyOf(item: RiskItem, field: KeyField): string {
  switch (field) {
    case 'hs2':
      return item.hs.slice(0, 2);
    case 'hs4':
      return item.hs.length >= 4 ? item.hs.slice(0, 4) : '';
    case 'hs6':
      return item.hs.length >= 6 ? item.hs.slice(0, 6) : '';
    case 'hs10':
      return item.hs.length >= 10 ? item.hs.slice(0, 10) : '';
    case 'taxRate':
      return Number.isFinite(item.taxRate) ? String(item.taxRate) : '';
    case 'mass':
      return Number.isFinite(item.netMassKg) ? String(item.netMassKg) : '';
    case 'value':
      return Number.isFinite(item.value) ? String(item.value) : '';
    case 'unitValue': {
      const u = unitValue(item);
      return Number.isFinite(u) ? u.toPrecision(6) : '';
    }
    default:
      return item[field];
  }
}

/** A composite key (e.g. HS6 × origin); empty when any part is empty, so missing data never forms a group. */
export function groupKey(item: RiskItem, fields: readonly KeyField[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const k = keyOf(item, fields[i]!);
    if (k === '') return '';
    out = i === 0 ? k : `${out}|${k}`;
  }
  return out;
}

/** Unit value per kg, NaN when the mass is missing or zero. */
export function unitValue(item: RiskItem): number {
  return item.netMassKg > 0 && Number.isFinite(item.value) ? item.value / item.netMassKg : Number.NaN;
}

/** "851762" → "8517.62" for officers. */
export function formatHs(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)}.${code.slice(4)}` : code;
}
