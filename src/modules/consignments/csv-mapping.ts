import type { CsvColumn } from './csv-format.ts';

type Header = ReadonlyMap<CsvColumn, number>;

/** CSV numbers become JSON numbers only when they look like numbers; anything else reaches validation as text. */
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const num = (s: string | undefined): number | string | undefined => (s === undefined || s === '' ? undefined : NUMBER_RE.test(s) ? Number(s) : s);

/** The consignment as the JSON model would carry it, so that CSV and NDJSON share one validation. */
export function csvGroupToRaw(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  header: Header,
  withDeclaredTotal = true,
): unknown {
  const get = (fields: readonly string[], col: CsvColumn): string | undefined => {
    const i = header.get(col);
    const v = i === undefined ? undefined : fields[i]?.trim();
    return v === '' ? undefined : v;
  };
  const h = (col: CsvColumn): string | undefined => get(head, col);
  const party = (who: 'seller' | 'buyer'): unknown => ({
    name: h(`${who}_name`),
    addressLines: [h(`${who}_address_1`), h(`${who}_address_2`)].filter((l) => l !== undefined),
    city: h(`${who}_city`),
    postcode: h(`${who}_postcode`),
    country: h(`${who}_country`),
  });
  const totalAmount = h('declared_total_amount');
  const totalCurrency = h('declared_total_currency');
  return {
    consignmentId: h('consignment_id'),
    transportDocument: { masterAwb: h('master_awb'), houseAwb: h('house_awb') },
    seller: party('seller'),
    buyer: party('buyer'),
    platform: { name: h('platform'), orderId: h('order_id') },
    items: rows.map((r) => ({
      description: get(r, 'item_description'),
      hsCode: get(r, 'item_hs_code'),
      quantity: num(get(r, 'item_quantity')),
      unit: get(r, 'item_unit'),
      value: { amount: get(r, 'item_value_amount'), currency: get(r, 'item_value_currency') },
    })),
    grossMassKg: num(h('gross_mass_kg')),
    declaredTotal: !withDeclaredTotal || (totalAmount === undefined && totalCurrency === undefined) ? undefined : { amount: totalAmount, currency: totalCurrency },
  };
}

const PATH_TO_COLUMN: readonly [RegExp, CsvColumn][] = [
  [/^\$\.consignmentId$/, 'consignment_id'],
  [/^\$\.transportDocument\.masterAwb$/, 'master_awb'],
  [/^\$\.transportDocument\.houseAwb$/, 'house_awb'],
  [/^\$\.seller\.name$/, 'seller_name'],
  [/^\$\.seller\.addressLines(\[0\])?$/, 'seller_address_1'],
  [/^\$\.seller\.addressLines\[1\]$/, 'seller_address_2'],
  [/^\$\.seller\.city$/, 'seller_city'],
  [/^\$\.seller\.postcode$/, 'seller_postcode'],
  [/^\$\.seller\.country$/, 'seller_country'],
  [/^\$\.buyer\.name$/, 'buyer_name'],
  [/^\$\.buyer\.addressLines(\[0\])?$/, 'buyer_address_1'],
  [/^\$\.buyer\.addressLines\[1\]$/, 'buyer_address_2'],
  [/^\$\.buyer\.city$/, 'buyer_city'],
  [/^\$\.buyer\.postcode$/, 'buyer_postcode'],
  [/^\$\.buyer\.country$/, 'buyer_country'],
  [/^\$\.platform\.name$/, 'platform'],
  [/^\$\.platform\.orderId$/, 'order_id'],
  [/^\$\.grossMassKg$/, 'gross_mass_kg'],
  [/^\$\.declaredTotal(\.amount)?$/, 'declared_total_amount'],
  [/^\$\.declaredTotal\.currency$/, 'declared_total_currency'],
  [/^\$\.items\[\d+\]\.description$/, 'item_description'],
  [/^\$\.items\[\d+\]\.hsCode$/, 'item_hs_code'],
  [/^\$\.items\[\d+\]\.quantity$/, 'item_quantity'],
  [/^\$\.items\[\d+\]\.unit$/, 'item_unit'],
  [/^\$\.items\[\d+\]\.value\.amount$/, 'item_value_amount'],
  [/^\$\.items\[\d+\]\.value\.currency$/, 'item_value_currency'],
];

/** The CSV column a model path comes from, so that a spreadsheet user can find the cell. */
export function problemColumn(path: string): CsvColumn | undefined {
  for (const [re, col] of PATH_TO_COLUMN) if (re.test(path)) return col;
  return undefined;
}
