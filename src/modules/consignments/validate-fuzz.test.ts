import { describe, expect, it } from 'vitest';
import { ConsignmentErrors } from './errors.ts';
import { Prng } from './prng.ts';
import { sampleConsignment, sampleLookups } from './sample.ts';
import { validateConsignment } from './validate.ts';

const CODES = new Set(Object.values(ConsignmentErrors).map((e) => e.code));
const ODD_VALUES: unknown[] = [null, 0, -1, '', ' ', 'x', [], {}, [null], true, 1e308, '1e3', { amount: null }];

/** Every object and array inside `v`, with a way to replace one of its entries. */
function slots(v: unknown, out: { holder: Record<string, unknown>; key: string }[] = []): typeof out {
  if (typeof v === 'object' && v !== null) {
    const holder = v as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      out.push({ holder, key });
      slots(holder[key], out);
    }
  }
  return out;
}

describe('validation of hostile input', () => {
  it('never throws, and answers with known codes and a JSON path, whatever is swapped or removed', () => {
    const rng = new Prng(99);
    for (let n = 0; n < 3_000; n++) {
      const c: unknown = structuredClone(sampleConsignment());
      for (let k = rng.int(1, 3); k > 0; k--) {
        const all = slots(c);
        const { holder, key } = rng.pick(all);
        if (rng.chance(0.3)) Reflect.deleteProperty(holder, key);
        else holder[key] = rng.pick(ODD_VALUES);
      }
      const r = validateConsignment(c, sampleLookups);
      if (!r.ok) {
        for (const p of r.error) {
          expect(CODES.has(p.code)).toBe(true);
          expect(p.path).toMatch(/^\$/);
        }
      }
    }
  });

  it('rejects non-objects at the top level instead of throwing', () => {
    for (const v of [null, 42, 'text', [], true]) expect(validateConsignment(v, sampleLookups).ok).toBe(false);
  });
});
