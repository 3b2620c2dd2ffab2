import { Decimal } from '../../kernel/index.ts';
import type { Consignment, ItemLine } from './model.ts';
import { PLATFORMS, makeBuyer, makeSellers } from './parties.ts';
import { Prng } from './prng.ts';
import { GOODS, VAGUE_DESCRIPTIONS } from './vocabulary.ts';
import type { Goods } from './vocabulary.ts';

/**
 * Realistic synthetic consignments for benchmarks and for training a risk model: item lines drawn from the goods
 * vocabulary, values mostly under 10,000 yen with a long tail (a few above the 200,000-yen ceiling), sellers in
 * CN/US/KR/GB/… each with a hidden propensity to cheat, and a label saying which consignments are non-compliant and
 * why. The label is the ground truth the generator used; only what a customs system could observe goes into the
 * consignment (unit prices, vague words, missing or inconsistent codes, the seller), so a model can learn it.
 */

/** Yen per unit of currency used by the generator; pass `generatorRateOf` as the rate lookup when valuing its output. */
export const GENERATOR_YEN_RATES: Readonly<Record<string, string>> = {
  USD: '150',
  CNY: '21',
  EUR: '163',
  GBP: '190',
  KRW: '0.11',
  JPY: '1',
};
export const generatorRateOf = (currency: string): string | undefined => GENERATOR_YEN_RATES[currency];

export type NonComplianceReason = 'undervalued' | 'misdescribed' | 'wrong-hs-code';

export interface ComplianceLabel {
  readonly consignmentId: string;
  readonly nonCompliant: boolean;
  readonly reasons: readonly NonComplianceReason[];
  /** What the goods are really worth, and what was declared, in whole yen at the generator's rates. */
  readonly trueValueYen: number;
  readonly declaredValueYen: number;
}

export interface GeneratedConsignment {
  readonly consignment: Consignment;
  readonly label: ComplianceLabel;
}

export interface GenerateOptions {
  readonly seed: number;
  readonly count: number;
  /** Consignment ids are `${idPrefix}${index}`, index from `startIndex` (default 'GC', 0): batches can be made disjoint. */
  readonly idPrefix?: string;
  readonly startIndex?: number;
  /** Share of honest item lines that carry an HS code (default 0.6). */
  readonly hsCodeRate?: number;
  /** Size of the seller population (default 600); fixed so that a longer batch starts with the shorter one. */
  readonly sellers?: number;
}

const DECIMALS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0 };
const ITEM_COUNTS = [
  [1, 60],
  [2, 24],
  [3, 10],
  [4, 4],
  [5, 2],
] as const;
const GOODS_WEIGHTS = GOODS.map((g) => [g, g.weight] as const);
const CARRIERS = [
  ['131', 'JL'],
  ['205', 'NH'],
  ['297', 'CI'],
  ['180', 'KE'],
  ['784', 'CZ'],
  ['618', 'SQ'],
] as const;

