import type { ApiError, ApiProblem } from '../../api/client.ts';
import type { FieldLabel } from '../../components/use-form.ts';
import type { MessageKey } from '../../i18n/index.tsx';
import { code9, country, currency, date, decimal, locode, office, optionalDecimal, optionalLocode, required, type Check, type Values } from '../../components/validators.ts';

/**
 * The declaration form as flat field keys equal to the API's JSON paths (`items.0.code9` ↔ `$.items[0].code9`), so
 * that a 422 from the server lands next to the field it is about. Pure: rules, labels and the request builder.
 */
const ITEM_RULES: Record<string, Check> = {
  code9,
  description: required,
  originCountry: country,
  'invoiceValue.amount': decimal,
  'invoiceValue.currency': currency,
  netMassKg: optionalDecimal,
};
const ITEM_LABELS: Record<string, MessageKey> = {
  code9: 'f.code9',
  description: 'f.description',
  originCountry: 'f.originCountry',
  netMassKg: 'f.netMass',
  'invoiceValue.amount': 'f.invoiceValue',
  'invoiceValue.currency': 'f.currency',
  preference: 'f.preference',
};
/**
 * What the form knows of an item's line: `undefined` until a valid code has been looked up (or when the lookup
 * failed), then the schedule's statistical units (`[]` when the line has none, `['NO', 'KG']` for a T-shirt).
 */
export type LineUnits = readonly string[] | undefined;

/** The schedule prints units like `KG` or `KG\n(I.I.)`; the first token is the unit. */
export const baseUnit = (printed: string): string => printed.trim().split(/\s+/)[0]?.toUpperCase() ?? '';

/**
 * The quantity inputs of an item: one per unit of its line, each with its unit fixed; while the line is not known,
 * one quantity with a unit the trader picks (the server then says which units the line needs).
 */
export function quantitySlots(line: LineUnits, values: Values, item: number): { unit: string; fixed: boolean }[] {
  if (line) return line.map((unit) => ({ unit, fixed: true }));
  return [{ unit: (values[`items.${item}.quantities.0.unit`] ?? '').trim().toUpperCase() || 'KG', fixed: false }];
}

const quantityLabel =
  (unit: string): FieldLabel =>
  (t) =>
    t('f.quantityIn', { unit: UNIT_KEYS.has(unit) ? t(`unit.${unit}` as MessageKey) : unit, code: unit });
export const UNIT_KEYS: ReadonlySet<string> = new Set(['KG', 'GR', 'MT', 'L', 'KL', 'NO', 'PR', 'DZ', 'GT', 'DT', 'TH', 'M', 'SM', 'CM', 'CT', 'ST']);

const corporateNumber: Check = (v) => (v.trim() === '' || /^\d{13}$/.test(v.trim()) ? null : 'v.corporateNumber');

export function declarationRules(itemCount: number, lines: readonly LineUnits[] = []): Record<string, Check> {
  const rules: Record<string, Check> = {
    customsOffice: office,
    'declarant.name': required,
    'declarant.corporateNumber': corporateNumber,
    'importer.name': required,
    'transport.date': date,
    'transport.port': locode,
    'transport.portOfLoading': optionalLocode,
    'transport.transportDocument.number': required,
    'freight.amount': optionalDecimal,
  };
  for (let i = 0; i < itemCount; i++) {
    for (const [k, c] of Object.entries(ITEM_RULES)) rules[`items.${i}.${k}`] = c;
    const n = lines[i]?.length ?? 1;
    for (let j = 0; j < n; j++) rules[`items.${i}.quantities.${j}.amount`] = decimal;
  }
  return rules;
}

