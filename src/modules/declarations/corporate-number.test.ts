import { describe, expect, it } from 'vitest';
import { isValidCorporateNumber } from './corporate-number.ts';

describe('corporate number check digit', () => {
  // 7000012050002 is the National Tax Agency's own corporate number.
  it('accepts a real corporate number (国税庁 7000012050002)', () => {
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
  });
  it('rejects a wrong check digit', () => {
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
  });
  it('rejects other lengths and non-digits', () => {
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(isValidCorporateNumber('70000120500O2')).toBe(false);
  });
});
