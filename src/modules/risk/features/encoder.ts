import { FieldDict } from './field-dict.ts';
import type { FeaturePipeline } from './fitted-pipeline.ts';
import { groupKey, unitValue, type KeyField, type RiskItem } from './item.ts';
import { CodeTable } from './number-tables.ts';
import { priceDeviation, type PriceNorms } from './price-norm.ts';
import { groupName, type NumericFeature } from './spec.ts';
import { encodeWith, smoothed } from './target-encoding.ts';

/**
 * A fitted pipeline compiled for fast transforms: the same numbers as building each group's composite key string
 * ("851762|CN") and looking it up in the fitted maps, without building or hashing those strings.
 *
 * Each field's values are interned once to small integers (its dictionary: every value that occurs in a fitted map
 * or category list; id 0 is always the empty string, -1 a value in no dictionary), so an item's fields are looked up
 * once each, and a group of fields becomes a number: the field's id for a group of one (a table indexed by it), a
 * mixed-radix number of the ids for more. A fitted key splits back into its parts unambiguously when it holds
 * exactly one '|' fewer than the group has fields (no part contained '|'); a group where some key does not is looked
 * up by its string as before. A value in no dictionary cannot be part of any fitted key, so it reads as "not seen".
 *
 * Built on first use and kept per pipeline object: a fitted pipeline is never changed afterwards.
 */
export class PipelineEncoder {
  /** Per feature, in the pipeline's name order. */
  private readonly features: readonly Feature[];
  private readonly dicts: readonly FieldDict[];
  /** The price norm's levels, most specific first. */
  private readonly norms: readonly Lookup[];
  private readonly all: readonly number[];
  private readonly plans = new WeakMap<readonly number[], Plan>();

  private constructor(private readonly p: FeaturePipeline) {
    const byField = new Map<KeyField, FieldDict>();
    const dict = (f: KeyField): FieldDict => {
      let d = byField.get(f);
      if (d === undefined) {
        d = new FieldDict(f, byField.size);
        byField.set(f, d);
      }
      return d;
    };
    // Every value of every field first, so that the dictionaries' sizes are final before any table is laid out.
    const { spec } = p;
    const sources: Source[] = [];
    const source = (fields: readonly KeyField[], map: ReadonlyMap<string, unknown>): Source => {
      const s = { fields, map, splittable: true };
      sources.push(s);
      return s;
    };
    const counts = spec.frequency.map((g) => source(g, p.counts.get(groupName(g))!));
    const targets = spec.targetEncoded.map((g) => source(g, p.targets.get(groupName(g))!.stats));
    const levels = p.norms.levels.map((l) => source(l.fields, l.medians));
    for (const f of spec.categorical) for (const v of p.categories.get(f)!.keys()) dict(f).intern(v);
    for (const s of sources) for (const f of s.fields) dict(f);
    for (const s of sources) {
      for (const key of s.map.keys()) {
        const parts = s.fields.length === 1 ? [key] : key.split('|');
        if (parts.length !== s.fields.length) s.splittable = false;
        else parts.forEach((part, j) => dict(s.fields[j]!).intern(part));
      }
    }
    for (const d of byField.values()) d.freeze();
    this.dicts = [...byField.values()];

    const features: Feature[] = [];
    for (const f of spec.categorical) {
      const d = dict(f);
      const table = new Float64Array(d.size + 1).fill(Number.NaN);
      for (const [v, code] of p.categories.get(f)!) table[d.ids.get(v)! + 1] = code;
      features.push({ kind: 'table', slot: d.slot, table, dicts: [d] });
    }
    const group = <V>(s: Source, map: ReadonlyMap<string, V>, value: (v: V) => number, miss: number, byKey: (key: string) => number): Feature => {
      const lookup = Lookup.of(s.fields.map(dict), map, value, s.splittable);
      if (lookup === undefined) return { kind: 'string', fields: s.fields, value: byKey };
      if (lookup.single === undefined) return { kind: 'multi', lookup, miss, dicts: lookup.dicts };
      // A group of one field: one table read, the unseen value (index 0) and the empty one (index 1) included.
      const table = Float64Array.from(lookup.single, (v, i) => (i === 1 ? Number.NaN : lookup.singleFound![i] === 1 ? v : miss));
      return { kind: 'table', slot: lookup.dicts[0]!.slot, table, dicts: lookup.dicts };
    };
    spec.frequency.forEach((g, i) => {
      const m = p.counts.get(groupName(g))!;
      features.push(group(counts[i]!, m, (n) => n, 0, (key) => (key === '' ? Number.NaN : (m.get(key) ?? 0))));
    });
    spec.targetEncoded.forEach((g, i) => {
      const t = p.targets.get(groupName(g))!;
      const value = (s: readonly [number, number]): number => smoothed(s[0], s[1], t.prior, t.smoothing);
      features.push(group(targets[i]!, t.stats, value, t.prior, (key) => encodeWith(t, key)));
    });
    const norms = p.norms.levels.map((l, i) => Lookup.of(levels[i]!.fields.map(dict), l.medians, (m) => m, levels[i]!.splittable));
    // One level looked up by string makes the whole norm go the slow way (rare: a value with '|' in training).
    this.norms = norms.every((l) => l !== undefined) ? norms : [];
    const normDicts = this.norms.flatMap((l) => l.dicts);
    for (const f of spec.numeric)
      features.push({ kind: 'numeric', feature: f, dicts: f === 'priceDeviation' ? normDicts : [], fast: this.norms.length === p.norms.levels.length });
    this.features = features;
    this.all = features.map((_, j) => j);
  }