export function declarationLabels(itemCount: number, lines: readonly LineUnits[] = [], values: Values = {}): Record<string, FieldLabel> {
  const labels: Record<string, FieldLabel> = {
    kind: 'f.kind',
    lrn: 'f.lrn',
    customsOffice: 'f.customsOffice',
    declarant: 'f.declarant',
    'declarant.name': 'f.declarantName',
    'declarant.corporateNumber': 'f.corporateNumber',
    'importer.name': 'f.importerName',
    'seller.name': 'f.sellerName',
    'seller.country': 'f.sellerCountry',
    transport: 'f.transport',
    'transport.mode': 'f.mode',
    'transport.date': 'f.arrivalDate',
    'transport.port': 'f.port',
    'transport.portOfLoading': 'f.portOfLoading',
    'transport.transportDocument.type': 'f.docType',
    'transport.transportDocument.number': 'f.docNumber',
    incoterm: 'f.incoterm',
    'freight.amount': 'f.freight',
    items: 'f.items',
  };
  for (let i = 0; i < itemCount; i++) {
    labels[`items.${i}`] = 'f.items';
    for (const [k, l] of Object.entries(ITEM_LABELS)) labels[`items.${i}.${k}`] = l;
    labels[`items.${i}.quantities`] = 'f.quantity';
    quantitySlots(lines[i], values, i).forEach((q, j) => {
      labels[`items.${i}.quantities.${j}.amount`] = q.fixed ? quantityLabel(q.unit) : 'f.quantity';
      labels[`items.${i}.quantities.${j}.unit`] = 'f.unit';
    });
  }
  return labels;
}

export function declarationRequest(v: Values, itemCount: number, lines: readonly LineUnits[] = []): Record<string, unknown> {
  const s = (k: string): string => (v[k] ?? '').trim();
  const up = (k: string): string => s(k).toUpperCase();
  const party = (prefix: string, withCountry: boolean): Record<string, string> | undefined => {
    const p: Record<string, string> = {};
    // partyId and address are not on the form; an amendment keeps what was filed.
    for (const f of ['partyId', 'name', 'address']) if (s(`${prefix}.${f}`)) p[f] = s(`${prefix}.${f}`);
    if (s(`${prefix}.corporateNumber`)) p['corporateNumber'] = s(`${prefix}.corporateNumber`);
    if (withCountry && s(`${prefix}.country`)) p['country'] = up(`${prefix}.country`);
    return Object.keys(p).length > 0 ? p : undefined;
  };
  const items = [];
  for (let i = 0; i < itemCount; i++) {
    const k = (f: string) => `items.${i}.${f}`;
    items.push({
      code9: s(k('code9')),
      description: s(k('description')),
      originCountry: up(k('originCountry')),
      quantities: quantitySlots(lines[i], v, i).map((q, j) => ({ amount: s(k(`quantities.${j}.amount`)), unit: q.unit })),
      ...(s(k('netMassKg')) ? { netMassKg: s(k('netMassKg')) } : {}),
      invoiceValue: { amount: s(k('invoiceValue.amount')), currency: up(k('invoiceValue.currency')) },
      ...(s(k('preference')) ? { preference: s(k('preference')) } : {}),
      ...(s(k('reducedRate')) ? { reducedRate: s(k('reducedRate')) === 'true' } : {}),
      ...(s(k('quota')) === 'inside' || s(k('quota')) === 'outside' ? { quota: s(k('quota')) } : {}),
    });
  }
  const kind = s('kind') === 'export' ? 'export' : 'import';
  const trader = party('importer', false);
  const seller = party('seller', true);
  return {
    kind,
    ...(s('lrn') ? { lrn: s('lrn') } : {}),
    customsOffice: up('customsOffice'),
    declarant: party('declarant', false) ?? {},
    ...(trader ? { [kind === 'import' ? 'importer' : 'exporter']: { ...trader, country: 'JP' } } : {}),
    ...(seller ? { [kind === 'import' ? 'seller' : 'buyer']: seller } : {}),
    transport: {
      mode: s('transport.mode') || 'sea',
      date: s('transport.date'),
      port: up('transport.port'),
      ...(s('transport.portOfLoading') ? { portOfLoading: up('transport.portOfLoading') } : {}),
      ...(s('transport.vesselOrFlight') ? { vesselOrFlight: s('transport.vesselOrFlight') } : {}),
      transportDocument: { type: s('transport.transportDocument.type') === 'AWB' ? 'AWB' : 'BL', number: s('transport.transportDocument.number') },
    },
    ...(s('incoterm') ? { incoterm: s('incoterm') } : {}),
    ...(s('freight.amount') ? { freight: { amount: s('freight.amount'), currency: up('freight.currency') || up('items.0.invoiceValue.currency') } } : {}),
    ...(s('insurance.amount') ? { insurance: { amount: s('insurance.amount'), currency: up('insurance.currency') || up('items.0.invoiceValue.currency') } } : {}),
    items,
  };
}

