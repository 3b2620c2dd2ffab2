import type { Unit } from './model.ts';

/**
 * Goods commonly bought abroad online, with the Japanese 9-digit code (checked against the 2026-07 applied tariff
 * schedule), a plausible retail price range per unit in yen and a unit mass. The generator draws from it; the
 * price ranges are also the "truth" against which undervaluation is labelled.
 */
export interface Goods {
  readonly key: string;
  readonly descriptions: readonly string[];
  readonly hsCode: string;
  readonly unit: Unit;
  readonly yenPerUnit: readonly [number, number];
  readonly kgPerUnit: number;
  /** Relative frequency in parcels. */
  readonly weight: number;
  readonly maxQuantity: number;
}

export const GOODS: readonly Goods[] = [
  { key: 'tshirt', descriptions: ['Cotton T-shirt', "Men's cotton tee, printed", 'Graphic T-shirt 100% cotton'], hsCode: '610910020', unit: 'NO', yenPerUnit: [800, 4_000], kgPerUnit: 0.2, weight: 10, maxQuantity: 5 },
  { key: 'dress', descriptions: ["Women's knit dress, polyester", 'Summer dress, synthetic knit'], hsCode: '610443000', unit: 'NO', yenPerUnit: [1_500, 9_000], kgPerUnit: 0.35, weight: 6, maxQuantity: 3 },
  { key: 'sneakers', descriptions: ['Running shoes', 'Sports sneakers, rubber sole', 'Training shoes'], hsCode: '640411000', unit: 'PR', yenPerUnit: [3_000, 18_000], kgPerUnit: 0.9, weight: 6, maxQuantity: 2 },
  { key: 'handbag', descriptions: ['Leather handbag', "Women's leather shoulder bag"], hsCode: '420221110', unit: 'NO', yenPerUnit: [4_000, 60_000], kgPerUnit: 0.8, weight: 3, maxQuantity: 1 },
  { key: 'wallet', descriptions: ['Leather wallet', 'Card holder, genuine leather'], hsCode: '420231100', unit: 'NO', yenPerUnit: [1_500, 25_000], kgPerUnit: 0.15, weight: 4, maxQuantity: 2 },
  { key: 'smartphone', descriptions: ['Smartphone 128GB', 'Android smartphone, unlocked'], hsCode: '851713000', unit: 'NO', yenPerUnit: [25_000, 180_000], kgPerUnit: 0.4, weight: 2, maxQuantity: 1 },
  { key: 'earphones', descriptions: ['Wireless earphones', 'Bluetooth earbuds', 'Over-ear headphones'], hsCode: '851830000', unit: 'NO', yenPerUnit: [1_500, 35_000], kgPerUnit: 0.25, weight: 7, maxQuantity: 2 },
  { key: 'phonecase', descriptions: ['Phone case, silicone', 'Plastic phone cover'], hsCode: '392690029', unit: 'NO', yenPerUnit: [300, 2_500], kgPerUnit: 0.05, weight: 9, maxQuantity: 4 },
  { key: 'cable', descriptions: ['USB-C charging cable', 'USB cable 1m'], hsCode: '854442099', unit: 'NO', yenPerUnit: [300, 2_000], kgPerUnit: 0.06, weight: 7, maxQuantity: 5 },
  { key: 'powerbank', descriptions: ['Power bank 10000mAh, lithium-ion', 'Portable battery pack'], hsCode: '850760000', unit: 'NO', yenPerUnit: [1_800, 8_000], kgPerUnit: 0.3, weight: 4, maxQuantity: 2 },
  { key: 'lipstick', descriptions: ['Lipstick', 'Matte lip colour'], hsCode: '330410000', unit: 'NO', yenPerUnit: [600, 6_000], kgPerUnit: 0.03, weight: 6, maxQuantity: 5 },
  { key: 'skincream', descriptions: ['Face cream 50ml', 'Moisturising skin cream', 'Snail essence cream'], hsCode: '330499010', unit: 'NO', yenPerUnit: [800, 12_000], kgPerUnit: 0.12, weight: 7, maxQuantity: 4 },
  { key: 'perfume', descriptions: ['Eau de parfum 50ml', 'Perfume spray'], hsCode: '330300000', unit: 'NO', yenPerUnit: [2_500, 25_000], kgPerUnit: 0.25, weight: 3, maxQuantity: 2 },
  { key: 'greentea', descriptions: ['Green tea leaves', 'Loose leaf green tea'], hsCode: '090210000', unit: 'KG', yenPerUnit: [3_000, 20_000], kgPerUnit: 1, weight: 2, maxQuantity: 1 },
  { key: 'toy', descriptions: ['Plastic toy figure', 'Building blocks set', 'Plush toy'], hsCode: '950300000', unit: 'NO', yenPerUnit: [500, 9_000], kgPerUnit: 0.3, weight: 6, maxQuantity: 3 },
  { key: 'console', descriptions: ['Video game console', 'Handheld game console'], hsCode: '950450000', unit: 'NO', yenPerUnit: [18_000, 70_000], kgPerUnit: 1.2, weight: 1, maxQuantity: 1 },
  { key: 'book', descriptions: ['Printed book', 'Paperback novel', 'Art book'], hsCode: '490199000', unit: 'NO', yenPerUnit: [800, 6_000], kgPerUnit: 0.5, weight: 4, maxQuantity: 3 },
  { key: 'sunglasses', descriptions: ['Sunglasses', 'Polarised sunglasses'], hsCode: '900410000', unit: 'NO', yenPerUnit: [800, 30_000], kgPerUnit: 0.08, weight: 3, maxQuantity: 2 },
  { key: 'watch', descriptions: ['Mechanical wristwatch', 'Automatic watch, steel case'], hsCode: '910211000', unit: 'NO', yenPerUnit: [8_000, 400_000], kgPerUnit: 0.2, weight: 1, maxQuantity: 1 },
  { key: 'ring', descriptions: ['Silver ring', 'Sterling silver necklace'], hsCode: '711311000', unit: 'NO', yenPerUnit: [1_500, 20_000], kgPerUnit: 0.02, weight: 3, maxQuantity: 2 },
  { key: 'laptop', descriptions: ['Laptop computer 14"', 'Notebook PC'], hsCode: '847130000', unit: 'NO', yenPerUnit: [45_000, 300_000], kgPerUnit: 1.6, weight: 1, maxQuantity: 1 },
  { key: 'socks', descriptions: ['Cotton socks, 3 pairs', 'Ankle socks, cotton'], hsCode: '611595000', unit: 'PR', yenPerUnit: [200, 1_200], kgPerUnit: 0.05, weight: 5, maxQuantity: 6 },
  { key: 'jeans', descriptions: ["Men's denim jeans", 'Cotton trousers'], hsCode: '620342200', unit: 'NO', yenPerUnit: [2_500, 15_000], kgPerUnit: 0.7, weight: 4, maxQuantity: 2 },
  { key: 'camera', descriptions: ['Digital camera', 'Action camera 4K'], hsCode: '852589000', unit: 'NO', yenPerUnit: [12_000, 250_000], kgPerUnit: 0.6, weight: 1, maxQuantity: 1 },
  { key: 'mouse', descriptions: ['Wireless mouse', 'Mechanical keyboard'], hsCode: '847160000', unit: 'NO', yenPerUnit: [1_200, 18_000], kgPerUnit: 0.3, weight: 3, maxQuantity: 2 },
  { key: 'ledlamp', descriptions: ['LED desk lamp', 'LED strip light'], hsCode: '940542000', unit: 'NO', yenPerUnit: [1_000, 8_000], kgPerUnit: 0.6, weight: 2, maxQuantity: 2 },
  { key: 'bedsheet', descriptions: ['Cotton bed sheet', 'Duvet cover, cotton'], hsCode: '630231000', unit: 'NO', yenPerUnit: [2_000, 10_000], kgPerUnit: 0.8, weight: 2, maxQuantity: 2 },
  { key: 'knife', descriptions: ['Kitchen knife', 'Chef knife, stainless'], hsCode: '821191000', unit: 'NO', yenPerUnit: [1_500, 30_000], kgPerUnit: 0.3, weight: 1, maxQuantity: 2 },
];

/** Vague words that say nothing about the goods: a classic way of hiding what a parcel contains. */
export const VAGUE_DESCRIPTIONS: readonly string[] = ['Gift', 'Sample', 'Accessories', 'Parts', 'Personal items', 'Clothes', 'Goods'];
