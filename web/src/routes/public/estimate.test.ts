import { describe, expect, it } from 'vitest';
import { estimateRequest } from './estimate.ts';

describe('the estimator builds the assessment contract', () => {
  it('sends only what was filled in, freight in the invoice currency and the rate for that currency', () => {
    expect(
      estimateRequest({
        'items.0.code9': '090111000',
        'items.0.originCountry': 'br',
        'items.0.value.amount': '5400.00',
        'items.0.value.currency': 'usd',
        incoterm: 'FOB',
        'freight.amount': '300',
        exchangeRate: '150.25',
        'items.0.preference': '',
      }),
    ).toEqual({
      incoterm: 'FOB',
      freight: { amount: '300', currency: 'USD' },
      exchangeRates: { USD: '150.25' },
      items: [{ code9: '090111000', originCountry: 'BR', value: { amount: '5400.00', currency: 'USD' } }],
    });
  });

  it('never sends an exchange rate for yen', () => {
    const r = estimateRequest({ 'items.0.value.currency': 'JPY', exchangeRate: '1' });
    expect(r['exchangeRates']).toBeUndefined();
  });
});
