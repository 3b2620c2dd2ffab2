import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { readCountries, readCurrencies } from '../reference/index.ts';
import { generateConsignments } from './generator.ts';
import { codeLookups, sampleLookups } from './sample.ts';
import { validateConsignment } from './validate.ts';

const countries = readCountries(dataDirFromEnv()).map((c) => c.alpha2);
const currencies = readCurrencies(dataDirFromEnv()).map((c) => c.code);
const iso = codeLookups(countries, currencies);

describe('validation against the ISO code lists of the reference data', () => {
  it('accepts the generated consignments with the real lists, as the pipeline will run it', () => {
    for (const { consignment } of generateConsignments({ seed: 8, count: 500 })) {
      expect(validateConsignment(consignment, iso)).toMatchObject({ ok: true });
    }
  });

  it('keeps the test lookups a subset of ISO, so that tests accept nothing production would refuse', () => {
    const probe = ['CN', 'JP', 'US', 'KR', 'GB', 'DE', 'FR', 'HK', 'TW', 'VN', 'IE', 'BR', 'XX', 'EU', 'UK'];
    for (const c of probe) if (sampleLookups.isCountry(c)) expect(iso.isCountry(c)).toBe(true);
    for (const c of ['USD', 'CNY', 'EUR', 'KRW', 'JPY', 'GBP', 'HKD', 'TWD', 'ABC', 'RMB']) {
      if (sampleLookups.isCurrency(c)) expect(iso.isCurrency(c)).toBe(true);
    }
    expect(iso.isCountry('UK')).toBe(false);
    expect(iso.isCurrency('RMB')).toBe(false);
  });
});
