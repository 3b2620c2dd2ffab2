import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { CSV_HEADER_LINE, consignmentToCsvRows, splitCsvRecord } from './csv-format.ts';
import type { Consignment } from './model.ts';
import type { ParsedRecord } from './records.ts';
import { sampleConsignment, sampleLookups } from './sample.ts';

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}
const parseAll = async (
  text: string,
  opts: { maxLineBytes?: number; maxItems?: number } = {},
): Promise<ParsedRecord[]> => {
  const out: ParsedRecord[] = [];
  // Cut the text in awkward places to exercise the chunk boundaries.
  for await (const r of parseCsv(chunks(text.slice(0, 37), text.slice(37, 500), text.slice(500)), {
    ...sampleLookups,
    ...opts,
  }))
    out.push(r);
  return out;
};
const withId = (id: string, change: Partial<Consignment> = {}): Consignment => ({
  ...sampleConsignment(),
  consignmentId: id,
  ...change,
});
const csv = (...cs: Consignment[]): string =>
  [CSV_HEADER_LINE, ...cs.flatMap(consignmentToCsvRows)].join('\r\n') + '\r\n';

describe('CSV batches', () => {
  it('groups consecutive rows with the same consignment_id into one consignment', async () => {
    const records = await parseAll(csv(withId('C1'), withId('C2')));
    expect(records).toEqual([
      { lineNo: 2, lastLineNo: 3, consignment: withId('C1') },
      { lineNo: 4, lastLineNo: 5, consignment: withId('C2') },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', async () => {
    const c = withId('C1', {
      items: [
        {
          description: 'Mug "I ♥ Tokyo",\nceramic',
          quantity: 1,
          unit: 'NO',
          value: { amount: '31.90', currency: 'USD' },
        },
      ],
    });
    const records = await parseAll(csv(c, withId('C2')));
    expect(
      records.map((r) => [
        'consignment' in r ? r.consignment.items[0]!.description : r.problems,
        r.lineNo,
        r.lastLineNo,
      ]),
    ).toEqual([
      ['Mug "I ♥ Tokyo",\nceramic', 2, 3],
      ['Wireless earphones', 4, 5],
    ]);
  });

  it('accepts columns in any order and leaves optional ones out', async () => {
    const text = [
      'item_value_currency,item_value_amount,item_unit,item_quantity,item_description,gross_mass_kg,order_id,platform,' +
        'buyer_country,buyer_city,buyer_address_1,buyer_name,seller_country,seller_city,seller_address_1,seller_name,house_awb,consignment_id',
      'USD,12.5,NO,1,T-shirt,0.2,O1,ShopLink,JP,Osaka,1-1 Umeda,Sato Hanako,US,Austin,1 Main St,Tex Tees,H1,C9',
    ].join('\n');
    const [r] = await parseAll(text);
    expect(r && 'consignment' in r && r.consignment).toMatchObject({
      consignmentId: 'C9',
      transportDocument: { houseAwb: 'H1' },
      buyer: { name: 'Sato Hanako', addressLines: ['1-1 Umeda'], city: 'Osaka', country: 'JP' },
      items: [{ description: 'T-shirt', quantity: 1, unit: 'NO', value: { amount: '12.5', currency: 'USD' } }],
    });
  });

  it('rejects the consignment when its rows disagree on a consignment-level column', async () => {
    const [row1, row2] = consignmentToCsvRows(withId('C1'));
    const records = await parseAll([CSV_HEADER_LINE, row1, row2!.replace('Yamada Taro', 'Suzuki Ichiro')].join('\n'));
    expect(records).toEqual([
      {
        lineNo: 2,
        lastLineNo: 3,
        consignmentId: 'C1',
        problems: [
          expect.objectContaining({ code: 'CONSIGNMENT.CSV_INCONSISTENT_ROWS', column: 'buyer_name', lineNo: 3 }),
        ],
      },
    ]);
  });

  it('points a validation problem at the CSV column and the line of the item row', async () => {
    const bad = withId('C1');
    bad.items[1]!.hsCode = '12AB56';
    const [r] = await parseAll(csv(bad));
    expect(r && 'problems' in r && r.problems).toEqual([
      expect.objectContaining({
        code: 'CONSIGNMENT.INVALID_HS_CODE',
        path: '$.items[1].hsCode',
        column: 'item_hs_code',
        lineNo: 3,
      }),
    ]);
  });

  it('rejects a whole consignment when one of its rows cannot be read, rather than accept it one item short', async () => {
    const [row1, row2] = consignmentToCsvRows(withId('C1'));
    const text = [CSV_HEADER_LINE, row1, `${row2},extra`, ...consignmentToCsvRows(withId('C2'))].join('\n');
    const records = await parseAll(text);
    expect(
      records.map((r) =>
        'consignment' in r
          ? `ok ${r.consignment.consignmentId}`
          : `${r.consignmentId} ${r.problems.map((p) => p.code)}`,
      ),
    ).toEqual(['C1 CONSIGNMENT.MALFORMED_LINE', 'ok C2']);
  });

  it('reports a row whose id cannot be made out on its own and goes on', async () => {
    const text = [CSV_HEADER_LINE, 'garbage "with a stray quote', ...consignmentToCsvRows(withId('C2'))].join('\n');
    const records = await parseAll(text);
    expect(
      records.map((r) => ('consignment' in r ? `ok ${r.lineNo}` : `${r.lineNo} ${r.problems.map((p) => p.code)}`)),
    ).toEqual(['2 CONSIGNMENT.MALFORMED_LINE', 'ok 3']);
  });

  it('rejects a too-long row together with its consignment', async () => {
    const [row1, row2] = consignmentToCsvRows(withId('C1'));
    const text = [CSV_HEADER_LINE, row1, row2 + 'x'.repeat(600), ...consignmentToCsvRows(withId('C2'))].join('\n');
    const records = await parseAll(text, { maxLineBytes: 500 });
    expect(
      records.map((r) =>
        'consignment' in r
          ? `ok ${r.consignment.consignmentId}`
          : `${r.consignmentId} ${r.problems.map((p) => p.code)}`,
      ),
    ).toEqual(['C1 CONSIGNMENT.LINE_TOO_LONG', 'ok C2']);
  });

  it('counts rows beyond the item limit without keeping them', async () => {
    const many = withId('C1', {
      items: Array.from({ length: 5 }, () => sampleConsignment().items[0]!),
      declaredTotal: { amount: '129.50', currency: 'USD' },
    });
    const [r] = await parseAll(csv(many), { maxItems: 3 });
    expect(r && 'problems' in r && r.problems.map((p) => [p.code, p.message])).toEqual([
      ['CONSIGNMENT.TOO_MANY_ITEMS', 'At most 3 item lines, got 5'],
    ]);
  });

  it('stops with CSV_HEADER_INVALID when required columns are missing or unknown ones appear', async () => {
    const records = await parseAll('consignment_id,colour\nC1,red\n');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      lineNo: 1,
      problems: [
        { code: 'CONSIGNMENT.CSV_HEADER_INVALID', message: expect.stringContaining('unknown column "colour"') },
      ],
    });
  });

  it('yields a consignment as soon as the next one starts, before the input has ended', async () => {
    let ended = false;
    async function* slow(): AsyncGenerator<string> {
      yield csv(withId('C1'), withId('C2'));
      await new Promise((r) => setTimeout(r, 5));
      ended = true;
    }
    const it = parseCsv(slow(), sampleLookups);
    const first = await it.next();
    expect(first.value && 'consignment' in first.value && first.value.consignment.consignmentId).toBe('C1');
    expect(ended).toBe(false);
  });

  it('splits quoted records, tells an open quoted field from a stray quote', () => {
    expect(splitCsvRecord('a,"b\nc')).toBe('open');
    expect(splitCsvRecord('a,"b,""c""",')).toEqual(['a', 'b,"c"', '']);
    expect(splitCsvRecord('a,b"c')).toBeUndefined();
    expect(splitCsvRecord('"a"b')).toBeUndefined();
  });
});
