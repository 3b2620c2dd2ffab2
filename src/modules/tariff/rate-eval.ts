import { Decimal, note, scaledCompare, scaledDecimal, scaledFloor, scaledPlus, scaledOf, scaledTimes, type Scaled } from '../../kernel/index.ts';
import { describeCondition, describeRate } from './rate-describe.ts';
import { inSeason } from './rate-label.ts';
import type { Branch, Condition, Rate, RateUnit } from './rate-types.ts';

/** What a rate needs to know about the goods to become an amount. */
export interface EvalInput {
  /** The item's taxable value in yen (already truncated below 1,000 yen). */
  readonly valueYen: Decimal;
  /** The same value as a safe integer, when the caller has one: ad valorem duty is then computed exactly without Decimal. */
  readonly valueWholeYen?: number | undefined;
  /** Declared quantity converted to `unit`, or undefined when none was declared in a convertible unit. */
  readonly quantity: (unit: RateUnit) => Decimal | undefined;
  readonly lactosePercent?: Decimal | undefined;
  readonly sugarContentKg?: Decimal | undefined;
  /** Statutory reference (gate) prices in yen per unit, by the name the schedule prints (`部分肉`). */
  readonly referencePrice: (name: string) => Decimal | undefined;
  readonly origin: string;
  /** ISO date of the assessment (seasonal branches). */
  readonly date: string;
  readonly quota: 'inside' | 'outside' | undefined;
  /** The branch the declarant says the goods fall under (1-based), for goods-described branches. */
  readonly branch: number | undefined;
}

export type Need =
  | { readonly kind: 'quantity'; readonly unit: RateUnit }
  | { readonly kind: 'lactosePercent' }
  | { readonly kind: 'sugarContentKg' }
  | { readonly kind: 'referencePrice'; readonly name: string };

export interface EvalNote {
  readonly code: string;
  readonly message: string;
}

export type EvalResult =
  | {
      readonly status: 'ok';
      readonly yen: Decimal;
      readonly notes: readonly EvalNote[];
      /** `yen` as an exact scaled integer where one fits: compared and floored without Decimal (yenLess, yenFloor). */
      readonly exact?: Scaled | undefined;
    }
  | { readonly status: 'needs'; readonly needs: readonly Need[] }
  | { readonly status: 'unavailable'; readonly reason: string; readonly notes: readonly EvalNote[] };

type Ok = Extract<EvalResult, { status: 'ok' }>;

const ZERO = new Decimal(0);
const NO_NOTES: readonly EvalNote[] = Object.freeze([]);
const okYen = (yen: Decimal, notes: readonly EvalNote[] = NO_NOTES): EvalResult => ({ status: 'ok', yen, notes });

/**
 * An amount known exactly as a scaled integer (ad valorem duty on whole yen, free): most items' duties. The Decimal
 * is made only if someone asks for it; comparing and flooring use the integers.
 */
