import { CSV_COLUMNS } from './csv-format.ts';
import type { CsvColumn } from './csv-format.ts';

import type { Header } from './csv-header.ts';

/** CSV numbers become JSON numbers only when they look like numbers; anything else reaches validation as text. */
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const num = (s: string | undefined): number | string | undefined =>
  s === undefined ? undefined : NUMBER_RE.test(s) ? Number(s) : s;

/** Column positions resolved once per header (-1 when the column is absent): the per-row work is plain indexing. */
export type ColumnIndex = Readonly<Record<CsvColumn, number>>;

export function columnIndex(header: Header): ColumnIndex {
  const idx = {} as Record<CsvColumn, number>;
  for (const col of CSV_COLUMNS) idx[col] = header.get(col) ?? -1;
  return idx;
}

/** A trimmed cell, undefined when the column is absent or the cell empty. */
function cell(fields: readonly string[], i: number): string | undefined {
  if (i < 0) return undefined;
  const v = fields[i];
  if (v === undefined || v === '') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function party(
  head: readonly string[],
  name: number,
  a1: number,
  a2: number,
  city: number,
  postcode: number,
  country: number,
): unknown {
  const l1 = cell(head, a1);
  const l2 = cell(head, a2);
  return {
    name: cell(head, name),
    addressLines: l1 === undefined ? (l2 === undefined ? [] : [l2]) : l2 === undefined ? [l1] : [l1, l2],
    city: cell(head, city),
    postcode: cell(head, postcode),
    country: cell(head, country),
  };
}

/** The consignment as the JSON model would carry it, so that CSV and NDJSON share one validation. */
export function csvGroupToRaw(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  x: ColumnIndex,
  withDeclaredTotal = true,
): unknown {
  const items: unknown[] = [];
  for (const r of rows) {
    items.push({
      description: cell(r, x.item_description),
      hsCode: cell(r, x.item_hs_code),
      quantity: num(cell(r, x.item_quantity)),
      unit: cell(r, x.item_unit),
      value: { amount: cell(r, x.item_value_amount), currency: cell(r, x.item_value_currency) },
    });
  }
  const totalAmount = cell(head, x.declared_total_amount);
  const totalCurrency = cell(head, x.declared_total_currency);
  return {
    consignmentId: cell(head, x.consignment_id),
    transportDocument: { masterAwb: cell(head, x.master_awb), houseAwb: cell(head, x.house_awb) },
    seller: party(
      head,
      x.seller_name,
      x.seller_address_1,
      x.seller_address_2,
      x.seller_city,
      x.seller_postcode,
      x.seller_country,
    ),
    buyer: party(
      head,
      x.buyer_name,
      x.buyer_address_1,
      x.buyer_address_2,
      x.buyer_city,
      x.buyer_postcode,
      x.buyer_country,
    ),
    platform: { name: cell(head, x.platform), orderId: cell(head, x.order_id) },
    items,
    grossMassKg: num(cell(head, x.gross_mass_kg)),
    declaredTotal:
      !withDeclaredTotal || (totalAmount === undefined && totalCurrency === undefined)
        ? undefined
        : { amount: totalAmount, currency: totalCurrency },
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
