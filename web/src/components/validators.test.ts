import { describe, expect, it } from 'vitest';
import { code9, decimal, locode, optionalDecimal, validate } from './validators.ts';

describe('as-you-type checks mirror the API schemas', () => {
  it('accepts a 9-digit code and refuses 6 digits or letters', () => {
    expect(code9('090111000', {})).toBeNull();
    expect(code9('090111', {})).toBe('v.code9');
    expect(code9('', {})).toBe('v.required');
  });

  it('takes decimals with a point, never a comma (the API reads strings, not locale numbers)', () => {
    expect(decimal('5400.00', {})).toBeNull();
    expect(decimal('5,400', {})).toBe('v.decimal');
    expect(optionalDecimal('', {})).toBeNull();
  });

  it('knows UN/LOCODE letters exclude 0 and 1', () => {
    expect(locode('JPTYO', {})).toBeNull();
    expect(locode('JPT01', {})).toBe('v.locode');
  });

  it('reports only the fields that fail', () => {
    const errs = validate({ a: '090111000', b: 'x' }, { a: code9, b: decimal, c: code9 });
    expect([...errs.entries()]).toEqual([
      ['b', 'v.decimal'],
      ['c', 'v.required'],
    ]);
  });
});
