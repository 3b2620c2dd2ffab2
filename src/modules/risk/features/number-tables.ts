/**
 * Hash tables over typed arrays for the encoder's hot lookups, where a Map would box and hash a number that is past
 * the small-integer range (and even below it costs a call per lookup). Open addressing, linear probing, each key
 * next to its value so that a probe touches one cache line.
 */

/** Non-negative integer codes (below 2^53) → values. */
export class CodeTable {
  /** Key at 2i (-1 = empty), value at 2i + 1. */
  readonly slots: Float64Array;
  private readonly mask: number;

  constructor(size: number) {
    let capacity = 8;
    while (capacity < size * 2) capacity *= 2;
    this.slots = new Float64Array(capacity * 2).fill(-1);
    this.mask = capacity - 1;
  }

  private static hash(code: number): number {
    const h = Math.imul((code | 0) ^ Math.imul((code / 0x1_0000_0000) | 0, 0x85ebca6b), 0x9e3779b1);
    return (h ^ (h >>> 15)) >>> 0;
  }

  set(code: number, value: number): void {
    let i = CodeTable.hash(code) & this.mask;
    while (this.slots[2 * i] !== -1 && this.slots[2 * i] !== code) i = (i + 1) & this.mask;
    this.slots[2 * i] = code;
    this.slots[2 * i + 1] = value;
  }

  /** Where the value of `code` is in slots, or -1. */
  find(code: number): number {
    const slots = this.slots;
    let i = CodeTable.hash(code) & this.mask;
    for (;;) {
      const k = slots[2 * i]!;
      if (k === code) return 2 * i + 1;
      if (k === -1) return -1;
      i = (i + 1) & this.mask;
    }
  }
}

const BITS = new Float64Array(1);
const WORDS = new Int32Array(BITS.buffer);

/** Finite doubles → non-negative ids; -0 is the same key as 0 (as in a Map). */
export class NumberTable {
  /** Key at 2i (NaN = empty), id at 2i + 1. */
  private readonly slots: Float64Array;
  private readonly mask: number;

  constructor(size: number) {
    let capacity = 8;
    while (capacity < size * 2) capacity *= 2;
    this.slots = new Float64Array(capacity * 2).fill(Number.NaN);
    this.mask = capacity - 1;
  }

  /** Both words of the double's bits, mixed (murmur3's finalizer), so that integers and fractions spread alike. */
  private static hash(n: number): number {
    BITS[0] = n;
    let h = WORDS[0]! ^ Math.imul(WORDS[1]!, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  set(n: number, id: number): void {
    const key = n + 0; // -0 → 0
    let i = NumberTable.hash(key) & this.mask;
    while (this.slots[2 * i] === this.slots[2 * i] && this.slots[2 * i] !== key) i = (i + 1) & this.mask;
    this.slots[2 * i] = key;
    this.slots[2 * i + 1] = id;
  }

  /** The id of a finite n, or -1. */
  get(n: number): number {
    const key = n + 0;
    const slots = this.slots;
    let i = NumberTable.hash(key) & this.mask;
    for (;;) {
      const k = slots[2 * i]!;
      if (k === key) return slots[2 * i + 1]!;
      if (k !== k) return -1;
      i = (i + 1) & this.mask;
    }
  }
}
