import { unitValue, type KeyField, type RiskItem } from './item.ts';
import { NumberTable } from './number-tables.ts';

/** How a field's key is read from an item (keyOf's cases). */
const enum Read {
  Text,
  Hs,
  Number,
  UnitValue,
}

const HS_DIGITS: Partial<Record<KeyField, number>> = { hs2: 2, hs4: 4, hs6: 6, hs10: 10 };
const NUMBER_OF: Partial<Record<KeyField, (it: RiskItem) => number>> = {
  taxRate: (it) => it.taxRate,
  mass: (it) => it.netMassKg,
  value: (it) => it.value,
};

type TextField = Exclude<KeyField, 'hs2' | 'hs4' | 'hs6' | 'hs10' | 'taxRate' | 'mass' | 'value' | 'unitValue'>;

/**
 * One field's values → ids, for the encoder; id 0 is the empty string ("not given"), -1 a value no fitted map holds.
 * Every id is the one of the field's key string (keyOf), found without building that string where it can be.
 */
export class FieldDict {
  readonly ids = new Map<string, number>([['', 0]]);
  private read = Read.Text;
  /** Text fields: the last value asked for and its id (an item's lines share their parties and countries). */
  private lastText: string | undefined;
  private lastId = 0;
  /**
   * For fields keyed by String(number): the same ids by the number itself, which spares the conversion. String is
   * one-to-one on finite doubles but for ±0 (both "0"), as the table's keys are.
   */
  private byNumber = new NumberTable(0);
  private numberOf: (it: RiskItem) => number = () => Number.NaN;
  /** HS levels: id by the item's whole HS code, so one code's levels cost one lookup each, not a cut and a hash. */
  private byCode = new Map<string, number>();
  private digits = 0;
  /**
   * Unit values: the numbers the keys stand for, sorted. A key is u.toPrecision(6), within 5e-6·|u| of u, so a u
   * with no such number within 1e-5·|u| has no key in the dictionary and needs no string (most fresh unit values:
   * they are ratios, rarely seen before).
   */
  private near = new Float64Array(0);

  constructor(
    readonly field: KeyField,
    readonly slot: number,
  ) {}

  get size(): number {
    return this.ids.size;
  }

  intern(v: string): void {
    if (!this.ids.has(v)) this.ids.set(v, this.ids.size);
  }

  freeze(): void {
    const f = this.field;
    const numberOf = NUMBER_OF[f];
    const digits = HS_DIGITS[f];
    if (numberOf !== undefined) {
      this.read = Read.Number;
      this.numberOf = numberOf;
      this.byNumber = new NumberTable(this.ids.size);
      for (const [s, id] of this.ids) {
        const n = Number(s);
        if (s !== '' && String(n) === s) this.byNumber.set(n, id);
      }
    } else if (digits !== undefined) {
      this.read = Read.Hs;
      this.digits = digits;
    } else if (f === 'unitValue') {
      this.read = Read.UnitValue;
      this.near = Float64Array.from([...this.ids.keys()].filter((k) => k !== '').map(Number).filter((n) => !Number.isNaN(n))).sort();
    }
  }

  idOf(it: RiskItem): number {
    switch (this.read) {
      case Read.Text: {
        const v = it[this.field as TextField];
        if (v === this.lastText) return this.lastId;
        const id = this.ids.get(v) ?? -1;
        this.lastText = v;
        this.lastId = id;
        return id;
      }
      case Read.Hs: {
        const code = it.hs;
        let id = this.byCode.get(code);
        if (id === undefined) {
          // keyOf's cut: the first `digits` digits, empty when the code is shorter (but for HS2)
          const key = this.digits === 2 || code.length >= this.digits ? code.slice(0, this.digits) : '';
          id = this.ids.get(key) ?? -1;
          if (this.byCode.size >= 100_000) this.byCode.clear(); // codes are few; never an unbounded cache
          this.byCode.set(code, id);
        }
        return id;
      }
      case Read.Number: {
        const n = this.numberOf(it);
        return Number.isFinite(n) ? this.byNumber.get(n) : 0;
      }
      case Read.UnitValue:
        return this.unitValueId(unitValue(it));
    }
  }

  private unitValueId(u: number): number {
    if (!Number.isFinite(u)) return 0;
    const near = this.near;
    const lo = u - Math.abs(u) * 1e-5;
    let a = 0; // the first number >= lo
    let b = near.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (near[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    if (a === near.length || near[a]! > u + Math.abs(u) * 1e-5) return -1;
    return this.ids.get(u.toPrecision(6)) ?? -1;
  }
}
