import type { Consignment } from './model.ts';

/**
 * The CSV layout of consignment batches: one row per item line, the consignment's own fields repeated on every row;
 * consecutive rows with the same consignment_id form one consignment. Columns may come in any order; optional
 * columns may be left out of the header. See docs/consignment-formats.md.
 */
export const CONSIGNMENT_COLUMNS = [
  'consignment_id',
  'master_awb',
  'house_awb',
  'seller_name',
  'seller_address_1',
  'seller_address_2',
  'seller_city',
  'seller_postcode',
  'seller_country',
  'buyer_name',
  'buyer_address_1',
  'buyer_address_2',
  'buyer_city',
  'buyer_postcode',
  'buyer_country',
  'platform',
  'order_id',
  'gross_mass_kg',
  'declared_total_amount',
  'declared_total_currency',
] as const;

export const ITEM_COLUMNS = [
  'item_description',
  'item_hs_code',
  'item_quantity',
  'item_unit',
  'item_value_amount',
  'item_value_currency',
] as const;

export const CSV_COLUMNS = [...CONSIGNMENT_COLUMNS, ...ITEM_COLUMNS] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const OPTIONAL_COLUMNS: ReadonlySet<CsvColumn> = new Set<CsvColumn>([
  'master_awb',
  'house_awb',
  'seller_address_2',
  'seller_postcode',
  'buyer_address_2',
  'buyer_postcode',
  'declared_total_amount',
  'declared_total_currency',
  'item_hs_code',
]);

/**
 * Splits one CSV record (RFC 4180: `"` quotes, `""` inside quotes). Returns 'open' when a quoted field is still open
 * at the end (it continues on the next line) and undefined for a quote inside an unquoted field or text after a
 * closing quote: such a stray quote is a broken row, not the start of a field that would swallow the rest of the file.
 * The fast path (no quote at all) is a plain split: most e-commerce rows carry no comma in their text.
 */
export function splitCsvRecord(line: string): string[] | 'open' | undefined {
  if (line.indexOf('"') === -1) return line.split(',');
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let field = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q === -1) return 'open';
        field += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          field += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(field);
      if (i === n) return out;
      if (line.charCodeAt(i) !== 44) return undefined;
      i++;
    } else {
      const c = line.indexOf(',', i);
      const field = c === -1 ? line.slice(i) : line.slice(i, c);
      if (field.indexOf('"') !== -1) return undefined;
      out.push(field);
      if (c === -1) return out;
      i = c + 1;
    }
  }
}

const escape = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const CSV_HEADER_LINE = CSV_COLUMNS.join(',');

/** The rows of one consignment, in CSV_COLUMNS order, without line ends. */
export function consignmentToCsvRows(c: Consignment): string[] {
  const s = c.seller;
  const b = c.buyer;
  const head = [
    c.consignmentId,
    c.transportDocument.masterAwb ?? '',
    c.transportDocument.houseAwb ?? '',
    s.name,
    s.addressLines[0] ?? '',
    s.addressLines.slice(1).join(' '),
    s.city,
    s.postcode ?? '',
    s.country,
    b.name,
    b.addressLines[0] ?? '',
    b.addressLines.slice(1).join(' '),
    b.city,
    b.postcode ?? '',
    b.country,
    c.platform.name,
    c.platform.orderId,
    String(c.grossMassKg),
    c.declaredTotal?.amount ?? '',
    c.declaredTotal?.currency ?? '',
  ]
    .map(escape)
    .join(',');
  return c.items.map(
    (it) =>
      `${head},${[it.description, it.hsCode ?? '', String(it.quantity), it.unit, it.value.amount, it.value.currency].map(escape).join(',')}`,
  );
}