  private static readonly cache = new WeakMap<FeaturePipeline, PipelineEncoder>();

  static of(p: FeaturePipeline): PipelineEncoder {
    let e = PipelineEncoder.cache.get(p);
    if (e === undefined) {
      e = new PipelineEncoder(p);
      PipelineEncoder.cache.set(p, e);
    }
    return e;
  }

  /** Every feature, one column per feature in the pipeline's order. */
  columns(items: readonly RiskItem[]): Float64Array[] {
    const n = items.length;
    const out = new Float64Array(n * this.features.length);
    this.encode(items, this.plan(this.all), out, 1, n);
    return this.all.map((j) => out.slice(j * n, (j + 1) * n));
  }

  /**
   * The features at `indices` (into the pipeline's names), row-major: row r's value of indices[k] at
   * r * indices.length + k. An index of -1 leaves its slot NaN (a feature the trees never read). Pass the same
   * array each time: what to compute is worked out once per array. Written into `into` when it is long enough
   * (then returned; the rows past items.length are left as they were).
   */
  rows(items: readonly RiskItem[], indices: readonly number[], into?: Float64Array): Float64Array {
    const size = items.length * indices.length;
    const out = into !== undefined && into.length >= size ? into : new Float64Array(size);
    this.encode(items, this.plan(indices), out, indices.length, 1);
    return out;
  }

  private plan(indices: readonly number[]): Plan {
    let plan = this.plans.get(indices);
    if (plan !== undefined) return plan;
    const dicts = new Set<FieldDict>();
    const tables: Extract<Feature, { kind: 'table' }>[] = [];
    const multis: Extract<Feature, { kind: 'multi' }>[] = [];
    const byKeys: Extract<Feature, { kind: 'string' }>[] = [];
    const numerics: Extract<Feature, { kind: 'numeric' }>[] = [];
    const at = { table: [] as number[], multi: [] as number[], byKey: [] as number[], numeric: [] as number[], nan: [] as number[] };
    indices.forEach((j, k) => {
      const f = j < 0 ? undefined : this.features[j];
      if (f === undefined) at.nan.push(k);
      else if (f.kind === 'table') {
        tables.push(f);
        at.table.push(k);
      } else if (f.kind === 'multi') {
        multis.push(f);
        at.multi.push(k);
      } else if (f.kind === 'string') {
        byKeys.push(f);
        at.byKey.push(k);
      } else {
        numerics.push(f);
        at.numeric.push(k);
      }
      if (f !== undefined && f.kind !== 'string') for (const d of f.dicts) dicts.add(d);
    });
    plan = {
      dicts: [...dicts],
      tableSlot: Int32Array.from(tables, (f) => f.slot),
      table: tables.map((f) => f.table),
      tableAt: Int32Array.from(at.table),
      multi: multis.map((f) => f.lookup),
      multiMiss: Float64Array.from(multis, (f) => f.miss),
      multiAt: Int32Array.from(at.multi),
      byKey: byKeys,
      byKeyAt: Int32Array.from(at.byKey),
      numeric: numerics.map((f) => f.feature),
      numericFast: numerics.map((f) => f.fast),
      numericAt: Int32Array.from(at.numeric),
      nanAt: Int32Array.from(at.nan),
    };
    this.plans.set(indices, plan);
    return plan;
  }