class ExactOk implements Ok {
  readonly status = 'ok';
  #yen: Decimal | undefined;
  constructor(
    readonly exact: Scaled,
    readonly notes: readonly EvalNote[],
  ) {}
  get yen(): Decimal {
    return (this.#yen ??= scaledDecimal(this.exact));
  }
}

const FREE: EvalResult = new ExactOk(scaledOf(0, 0), NO_NOTES);
/** The same amount with other notes, exactness kept. */
const withNotes = (r: Ok, notes: readonly EvalNote[]): EvalResult => (r.exact ? new ExactOk(r.exact, notes) : okYen(r.yen, notes));

/** a < b, on the exact integers when both have them. */
export function yenLess(a: Ok, b: Ok): boolean {
  const c = a.exact && b.exact ? scaledCompare(a.exact, b.exact) : undefined;
  return c === undefined ? a.yen.lessThan(b.yen) : c < 0;
}

/** Whole yen, fractions dropped. */
export const yenFloor = (r: Ok): number => (r.exact ? scaledFloor(r.exact) : r.yen.floor().toNumber());

export const yenIsZero = (r: Ok): boolean => (r.exact ? r.exact.n === 0 : r.yen.isZero());

function adValorem(rate: Extract<Rate, { kind: 'adValorem' }>, input: EvalInput): EvalResult {
  if (rate.fraction.isZero()) return FREE;
  const v = input.valueWholeYen;
  const exact = rate.exact && v !== undefined && Number.isSafeInteger(v) && v >= 0 ? scaledTimes(scaledOf(v, 0), rate.exact) : undefined;
  return exact ? new ExactOk(exact, NO_NOTES) : okYen(input.valueYen.times(rate.fraction));
}

/** Computes the duty in yen (unrounded) that a parsed rate gives for one item. */
export function evaluateRate(rate: Rate, input: EvalInput): EvalResult {
  switch (rate.kind) {
    case 'free':
      return FREE;
    case 'adValorem':
      return adValorem(rate, input);
    case 'specific': {
      const q = input.quantity(rate.basis.unit);
      if (!q) return { status: 'needs', needs: [{ kind: 'quantity', unit: rate.basis.unit }] };
      return okYen(q.dividedBy(rate.basis.per).times(rate.yen));
    }
    case 'linear': {
      const q = input.quantity(rate.basis.unit);
      if (!q) return { status: 'needs', needs: [{ kind: 'quantity', unit: rate.basis.unit }] };
      return okYen(Decimal.max(ZERO, q.times(rate.perUnitYen).plus(input.valueYen.times(rate.valueFactor))));
    }
    case 'referencePrice': {
      const q = input.quantity(rate.basis.unit);
      const price = input.referencePrice(rate.reference);
      const needs: Need[] = [];
      if (!q) needs.push({ kind: 'quantity', unit: rate.basis.unit });
      if (!price) needs.push({ kind: 'referencePrice', name: rate.reference });
      if (!q || !price) return { status: 'needs', needs };
      const perUnit = price.times(rate.priceFactor);
      return okYen(Decimal.max(ZERO, q.times(perUnit).plus(input.valueYen.times(rate.valueFactor))));
    }
    case 'lactoseStep': {
      const q = input.quantity('KG');
      const needs: Need[] = [];
      if (!q) needs.push({ kind: 'quantity', unit: 'KG' });
      if (!input.lactosePercent) needs.push({ kind: 'lactosePercent' });
      if (!q || !input.lactosePercent) return { status: 'needs', needs };
      // "for every full 1 % by which lactose exceeds 10 %": partial steps do not count.
      const steps = Decimal.max(ZERO, input.lactosePercent.minus(rate.thresholdPercent)).dividedToIntegerBy(rate.stepPercent);
      return okYen(q.times(rate.baseYen.plus(steps.times(rate.stepYen))));
    }
    case 'sugarContent':
      if (!input.sugarContentKg) return { status: 'needs', needs: [{ kind: 'sugarContentKg' }] };
      return okYen(input.sugarContentKg.times(rate.yenPerKg));
    case 'sum':
    case 'max':
    case 'min':
      return combine(rate.kind, rate.kind === 'sum' ? rate.parts : rate.options, input);
    case 'varies':
      return evaluateVaries(rate.options, input);
    case 'excluded':
      return { status: 'unavailable', reason: 'no concession (非譲許) under this column', notes: [] };
    case 'seeNote':
      return { status: 'unavailable', reason: `the rate is given in schedule note ${rate.note}, which the data does not carry`, notes: [] };
    case 'branches':
      return evaluateBranches(rate.branches, input);
  }
}

function combine(kind: 'sum' | 'max' | 'min', rates: readonly Rate[], input: EvalInput): EvalResult {
  const results = rates.map((r) => evaluateRate(r, input));
  const needs = results.flatMap((r) => (r.status === 'needs' ? r.needs : []));
  if (needs.length > 0) return { status: 'needs', needs };
  const blocked = results.find((r) => r.status === 'unavailable');
  if (blocked) return blocked;
  const oks = results.filter((r) => r.status === 'ok');
  const notes = oks.flatMap((r) => r.notes);
  const exact = combineExact(kind, oks);
  if (exact) return new ExactOk(exact, notes);
  const yens = oks.map((r) => r.yen);
  const yen = kind === 'sum' ? yens.reduce((a, b) => a.plus(b), ZERO) : kind === 'max' ? Decimal.max(...yens) : Decimal.min(...yens);
  return okYen(yen, notes);
}

/** The sum, highest or lowest on exact integers, or undefined (Decimal then) if a part is inexact or it passes 2^53. */
function combineExact(kind: 'sum' | 'max' | 'min', oks: readonly Ok[]): Scaled | undefined {
  if (oks.length === 0) return undefined;
  let acc: Scaled | undefined;
  for (const r of oks) {
    if (!r.exact) return undefined;
    if (!acc) acc = r.exact;
    else if (kind === 'sum') acc = scaledPlus(acc, r.exact);
    else {
      const c = scaledCompare(r.exact, acc);
      if (c === undefined) return undefined;
      if (kind === 'max' ? c > 0 : c < 0) acc = r.exact;
    }
    if (!acc) return undefined;
  }
  return acc;
}

/** The rate differs between sub-items the data does not separate: take the highest, and say so. */
function evaluateVaries(options: readonly Rate[], input: EvalInput): EvalResult {
  const r = combine('max', options, input);
  const text = options.map(describeRate).join(' | ');
  if (r.status === 'unavailable') {
    return { status: 'unavailable', reason: `the rate differs by sub-item and part has no concession (${text})`, notes: [] };
  }
  if (r.status !== 'ok') return r;
  return withNotes(r, [
    ...r.notes,
    note('RATE_VARIES', { rates: text }),
  ]);
}

type Status = 'yes' | 'no' | 'unknown';

function conditionStatus(c: Condition, input: EvalInput, chosen: boolean): Status {
  switch (c.type) {
    case 'quota':
      return (input.quota === 'inside') === c.inside ? 'yes' : 'no';
    case 'party':
      return c.countries.includes(input.origin) ? 'yes' : 'no';
    case 'season':
      return inSeason(input.date, c.from, c.to) ? 'yes' : 'no';
    case 'goods':
      return chosen ? 'yes' : 'unknown';
  }
}

function branchStatus(b: Branch, input: EvalInput): Status {
  const chosen = input.branch === b.index;
  let status: Status = 'yes';
  for (const c of b.conditions) {
    const s = conditionStatus(c, input, chosen);
    if (s === 'no') return 'no';
    if (s === 'unknown') status = 'unknown';
  }
  return status;
}

const labelOf = (b: Branch): string => `#${b.index} ${b.label}`;

/**
 * Branches apply in printed order, `その他のもの` when none before did. Quota, party and season are decided from the
 * request; a goods description only by the declarant (`rateBranch`) — without it every branch the goods might fall
 * under is evaluated and the highest duty used, or the column is unavailable when the goods might match none.
 */
function evaluateBranches(branches: readonly Branch[], input: EvalInput): EvalResult {
  const notes: EvalNote[] = [];
  if (input.quota === undefined) {
    const insideOnly = branches.filter((b) => b.conditions.some((c) => c.type === 'quota' && c.inside));
    if (insideOnly.length > 0) {
      notes.push(note('QUOTA_RATE_AVAILABLE', { rates: insideOnly.map((b) => `${labelOf(b)}: ${describeRate(b.rate)}`).join('; ') }));
    }
  }
  if (input.branch !== undefined && !branches.some((b) => b.index === input.branch)) {
    return { status: 'unavailable', reason: `there is no branch #${input.branch} in this cell`, notes };
  }
  const possible: Branch[] = [];
  let decided = false;
  for (const b of branches) {
    if (input.branch !== undefined && b.conditions.some((c) => c.type === 'goods') && input.branch !== b.index) continue;
    const s = branchStatus(b, input);
    if (s === 'no') continue;
    possible.push(b);
    if (s === 'yes') {
      decided = true;
      break;
    }
  }
  if (!decided) {
    const wants = branches.map((b) => `${labelOf(b)} (${b.conditions.map(describeCondition).join(' & ') || 'otherwise'})`).join('; ');
    return {
      status: 'unavailable',
      reason:
        possible.length === 0
          ? `the goods meet none of the branches: ${wants}`
          : `only for goods the declarant confirms: ${wants}; pass rateBranch with the branch number`,
      notes,
    };
  }
  const results = possible.map((b) => ({ b, r: evaluateRate(b.rate, input) }));
  const needs = results.flatMap(({ r }) => (r.status === 'needs' ? r.needs : []));
  if (needs.length > 0) return { status: 'needs', needs };
  const blocked = results.find(({ r }) => r.status === 'unavailable');
  if (blocked && blocked.r.status === 'unavailable') return { ...blocked.r, notes: [...notes, ...blocked.r.notes] };
  let best = results[0]!;
  for (const x of results) if (x.r.status === 'ok' && best.r.status === 'ok' && yenLess(best.r, x.r)) best = x;
  if (best.r.status !== 'ok') return best.r;
  notes.push(...best.r.notes);
  if (possible.length > 1) {
    notes.push(note('RATE_BRANCH_ASSUMED', { branches: possible.map(labelOf).join('; '), chosen: labelOf(best.b) }));
  }
  return withNotes(best.r, notes);
}
