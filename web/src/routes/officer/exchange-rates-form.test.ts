import { describe, expect, it } from 'vitest';
import { validate } from '../../components/validators.ts';
import { placeNoRateProblems } from '../public/no-rate.ts';
import { blankRates, placeRateProblems, ratesRequest, ratesRules, weekOf } from './exchange-rates-form.ts';

describe('the week of customs exchange rates', () => {
  it('runs from Sunday to Saturday', () => {
    expect(weekOf('2026-12-08')).toEqual({ from: '2026-12-06', to: '2026-12-12' });
    expect(weekOf('2026-12-06')).toEqual({ from: '2026-12-06', to: '2026-12-12' });
    expect(weekOf('2026-12-12')).toEqual({ from: '2026-12-06', to: '2026-12-12' });
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-27', to: '2027-01-02' });
  });

  it('sends only the rows with a rate, and puts the server\'s problems back on their rows', () => {
    const v = { ...blankRates('2026-12-08'), 'rates.0.rate': '155.23', 'rates.3.rate': '196.5', 'rates.11.currency': 'xau', 'rates.11.rate': '1' };
    const { body, rowOf } = ratesRequest(v);
    expect(body.rates.map((r) => [r.currency, r.rate, r.validFrom, r.validTo])).toEqual([
      ['USD', '155.23', '2026-12-06', '2026-12-12'],
      ['GBP', '196.5', '2026-12-06', '2026-12-12'],
      ['XAU', '1', '2026-12-06', '2026-12-12'],
    ]);
    expect(rowOf).toEqual([0, 3, 11]);
    const placed = placeRateProblems(
      [
        { path: '$.rates[2].currency', code: 'DECLARATION.UNKNOWN_CURRENCY', message: 'x' },
        { path: '$.rates[0].validTo', code: 'REQUEST.INVALID_VALUE', message: 'y' },
      ],
      rowOf,
    );
    expect(placed.map((p) => p.path)).toEqual(['$.rates[11].currency', '$.validTo']);
  });

  it('asks for one rate at least, positive, and a week that ends after it starts', () => {
    const blank = blankRates('2026-12-08');
    expect(validate(blank, ratesRules(blank)).get('rates.0.rate')).toBe('rates.v.none');
    const bad = { ...blank, 'rates.1.rate': '0', validTo: '2026-12-01' };
    const errs = validate(bad, ratesRules(bad));
    expect([errs.get('rates.1.rate'), errs.get('validTo'), errs.has('rates.0.rate')]).toEqual(['v.decimal', 'rates.v.order', false]);
  });
});

describe('an estimate without the week\'s rate', () => {
  it('is told on the exchange-rate field what to enter and where the rates come from, not on the currency', () => {
    const problems = [
      { path: '$.items[0].value.currency', code: 'ASSESSMENT.NO_EXCHANGE_RATE', message: 'no customs exchange rate for USD on 2026-12-08' },
      { path: '$.items[0].code9', code: 'ASSESSMENT.UNKNOWN_CODE', message: 'z' },
    ];
    const placed = placeNoRateProblems(problems, (c) => `rate for ${c}`);
    expect(placed[0]).toEqual({ path: '$.exchangeRate', code: 'ASSESSMENT.NO_EXCHANGE_RATE', message: 'rate for USD' });
    expect(placed[1]).toBe(problems[1]);
  });
});
