import { describe, expect, it } from 'vitest';
import { assessRequest } from './assess-request.ts';
import { declarationFixture } from './test-fixtures.ts';

describe('assessRequest', () => {
  it('validates and assesses a request body with its exchange rates', () => {
    const declaration = declarationFixture({
      goods: {
        other: [{ description: 'coat', kind: 'coat', quantity: 2, unitValue: { amount: '1000', currency: 'EUR' } }],
      },
    });
    const r = assessRequest({ declaration, exchangeRates: { EUR: '160' } });
    // 160,000 yen each: one within 200,000; the other 160,000 × 0.6 = 96,000 × 15 % = 14,400.
    expect(r.ok && r.value.totalDutyYen).toBe(14_400);
  });

  it('lists envelope problems with their paths', () => {
    const r = assessRequest({ declaration: declarationFixture(), exchangeRates: { usd: 150 }, extra: 1 });
    expect(r.ok ? [] : (r.error.details as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([
      '$.extra',
      '$.exchangeRates.usd',
    ]);
    expect(assessRequest('nonsense').ok).toBe(false);
  });
});
