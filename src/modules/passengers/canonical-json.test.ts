import { describe, expect, it } from 'vitest';
import { canonicalJson, declarationDigest } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null, e: undefined } })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });

  it('gives the same digest whatever the key order, and a different one when a value changes', () => {
    const a = declarationDigest({ x: 1, y: 'é' });
    expect(declarationDigest({ y: 'é', x: 1 })).toBe(a);
    expect(declarationDigest({ y: 'e', x: 1 })).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