export function* generateConsignments(opts: GenerateOptions): Generator<GeneratedConsignment> {
  const rng = new Prng(opts.seed);
  const sellers = makeSellers(rng, opts.sellers ?? 600);
  const prefix = opts.idPrefix ?? 'GC';
  const start = opts.startIndex ?? 0;
  const hsRate = opts.hsCodeRate ?? 0.6;
  let master = '';
  let carrier = 'JL';
  let masterLeft = 0;
  for (let n = 0; n < opts.count; n++) {
    const index = start + n;
    if (masterLeft-- <= 0) {
      // Express consolidations: a few hundred parcels under one master air waybill.
      const [airline, code] = rng.pick(CARRIERS);
      const serial7 = rng.int(1_000_000, 9_999_999);
      master = `${airline}-${serial7}${serial7 % 7}`;
      carrier = code;
      masterLeft = rng.int(100, 500);
    }
    const seller = rng.pick(sellers);
    const reasons = new Set<NonComplianceReason>();
    if (rng.chance(seller.risk)) {
      reasons.add(
        rng.weighted([
          ['undervalued', 6],
          ['misdescribed', 3],
          ['wrong-hs-code', 1],
        ] as const),
      );
      if (rng.chance(0.2)) reasons.add('undervalued');
    }
    const currency = seller.currency;
    let trueYen = new Decimal(0);
    let declaredYen = new Decimal(0);
    const items: ItemLine[] = [];
    const itemCount = rng.weighted(ITEM_COUNTS);
    // The cheat is applied to the most valuable line: that is where it pays.
    const drawn = Array.from({ length: itemCount }, () => drawLine(rng)).sort((a, b) => b.yen - a.yen);
    drawn.forEach((d, i) => {
      const cheat = i === 0;
      let yen = d.yen;
      if (cheat && reasons.has('undervalued')) yen = Math.max(20, Math.round(d.yen * (0.08 + rng.next() * 0.22)));
      const amount = toCurrency(yen, currency);
      trueYen = trueYen.plus(d.yen);
      declaredYen = declaredYen.plus(new Decimal(amount).times(GENERATOR_YEN_RATES[currency]!));
      let description = rng.pick(d.goods.descriptions);
      let hsCode: string | undefined = rng.chance(hsRate)
        ? rng.chance(0.3)
          ? d.goods.hsCode.slice(0, 6)
          : d.goods.hsCode
        : undefined;
      if (cheat && reasons.has('misdescribed')) {
        const decoy = otherGoods(rng, d.goods);
        description = rng.chance(0.6) ? rng.pick(VAGUE_DESCRIPTIONS) : rng.pick(decoy.descriptions);
        hsCode = rng.chance(0.5) ? undefined : decoy.hsCode;
      } else if (cheat && reasons.has('wrong-hs-code')) {
        hsCode = otherGoods(rng, d.goods).hsCode;
      }
      const line: ItemLine = { description, quantity: d.quantity, unit: d.goods.unit, value: { amount, currency } };
      if (hsCode !== undefined) line.hsCode = hsCode;
      items.push(line);
    });
    const mass = drawn.reduce(
      (kg, d) => kg + d.goods.kgPerUnit * d.quantity * (0.9 + rng.next() * 0.2),
      0.05 + rng.next() * 0.25,
    );
    const platform = rng.weighted(PLATFORMS);
    const consignmentId = `${prefix}${index}`;
    const consignment: Consignment = {
      consignmentId,
      transportDocument: { masterAwb: master, houseAwb: `${carrier}${String(index).padStart(10, '0')}` },
      seller: seller.party,
      buyer: makeBuyer(rng),
      platform: { name: platform, orderId: `${platform.slice(0, 2).toUpperCase()}${rng.int(10_000_000, 99_999_999)}` },
      items,
      grossMassKg: Math.max(0.01, Math.round(mass * 1000) / 1000),
    };
    if (rng.chance(0.5)) {
      consignment.declaredTotal = { amount: sumAmounts(items, currency), currency };
    }
    yield {
      consignment,
      label: {
        consignmentId,
        nonCompliant: reasons.size > 0,
        reasons: [...reasons],
        trueValueYen: trueYen.floor().toNumber(),
        declaredValueYen: declaredYen.floor().toNumber(),
      },
    };
  }
}

export interface LabelledHistory {
  readonly consignments: Consignment[];
  /** Index for index with `consignments`. */
  readonly labels: ComplianceLabel[];
  readonly nonCompliantRate: number;
}

/**
 * A labelled history for training and evaluating a risk model: generate with one seed for training and another (or
 * another `startIndex`) for evaluation, so that the model is never scored on consignments it learnt from.
 */
export function generateLabelledHistory(opts: GenerateOptions): LabelledHistory {
  const consignments: Consignment[] = [];
  const labels: ComplianceLabel[] = [];
  let bad = 0;
  for (const g of generateConsignments(opts)) {
    consignments.push(g.consignment);
    labels.push(g.label);
    if (g.label.nonCompliant) bad++;
  }
  return { consignments, labels, nonCompliantRate: consignments.length === 0 ? 0 : bad / consignments.length };
}

function drawLine(rng: Prng): { goods: Goods; quantity: number; yen: number } {
  const goods = rng.weighted(GOODS_WEIGHTS);
  const quantity = goods.unit === 'KG' ? rng.pick([0.2, 0.5, 1]) : rng.chance(0.7) ? 1 : rng.int(1, goods.maxQuantity);
  const unitYen = rng.logUniform(goods.yenPerUnit[0], goods.yenPerUnit[1]);
  return { goods, quantity, yen: Math.max(100, Math.round(unitYen * quantity)) };
}

function otherGoods(rng: Prng, not: Goods): Goods {
  for (;;) {
    const g = rng.pick(GOODS);
    if (g.key !== not.key) return g;
  }
}

/** A yen price as it would be shown in the seller's currency (at least one minor unit). */
function toCurrency(yen: number, currency: string): string {
  const dp = DECIMALS[currency] ?? 2;
  const v = new Decimal(yen).dividedBy(GENERATOR_YEN_RATES[currency]!).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
  const min = new Decimal(1).dividedBy(10 ** dp);
  return (v.lessThan(min) ? min : v).toFixed(dp);
}

function sumAmounts(items: readonly ItemLine[], currency: string): string {
  const sum = items.reduce((s, it) => s.plus(it.value.amount), new Decimal(0));
  return sum.toFixed(DECIMALS[currency] ?? 2);
}
