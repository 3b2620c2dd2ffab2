import type { Prng } from './prng.ts';
import type { Party } from './model.ts';

/** Invented names and places: plausible shapes, no real companies or people. */

export interface SellerProfile {
  readonly party: Party;
  readonly currency: string;
  /** The seller's propensity to under-declare or mis-describe: a few bad actors, as in real targeting. */
  readonly risk: number;
}

const WORDS = [
  'Bright',
  'Lucky',
  'Golden',
  'Blue Sky',
  'Evergreen',
  'Sunrise',
  'Harbor',
  'Maple',
  'Pioneer',
  'Star',
  'Silk Road',
  'Jade',
  'Orchid',
  'Summit',
  'Cedar',
];

const SELLER_COUNTRIES: readonly (readonly [string, number, readonly string[], readonly string[], string])[] = [
  // country, weight, cities, name patterns ({w} = a word), currency
  [
    'CN',
    45,
    ['Shenzhen', 'Yiwu', 'Guangzhou', 'Hangzhou', 'Dongguan'],
    ['{c} {w} Trading Co., Ltd.', '{c} {w} Electronics Co.', '{w} Import & Export Co.'],
    'CNY',
  ],
  [
    'US',
    18,
    ['Los Angeles', 'New York', 'Austin', 'Seattle', 'Miami'],
    ['{w} Supply LLC', '{w} Goods Inc.', '{w} Outlet LLC'],
    'USD',
  ],
  ['KR', 14, ['Seoul', 'Busan', 'Incheon', 'Daegu'], ['{c} {w} Co., Ltd.', '{w} Beauty Co.', '{w} Style Inc.'], 'KRW'],
  ['GB', 6, ['London', 'Manchester', 'Leeds', 'Bristol'], ['{w} Ltd', '{w} Trading Ltd'], 'GBP'],
  ['DE', 5, ['Berlin', 'Hamburg', 'Munich'], ['{w} Handel GmbH', '{w} Versand GmbH'], 'EUR'],
  ['FR', 4, ['Paris', 'Lyon', 'Marseille'], ['{w} Boutique SARL', '{w} Diffusion SAS'], 'EUR'],
  ['HK', 5, ['Hong Kong', 'Kowloon'], ['{w} (HK) Limited', '{w} Global Ltd'], 'USD'],
  ['TW', 3, ['Taipei', 'Taichung'], ['{w} Technology Co.', '{w} Trading Corp.'], 'USD'],
];

const BUYER_PLACES: readonly (readonly [string, string, string])[] = [
  ['Tokyo', '150-0002', 'Shibuya'],
  ['Tokyo', '160-0022', 'Shinjuku'],
  ['Tokyo', '135-0061', 'Koto'],
  ['Osaka', '530-0001', 'Umeda'],
  ['Yokohama', '220-0012', 'Minatomirai'],
  ['Nagoya', '460-0008', 'Sakae'],
  ['Sapporo', '060-0001', 'Chuo-ku Kita 1-jo'],
  ['Fukuoka', '810-0001', 'Tenjin'],
  ['Sendai', '980-0021', 'Aoba-ku Chuo'],
  ['Kyoto', '600-8216', 'Shimogyo-ku'],
  ['Kobe', '650-0021', 'Chuo-ku Sannomiya'],
  ['Hiroshima', '730-0011', 'Naka-ku'],
];
const FAMILY = [
  'Sato',
  'Suzuki',
  'Takahashi',
  'Tanaka',
  'Watanabe',
  'Ito',
  'Yamamoto',
  'Nakamura',
  'Kobayashi',
  'Kato',
  'Yoshida',
  'Yamada',
];
const GIVEN = ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Yuto', 'Mei', 'Takumi', 'Sakura', 'Kenji', 'Yuki'];

export function makeSellers(rng: Prng, count: number): SellerProfile[] {
  const sellers: SellerProfile[] = [];
  for (let i = 0; i < count; i++) {
    const [country, , cities, patterns, currency] = rng.weighted(SELLER_COUNTRIES.map((c) => [c, c[1]] as const));
    const city = rng.pick(cities);
    const name =
      rng.pick(patterns).replace('{c}', city).replace('{w}', rng.pick(WORDS)) + (i >= WORDS.length ? ` ${i}` : '');
    const party: Party = {
      name,
      addressLines: [
        `${rng.int(1, 999)} ${rng.pick(['Industrial Rd', 'Market St', 'Harbour Ave', 'Keji Rd', 'Commerce Blvd'])}`,
      ],
      city,
      postcode: String(rng.int(10000, 99999)),
      country,
    };
    // A few sellers (about 1 in 12) account for most of the non-compliance.
    sellers.push({
      party,
      currency: rng.chance(0.25) ? 'USD' : currency,
      risk: rng.chance(0.08) ? 0.35 + rng.next() * 0.4 : rng.next() * 0.03,
    });
  }
  return sellers;
}

export function makeBuyer(rng: Prng): Party {
  const [city, postcode, district] = rng.pick(BUYER_PLACES);
  const lines = [`${rng.int(1, 5)}-${rng.int(1, 30)}-${rng.int(1, 20)} ${district}`];
  if (rng.chance(0.4)) lines.push(`Room ${rng.int(101, 1210)}`);
  return { name: `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`, addressLines: lines, city, postcode, country: 'JP' };
}

export const PLATFORMS: readonly (readonly [string, number])[] = [
  ['Marketly', 30],
  ['GlobalBazaar', 25],
  ['ParcelMall', 15],
  ['SeoulSelect', 10],
  ['CraftNest', 8],
  ['DirectShop', 12],
];
