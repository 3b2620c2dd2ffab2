import { describe, expect, it } from 'vitest';
import { normalizeHouseAwb, normalizeMasterAwb } from './awb.ts';

describe('air waybill numbers', () => {
  it('accepts a master AWB whose check digit is the serial modulo 7, with or without the hyphen', () => {
    expect(normalizeMasterAwb('888-11111111')).toBe('888-11111111');
    expect(normalizeMasterAwb('02068548340')).toBe('020-68548340');
  });

  it('rejects a master AWB with a wrong check digit or the wrong length', () => {
    expect(normalizeMasterAwb('888-11111112')).toBeUndefined();
    expect(normalizeMasterAwb('888-1111111')).toBeUndefined();
    expect(normalizeMasterAwb('88A-11111111')).toBeUndefined();
  });

  it('upper-cases house AWBs and refuses punctuation', () => {
    expect(normalizeHouseAwb(' sel22222222 ')).toBe('SEL22222222');
    expect(normalizeHouseAwb('SEL-2222')).toBeUndefined();
  });
});
