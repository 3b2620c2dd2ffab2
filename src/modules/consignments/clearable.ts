import type { Consignment, ItemLine } from './model.ts';

/** An item line as clearance reads it (a stored ItemLine is one). */
export interface ClearableItem {
  readonly description: string;
  readonly hsCode?: string | undefined;
  readonly quantity: number;
  readonly unit: ItemLine['unit'];
  readonly value: { readonly amount: string; readonly currency: string };
}

/**
 * What clearance reads of a consignment — valuation, code resolution, assessment, risk, advance-data matching — and
 * no more: addresses, order id and declared total are checked at upload and kept in the store, not needed after.
 * A stored Consignment is one.
 */
export interface ClearableConsignment {
  readonly consignmentId: string;
  readonly transportDocument: { readonly masterAwb?: string | undefined; readonly houseAwb?: string | undefined };
  readonly seller: { readonly name: string; readonly country: string };
  readonly buyer: { readonly name: string; readonly country: string };
  readonly platform: { readonly name: string };
  readonly items: readonly ClearableItem[];
  readonly grossMassKg: number;
}

/**
 * The clearable part of a consignment as a JSON array, the form in which it travels to the clearance workers:
 * `[id, masterAwb, houseAwb, sellerName, sellerCountry, buyerName, buyerCountry, platformName, grossMassKg,
 * [[description, quantity, unit, amount, currency, hsCode], …]]`, absent values as null. A third of the bytes of the
 * whole consignment, and parsed in under half the time (no keys, fewer values): decoding the message was a tenth of
 * a worker's time.
 */
export type PackedConsignment = readonly unknown[];

export function packConsignment(c: Consignment): PackedConsignment {
  const t = c.transportDocument;
  return [
    c.consignmentId,
    t.masterAwb ?? null,
    t.houseAwb ?? null,
    c.seller.name,
    c.seller.country,
    c.buyer.name,
    c.buyer.country,
    c.platform.name,
    c.grossMassKg,
    c.items.map((it) => [it.description, it.quantity, it.unit, it.value.amount, it.value.currency, it.hsCode ?? null]),
  ];
}

/**
 * A packed consignment back as objects, or a TypeError naming what is wrong (only the platform's own API writes these,
 * so a bad one is a defect or a foreign publisher, and its message goes to the dead letters after the retries).
 * Classes, not object literals: their instances always get V8's current map (see kernel/money.ts ScaledValue).
 */
export function unpackConsignment(p: unknown): ClearableConsignment {
  if (!Array.isArray(p) || p.length !== 10 || !Array.isArray(p[9])) throw new TypeError('packed consignment: not an array of 10 with item lines last');
  const items = (p[9] as unknown[]).map((it, i) => {
    if (!Array.isArray(it) || it.length !== 6) throw new TypeError(`packed consignment ${String(p[0])}: item ${i + 1} is not an array of 6`);
    return new Item(str(it[0]), num(it[1]), str(it[2]) as ItemLine['unit'], new Amount(str(it[3]), str(it[4])), opt(it[5]));
  });
  return new Clearable(str(p[0]), new Transport(opt(p[1]), opt(p[2])), new Named(str(p[3]), str(p[4])), new Named(str(p[5]), str(p[6])), new Platform(str(p[7])), items, num(p[8]));
}

function str(v: unknown): string {
  if (typeof v !== 'string') throw new TypeError(`packed consignment: ${JSON.stringify(v)} where a string belongs`);
  return v;
}
function num(v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`packed consignment: ${JSON.stringify(v)} where a number belongs`);
  return v;
}
function opt(v: unknown): string | undefined {
  return v === null ? undefined : str(v);
}

class Amount {
  constructor(
    readonly amount: string,
    readonly currency: string,
  ) {}
}
class Item implements ClearableItem {
  constructor(
    readonly description: string,
    readonly quantity: number,
    readonly unit: ItemLine['unit'],
    readonly value: Amount,
    readonly hsCode: string | undefined,
  ) {}
}
class Transport {
  constructor(
    readonly masterAwb: string | undefined,
    readonly houseAwb: string | undefined,
  ) {}
}
class Named {
  constructor(
    readonly name: string,
    readonly country: string,
  ) {}
}
class Platform {
  constructor(readonly name: string) {}
}
class Clearable implements ClearableConsignment {
  constructor(
    readonly consignmentId: string,
    readonly transportDocument: Transport,
    readonly seller: Named,
    readonly buyer: Named,
    readonly platform: Platform,
    readonly items: readonly Item[],
    readonly grossMassKg: number,
  ) {}
}