/**
 * Moves the server's quantity problems onto the inputs the form shows: "needs a quantity in KG" (path
 * `$.items[0].quantities`, with the unit) onto the KG input, and a unit refused on a fixed-unit input onto its amount.
 */
export function placeQuantityProblems<P extends ApiProblem & { readonly unit?: unknown; readonly params?: unknown }>(problems: readonly P[], lines: readonly LineUnits[]): P[] {
  return problems.map((p) => {
    const whole = /^\$\.items\[(\d+)\]\.quantities$/.exec(p.path);
    if (whole) {
      const i = Number(whole[1]);
      const unit = typeof p.unit === 'string' ? p.unit : typeof (p.params as { unit?: unknown } | undefined)?.unit === 'string' ? (p.params as { unit: string }).unit : '';
      const j = lines[i]?.indexOf(unit.toUpperCase()) ?? -1;
      return { ...p, path: `$.items[${i}].quantities[${j >= 0 ? j : 0}].amount` };
    }
    const one = /^\$\.items\[(\d+)\]\.quantities\[(\d+)\]\.unit$/.exec(p.path);
    if (one && lines[Number(one[1])]) return { ...p, path: `$.items[${one[1]}].quantities[${one[2]}].amount` };
    return p;
  });
}

/** A declaration as the API returns it (its `data`), back into the form's flat values: amending starts from what was filed. */
export function declarationValues(data: Record<string, unknown>): { values: Record<string, string>; itemCount: number } {
  const out: Record<string, string> = {};
  const walk = (v: unknown, key: string): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}.${i}`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, key ? `${key}.${k}` : k);
    else out[key] = String(v);
  };
  const kind = data['kind'] === 'export' ? 'export' : 'import';
  // The form names the trader "importer" and the counterparty "seller" whichever the direction.
  const { importer, exporter, seller, buyer, ...rest } = data;
  walk(rest, '');
  walk(kind === 'import' ? importer : exporter, 'importer');
  walk(kind === 'import' ? seller : buyer, 'seller');
  delete out['importer.country'];
  const items = Array.isArray(data['items']) ? data['items'].length : 0;
  return { values: out, itemCount: Math.max(items, 1) };
}

/**
 * Once an item's line is known, its quantity inputs are in the line's unit order. Amounts entered (or filed) under
 * another order or unit are moved to the input of their unit (KG typed while the line was unknown goes to the KG
 * input of a NO + KG line), and the units are recorded in the line's order. Returns the fields to change, or null.
 */
export function alignQuantities(values: Values, item: number, units: readonly string[]): Record<string, string> | null {
  const k = (j: number, f: 'amount' | 'unit') => `items.${item}.quantities.${j}.${f}`;
  const entered: { unit: string; amount: string }[] = [];
  for (let j = 0; values[k(j, 'unit')] !== undefined || values[k(j, 'amount')] !== undefined; j++) {
    entered.push({ unit: (values[k(j, 'unit')] ?? '').trim().toUpperCase(), amount: values[k(j, 'amount')] ?? '' });
  }
  if (entered.every((e, j) => e.unit === (units[j] ?? ''))) return null;
  const changes: Record<string, string> = {};
  const used = new Set<number>();
  units.forEach((u, j) => {
    const from = entered.findIndex((e, x) => !used.has(x) && e.unit === u && e.amount !== '');
    if (from >= 0) used.add(from);
    const here = entered[j];
    changes[k(j, 'unit')] = u;
    changes[k(j, 'amount')] = from >= 0 ? (entered[from]?.amount ?? '') : here && here.unit === '' && !used.has(j) ? here.amount : '';
  });
  for (let j = units.length; j < entered.length; j++) {
    changes[k(j, 'unit')] = '';
    changes[k(j, 'amount')] = '';
  }
  return changes;
}

/** The version an amendment is based on, as an entity tag: the server refuses it if the declaration moved on. */
export const ifMatch = (version: number): string => `"${version}"`;

/** An answer saying the declaration changed since it was read (a stale If-Match). */
export const isVersionConflict = (e: Pick<ApiError, 'status' | 'code'>): boolean => e.status === 412 || (e.status === 409 && /VERSION|PRECONDITION/.test(e.code));
