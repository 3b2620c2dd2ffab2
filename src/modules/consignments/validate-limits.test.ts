import { describe, expect, it } from 'vitest';
import { sampleConsignment, sampleLookups } from './sample.ts';
import { MAX_GROSS_MASS_KG, MAX_QUANTITY, validateConsignment } from './validate.ts';

const problems = (change: (c: Record<string, unknown>) => void): [string, string | undefined][] => {
  const c = structuredClone(sampleConsignment()) as unknown as Record<string, unknown>;
  change(c);
  const r = validateConsignment(c, sampleLookups);
  return r.ok ? [] : r.error.map((p) => [p.code, p.path]);
};
const item0 = (c: Record<string, unknown>) => (c['items'] as Record<string, unknown>[])[0]!;

describe('consignment numbers must be plausible', () => {
  it('refuses a gross mass of 1e308 kg, and anything above the maximum', () => {
    expect(problems((c) => (c['grossMassKg'] = 1e308))).toEqual([['CONSIGNMENT.INVALID_FIELD', '$.grossMassKg']]);
    expect(problems((c) => (c['grossMassKg'] = MAX_GROSS_MASS_KG + 1))).toEqual([['CONSIGNMENT.INVALID_FIELD', '$.grossMassKg']]);
    expect(problems((c) => (c['grossMassKg'] = MAX_GROSS_MASS_KG))).toEqual([]);
  });

  it('refuses a quantity of 1e30 (and 1e-30) with a clear field problem', () => {
    expect(problems((c) => (item0(c)['quantity'] = 1e30))).toEqual([['CONSIGNMENT.INVALID_FIELD', '$.items[0].quantity']]);
    expect(problems((c) => (item0(c)['quantity'] = 1e-30))).toEqual([['CONSIGNMENT.INVALID_FIELD', '$.items[0].quantity']]);
    expect(problems((c) => (item0(c)['quantity'] = MAX_QUANTITY))).toEqual([]);
  });
});
