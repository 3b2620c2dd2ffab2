import { join } from 'node:path';
import { readCsv } from './csv.ts';

/** Code lists read from the data folder's files, shaped for storage and lookups. */
export interface Country {
  readonly alpha2: string;
  readonly alpha3: string;
  readonly numeric: string;
  readonly nameEn: string;
  readonly currency: string;
  readonly ldc: boolean;
}
export interface Currency {
  readonly code: string;
  readonly name: string;
  readonly numeric: string;
  readonly minorUnit: string;
}

/**
 * Whether an ISO 4217 code can price goods: codes without a minor unit ("-") are not money — XXX (no currency),
 * XTS (testing), precious metals (XAU…), SDR and bond-market units — and would never have a customs exchange rate.
 */
export const isMoneyCurrency = (c: Currency | undefined): boolean => c !== undefined && /^\d$/.test(c.minorUnit.trim());
export interface Location {
  readonly locode: string;
  readonly country: string;
  readonly name: string;
  readonly nameAscii: string;
  readonly subdivision: string;
  readonly functions: string;
  readonly isSeaport: boolean;
  readonly isAirport: boolean;
  readonly iata: string;
  readonly coordinates: string;
}
export interface HsCode {
  readonly code: string;
  readonly description: string;
  readonly parent: string;
  readonly level: number;
  readonly section: string;
}

export const REFERENCE_FILES = {
  countries: 'reference/countries/country-codes.csv',
  currencies: 'reference/currencies/iso4217-codes-all.csv',
  locations: 'reference/unlocode/unlocode_ports_airports.csv',
  hs: 'hs/hs2022.csv',
} as const;

export function readCountries(dataDir: string): Country[] {
  return readCsv(join(dataDir, REFERENCE_FILES.countries))
    .filter((r) => /^[A-Z]{2}$/.test(r['ISO3166-1-Alpha-2'] ?? ''))
    .map((r) => ({
      alpha2: r['ISO3166-1-Alpha-2']!,
      alpha3: r['ISO3166-1-Alpha-3'] ?? '',
      numeric: r['ISO3166-1-numeric'] ?? '',
      nameEn: r['CLDR display name'] || r['official_name_en'] || r['UNTERM English Short'] || '',
      currency: r['ISO4217-currency_alphabetic_code'] ?? '',
      ldc: (r['Least Developed Countries (LDC)'] ?? '') !== '',
    }));
}

/** Current ISO 4217 currencies (withdrawn codes are dropped). */
export function readCurrencies(dataDir: string): Currency[] {
  const seen = new Map<string, Currency>();
  for (const r of readCsv(join(dataDir, REFERENCE_FILES.currencies))) {
    const code = r['AlphabeticCode'] ?? '';
    if (!/^[A-Z]{3}$/.test(code) || (r['WithdrawalDate'] ?? '') !== '' || seen.has(code)) continue;
    seen.set(code, { code, name: r['Currency'] ?? '', numeric: r['NumericCode'] ?? '', minorUnit: r['MinorUnit'] ?? '' });
  }
  return [...seen.values()];
}

/** UN/LOCODE seaports (function digit 1) and airports (function digit 4). */
export function readLocations(dataDir: string): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const r of readCsv(join(dataDir, REFERENCE_FILES.locations))) {
    const locode = r['locode'] ?? '';
    // The file repeats a few codes (change-indicator rows); the first entry wins.
    if (!/^[A-Z]{2}[A-Z2-9]{3}$/.test(locode) || seen.has(locode)) continue;
    seen.add(locode);
    const fn = r['function'] ?? '';
    out.push({
      locode,
      country: r['country'] ?? '',
      name: r['name'] ?? '',
      nameAscii: r['name_wo_diacritics'] ?? '',
      subdivision: r['subdivision'] ?? '',
      functions: fn,
      isSeaport: fn[0] === '1',
      isAirport: fn[3] === '4',
      iata: r['iata'] ?? '',
      coordinates: r['coordinates'] ?? '',
    });
  }
  return out;
}

export function readHsCodes(dataDir: string): HsCode[] {
  return readCsv(join(dataDir, REFERENCE_FILES.hs))
    .filter((r) => /^\d{2}(\d{2}){0,2}$/.test(r['hscode'] ?? ''))
    .map((r) => ({
      code: r['hscode']!,
      description: r['description'] ?? '',
      parent: r['parent'] ?? '',
      level: Number(r['level']),
      section: r['section'] ?? '',
    }));
}
