import { createHmac } from 'node:crypto';
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

  it('draws exactly what HMAC-SHA-256 from node:crypto draws, so stored decisions replay', () => {
    const first = (salt: string, purpose: string, id: string): number => {
      const mac = createHmac('sha256', salt).update(`${purpose}\u0000${id}`).digest();
      return ((mac.readUInt32BE(0) >>> 5) * 67_108_864 + (mac.readUInt32BE(4) >>> 6)) / 9_007_199_254_740_992;
    };
    for (let i = 0; i < 2000; i++) {
      const salt = i % 3 === 0 ? 's3cret-salt-0123456789' : `salt-${i % 7}-${'k'.repeat(i % 90)}`;
      const purpose = ['control', 'explore', 'aeo', 'fill'][i % 4]!;
      const id = i % 5 === 0 ? `déclaration-${i}` : `G${i}${'0'.repeat(i % 60)}`;
      expect(hashUniform(salt, purpose, id)).toBe(first(salt, purpose, id));
    }
    // Pinned as drawn before the MAC was computed in-process: a change here re-rolls every stored control sample.
    expect(hashUniform('s3cret-salt', 'control', 'dec-42')).toBe(0.09485064058922621);
    expect(hashUniform('s3cret-salt', 'explore', 'dec-42')).toBe(0.20054576588153095);
    expect(hashUniform('a-secret-salt-0123456789', 'control', 'G000123')).toBe(0.025017856335721844);
  });
});
