import { describe, expect, it } from 'vitest';
import { hashUniform } from './uniform.ts';

describe('hash-based uniform draws', () => {
  it('gives the same draw for the same salt, purpose and declaration', () => {
    expect(hashUniform('s3cret-salt', 'control', 'dec-42')).toBe(hashUniform('s3cret-salt', 'control', 'dec-42'));
  });

  it('changes with the salt, the purpose and the declaration', () => {
    const base = hashUniform('s3cret-salt', 'control', 'dec-42');
    expect(hashUniform('other-salt', 'control', 'dec-42')).not.toBe(base);
    expect(hashUniform('s3cret-salt', 'explore', 'dec-42')).not.toBe(base);
    expect(hashUniform('s3cret-salt', 'control', 'dec-43')).not.toBe(base);
  });

  it('is uniform on [0, 1): mean near 1/2 and each decile near 10 %', () => {
    const n = 20_000;
    const deciles = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = hashUniform('salt', 'control', `d${i}`);
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      deciles[Math.floor(u * 10)]! += 1;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const d of deciles) expect(Math.abs(d / n - 0.1)).toBeLessThan(0.008);
  });
});
