import type { CodeLookups, Consignment } from './model.ts';

/**
 * A small, valid consignment and code lists for tests and documentation examples (here and in the API and
 * pipeline tests), so that nobody needs the reference files to exercise the model.
 */
export function sampleConsignment(): Consignment {
  return {
    consignmentId: 'SHP-2026-000001',
    transportDocument: { masterAwb: '888-11111111', houseAwb: 'SEL22222222' },
    seller: {
      name: 'Shenzhen Bright Gadget Co.',
      addressLines: ['88 Keji Rd'],
      city: 'Shenzhen',
      postcode: '518057',
      country: 'CN',
    },
    buyer: { name: 'Yamada Taro', addressLines: ['1-2-3 Shibuya'], city: 'Tokyo', postcode: '150-0002', country: 'JP' },
    platform: { name: 'ShopLink', orderId: 'ORD-778899' },
    items: [
      {
        description: 'Wireless earphones',
        hsCode: '851830',
        quantity: 1,
        unit: 'NO',
        value: { amount: '25.90', currency: 'USD' },
      },
      { description: 'Phone case, silicone', quantity: 2, unit: 'NO', value: { amount: '6.00', currency: 'USD' } },
    ],
    grossMassKg: 0.35,
    declaredTotal: { amount: '31.90', currency: 'USD' },
  };
}

const COUNTRIES = new Set(['CN', 'JP', 'US', 'KR', 'GB', 'DE', 'FR', 'HK', 'TW', 'VN', 'IE', 'BR']);
const CURRENCIES = new Set(['USD', 'CNY', 'EUR', 'KRW', 'JPY', 'GBP', 'HKD', 'TWD']);

/** A handful of codes; production code passes lookups backed by the reference module's ISO lists. */
export const sampleLookups: CodeLookups = {
  isCountry: (c) => COUNTRIES.has(c),
  isCurrency: (c) => CURRENCIES.has(c),
};

/** Lookups over code lists the caller has read (e.g. the reference module's ISO countries and currencies). */
export function codeLookups(countryCodes: Iterable<string>, currencyCodes: Iterable<string>): CodeLookups {
  const countries = new Set(countryCodes);
  const currencies = new Set(currencyCodes);
  return { isCountry: (c) => countries.has(c), isCurrency: (c) => currencies.has(c) };
}
