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
  'quantities.0.amount': decimal,
  'invoiceValue.amount': decimal,
  'invoiceValue.currency': currency,
  netMassKg: optionalDecimal,
};
const ITEM_LABELS: Record<string, MessageKey> = {
  code9: 'f.code9',
  description: 'f.description',
  originCountry: 'f.originCountry',
  'quantities.0.amount': 'f.quantity',
  'quantities.0.unit': 'f.unit',
  netMassKg: 'f.netMass',
  'invoiceValue.amount': 'f.invoiceValue',
  'invoiceValue.currency': 'f.currency',
  preference: 'f.preference',
};
const corporateNumber: Check = (v) => (v.trim() === '' || /^\d{13}$/.test(v.trim()) ? null : 'v.corporateNumber');

export function declarationRules(itemCount: number): Record<string, Check> {
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
  for (let i = 0; i < itemCount; i++) for (const [k, c] of Object.entries(ITEM_RULES)) rules[`items.${i}.${k}`] = c;
  return rules;
}

export function declarationLabels(itemCount: number): Record<string, MessageKey> {
  const labels: Record<string, MessageKey> = {
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
  }
  return labels;
}

export function declarationRequest(v: Values, itemCount: number): Record<string, unknown> {
  const s = (k: string): string => (v[k] ?? '').trim();
  const up = (k: string): string => s(k).toUpperCase();
  const party = (prefix: string, withCountry: boolean): Record<string, string> | undefined => {
    const p: Record<string, string> = {};
    if (s(`${prefix}.name`)) p['name'] = s(`${prefix}.name`);
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
      quantities: [{ amount: s(k('quantities.0.amount')), unit: up(k('quantities.0.unit')) || 'KG' }],
      ...(s(k('netMassKg')) ? { netMassKg: s(k('netMassKg')) } : {}),
      invoiceValue: { amount: s(k('invoiceValue.amount')), currency: up(k('invoiceValue.currency')) },
      ...(s(k('preference')) ? { preference: s(k('preference')) } : {}),
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
      transportDocument: { type: s('transport.transportDocument.type') === 'AWB' ? 'AWB' : 'BL', number: s('transport.transportDocument.number') },
    },
    ...(s('incoterm') ? { incoterm: s('incoterm') } : {}),
    ...(s('freight.amount') ? { freight: { amount: s('freight.amount'), currency: up('items.0.invoiceValue.currency') } } : {}),
    items,
  };
}
