import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { ConsignmentSchema } from './model.ts';
import { generateConsignments } from './generator.ts';
import { sampleConsignment, sampleLookups } from './sample.ts';
import { validateConsignment } from './validate.ts';

const codes = (input: unknown, maxItems?: number): [string, string | undefined][] => {
  const r = validateConsignment(input, maxItems === undefined ? sampleLookups : { ...sampleLookups, maxItems });
  return r.ok ? [] : r.error.map((p) => [p.code, p.path]);
};

/** A copy of the sample with values set (or deleted, for `undefined`) at dotted paths such as `items.0.unit`. */
const withChange = (changes: Record<string, unknown>): unknown => {
  const c: unknown = structuredClone(sampleConsignment());
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let o = c as Record<string, unknown>;
    for (const k of keys) o = o[k] as Record<string, unknown>;
    if (value === undefined) Reflect.deleteProperty(o, last);
    else o[last] = value;
  }
  return c;
};

describe('consignment validation', () => {
  it('accepts a complete consignment and returns it unchanged', () => {
    const r = validateConsignment(sampleConsignment(), sampleLookups);
    expect(r).toEqual({ ok: true, value: sampleConsignment() });
  });

  it('agrees with the published TypeBox schema on valid consignments and on format errors', () => {
    for (const { consignment } of generateConsignments({ seed: 5, count: 300 })) {
      expect(validateConsignment(consignment, sampleLookups).ok).toBe(true);
      expect(Value.Check(ConsignmentSchema, consignment)).toBe(true);
    }
    for (const bad of [
      withChange({ 'items.0.hsCode': '8518' }),
      withChange({ 'items.0.value.amount': 25.9 }),
      withChange({ 'items.0.unit': 'PCS' }),
      withChange({ 'buyer.contry': 'JP' }),
      withChange({ grossMassKg: 0 }),
    ]) {
      expect(validateConsignment(bad, sampleLookups).ok).toBe(false);
      expect(Value.Check(ConsignmentSchema, bad)).toBe(false);
    }
  });

  it('reports every missing id with its JSON path, not only the first', () => {
    const c = withChange({ consignmentId: undefined, transportDocument: {}, 'platform.orderId': ' ' });
    expect(codes(c)).toEqual([
      ['CONSIGNMENT.MISSING_FIELD', '$.consignmentId'],
      ['CONSIGNMENT.MISSING_FIELD', '$.transportDocument.houseAwb'],
      ['CONSIGNMENT.MISSING_FIELD', '$.platform.orderId'],
    ]);
  });

  it('rejects countries and currencies the lookups do not know', () => {
    const c = withChange({ 'seller.country': 'XX', 'items.1.value.currency': 'ABC' });
    expect(codes(c)).toEqual([
      ['CONSIGNMENT.UNKNOWN_COUNTRY', '$.seller.country'],
      ['CONSIGNMENT.UNKNOWN_CURRENCY', '$.items[1].value.currency'],
    ]);
  });

  it('rejects zero or negative quantities, masses and values', () => {
    const c = withChange({
      'items.0.quantity': 0,
      'items.1.value.amount': '-3.00',
      grossMassKg: -1,
      'items.0.value.amount': '0.00',
    });
    expect(
      codes(c)
        .map(([code, path]) => `${code} ${path}`)
        .sort(),
    ).toEqual([
      'CONSIGNMENT.NOT_POSITIVE $.grossMassKg',
      'CONSIGNMENT.NOT_POSITIVE $.items[0].quantity',
      'CONSIGNMENT.NOT_POSITIVE $.items[0].value.amount',
      'CONSIGNMENT.NOT_POSITIVE $.items[1].value.amount',
    ]);
  });

  it('accepts 6- and 9-digit HS codes and rejects other formats', () => {
    expect(codes(withChange({ 'items.0.hsCode': '851830000' }))).toEqual([]);
    expect(codes(withChange({ 'items.0.hsCode': '8518.30' }))).toEqual([
      ['CONSIGNMENT.INVALID_HS_CODE', '$.items[0].hsCode'],
    ]);
    expect(codes(withChange({ 'items.0.hsCode': '85183000' }))).toEqual([
      ['CONSIGNMENT.INVALID_HS_CODE', '$.items[0].hsCode'],
    ]);
  });

  it('rejects amounts written as numbers or with a comma, because floats would round them', () => {
    expect(codes(withChange({ 'items.0.value.amount': 25.9 }))).toEqual([
      ['CONSIGNMENT.INVALID_AMOUNT', '$.items[0].value.amount'],
    ]);
    expect(codes(withChange({ 'items.0.value.amount': '25,90' }))).toEqual([
      ['CONSIGNMENT.INVALID_AMOUNT', '$.items[0].value.amount'],
    ]);
  });

  it('limits the number of item lines and requires at least one', () => {
    expect(codes(sampleConsignment(), 1)).toEqual([['CONSIGNMENT.TOO_MANY_ITEMS', '$.items']]);
    expect(codes(withChange({ items: [] }))).toEqual([['CONSIGNMENT.NO_ITEMS', '$.items']]);
  });

  it('checks the master AWB check digit and normalises house AWBs to upper case', () => {
    expect(codes(withChange({ 'transportDocument.masterAwb': '888-11111112' }))).toEqual([
      ['CONSIGNMENT.INVALID_AWB', '$.transportDocument.masterAwb'],
    ]);
    const r = validateConsignment(withChange({ transportDocument: { houseAwb: 'sel22222222' } }), sampleLookups);
    expect(r.ok && r.value.transportDocument).toEqual({ houseAwb: 'SEL22222222' });
  });

  it('flags a declared total that differs from the sum of same-currency lines', () => {
    const c = withChange({ 'declaredTotal.amount': '19.90' });
    const r = validateConsignment(c, sampleLookups);
    expect(r.ok ? [] : r.error).toEqual([
      expect.objectContaining({ code: 'CONSIGNMENT.TOTAL_MISMATCH', path: '$.declaredTotal', itemsTotal: '31.9' }),
    ]);
  });

  it('names unknown fields so that a misspelt field is not silently dropped', () => {
    expect(codes(withChange({ 'buyer.contry': 'JP' }))).toEqual([['CONSIGNMENT.UNKNOWN_FIELD', '$.buyer.contry']]);
  });

  it('rejects a non-object and wrong types with INVALID_FIELD', () => {
    expect(codes([1, 2])).toEqual([['CONSIGNMENT.INVALID_FIELD', '$']]);
    expect(codes(withChange({ 'items.0.quantity': '2' }))).toEqual([
      ['CONSIGNMENT.INVALID_FIELD', '$.items[0].quantity'],
    ]);
  });
});