  private encode(items: readonly RiskItem[], plan: Plan, out: Float64Array, rowStride: number, featureStride: number): void {
    const ids = new Int32Array(this.dicts.length);
    const { dicts, tableSlot, table, tableAt, multi, multiMiss, multiAt, byKey, byKeyAt, numeric, numericFast, numericAt, nanAt } = plan;
    for (let r = 0; r < items.length; r++) {
      const it = items[r]!;
      for (let k = 0; k < dicts.length; k++) {
        const d = dicts[k]!;
        ids[d.slot] = d.idOf(it);
      }
      const base = r * rowStride;
      for (let k = 0; k < tableAt.length; k++) out[base + tableAt[k]! * featureStride] = table[k]![ids[tableSlot[k]!]! + 1]!;
      for (let k = 0; k < multiAt.length; k++) out[base + multiAt[k]! * featureStride] = multi[k]!.find(ids, multiMiss[k]!);
      for (let k = 0; k < byKeyAt.length; k++) {
        const f = byKey[k]!;
        out[base + byKeyAt[k]! * featureStride] = f.value(groupKey(it, f.fields));
      }
      for (let k = 0; k < numericAt.length; k++) {
        const f = numeric[k]!;
        out[base + numericAt[k]! * featureStride] =
          f === 'priceDeviation' && numericFast[k]! ? this.priceDeviation(it, ids) : numericFeature(this.p.norms, it, f);
      }
      for (let k = 0; k < nanAt.length; k++) out[base + nanAt[k]! * featureStride] = Number.NaN;
    }
  }

  /** priceDeviation with the norm levels looked up by ids. */
  private priceDeviation(it: RiskItem, ids: Int32Array): number {
    const u = Math.log(unitValue(it));
    if (!Number.isFinite(u)) return Number.NaN;
    for (const l of this.norms) {
      const m = l.find(ids, Number.NaN, true);
      if (m !== undefined) return u - m;
    }
    return u - this.p.norms.global;
  }
}

interface Source {
  readonly fields: readonly KeyField[];
  readonly map: ReadonlyMap<string, unknown>;
  splittable: boolean;
}

type Feature =
  /** Categories and groups of one field: a value per id + 1. */
  | { readonly kind: 'table'; readonly slot: number; readonly table: Float64Array; readonly dicts: readonly FieldDict[] }
  | { readonly kind: 'multi'; readonly lookup: Lookup; readonly miss: number; readonly dicts: readonly FieldDict[] }
  /** A group whose fitted keys do not split back into parts: looked up by its key string. */
  | { readonly kind: 'string'; readonly fields: readonly KeyField[]; readonly value: (key: string) => number }
  | { readonly kind: 'numeric'; readonly feature: NumericFeature; readonly dicts: readonly FieldDict[]; readonly fast: boolean };

/** What to compute for one list of features, by kind, with each one's place in the output row. */
interface Plan {
  readonly dicts: readonly FieldDict[];
  readonly tableSlot: Int32Array;
  readonly table: readonly Float64Array[];
  readonly tableAt: Int32Array;
  readonly multi: readonly Lookup[];
  readonly multiMiss: Float64Array;
  readonly multiAt: Int32Array;
  readonly byKey: readonly { readonly fields: readonly KeyField[]; readonly value: (key: string) => number }[];
  readonly byKeyAt: Int32Array;
  readonly numeric: readonly NumericFeature[];
  readonly numericFast: readonly boolean[];
  readonly numericAt: Int32Array;
  readonly nanAt: Int32Array;
}


/** A fitted map over a group of fields, addressed by the fields' ids. */
class Lookup {
  private constructor(
    readonly dicts: readonly FieldDict[],
    private readonly slots: Int32Array,
    /** A group of one: value by id + 1 (index 0 an unseen value, 1 the empty one). */
    readonly single: Float64Array | undefined,
    readonly singleFound: Uint8Array | undefined,
    /** More fields: value by the ids as digits of a mixed-radix number (radix: each dictionary's size). */
    private readonly multi: CodeTable | undefined,
    private readonly radix: Float64Array,
  ) {}

  /** undefined when the map must be read by key string (some key does not split, or the radix number is too long). */
  static of<V>(dicts: readonly FieldDict[], map: ReadonlyMap<string, V>, value: (v: V) => number, splittable: boolean): Lookup | undefined {
    const slots = Int32Array.from(dicts, (d) => d.slot);
    const radix = Float64Array.from(dicts, (d) => d.size);
    // Past 2^53 the mixed-radix number would no longer be exact.
    if (!splittable || dicts.reduce((a, d) => a * d.size, 1) > Number.MAX_SAFE_INTEGER) return undefined;
    if (dicts.length === 1) {
      const d = dicts[0]!;
      const single = new Float64Array(d.size + 1);
      const found = new Uint8Array(d.size + 1);
      for (const [key, v] of map) {
        const id = d.ids.get(key)!;
        if (id === 0) continue; // never looked up: an empty field is a missing feature
        single[id + 1] = value(v);
        found[id + 1] = 1;
      }
      return new Lookup(dicts, slots, single, found, undefined, radix);
    }
    const multi = new CodeTable(map.size);
    for (const [key, v] of map) {
      const parts = key.split('|');
      let code = 0;
      let empty = false;
      for (let j = 0; j < dicts.length; j++) {
        const id = dicts[j]!.ids.get(parts[j]!)!;
        if (id === 0) empty = true;
        code = code * radix[j]! + id;
      }
      if (!empty) multi.set(code, value(v));
    }
    return new Lookup(dicts, slots, undefined, undefined, multi, radix);
  }

  /** The value for the item's ids: NaN when a field is empty, `miss` when the key was never seen (or undefined). */
  find(ids: Int32Array, miss: number): number;
  find(ids: Int32Array, miss: number, undefinedIfAbsent: true): number | undefined;
  find(ids: Int32Array, miss: number, undefinedIfAbsent = false): number | undefined {
    const slots = this.slots;
    const absent = undefinedIfAbsent ? undefined : miss;
    if (this.single !== undefined) {
      const at = ids[slots[0]!]! + 1;
      if (at === 1) return undefinedIfAbsent ? undefined : Number.NaN;
      return this.singleFound![at] === 1 ? this.single[at]! : absent;
    }
    let code = 0;
    let unseen = false;
    for (let j = 0; j < slots.length; j++) {
      const id = ids[slots[j]!]!;
      if (id === 0) return undefinedIfAbsent ? undefined : Number.NaN;
      if (id < 0) unseen = true;
      code = code * this.radix[j]! + id;
    }
    if (unseen) return absent;
    const at = this.multi!.find(code);
    return at < 0 ? absent : this.multi!.slots[at]!;
  }
}

/** A numeric feature of one item. */
export function numericFeature(norms: PriceNorms, it: RiskItem, f: NumericFeature): number {
  switch (f) {
    case 'taxRate':
      return Number.isFinite(it.taxRate) ? it.taxRate : Number.NaN;
    case 'logMass':
      return it.netMassKg >= 0 ? Math.log1p(it.netMassKg) : Number.NaN;
    case 'logValue':
      return it.value >= 0 ? Math.log1p(it.value) : Number.NaN;
    case 'logUnitValue': {
      const u = unitValue(it);
      return u > 0 && Number.isFinite(u) ? Math.log(u) : Number.NaN;
    }
    case 'priceDeviation':
      return priceDeviation(norms, it);
  }
}
