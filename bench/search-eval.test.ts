import { describe, expect, it } from 'vitest';
import { isHit, percentile } from './search-eval.ts';

describe('search benchmark scoring', () => {
  it('counts a line under a referenced heading as a hit, whatever the deeper digits', () => {
    expect(isHit('850610000', ['8506'])).toBe(true);
    expect(isHit('903180000', ['9031809000'])).toBe(true);
  });

  it('matches chapter references at chapter level', () => {
    expect(isHit('030211000', ['03'])).toBe(true);
    expect(isHit('040110000', ['03'])).toBe(false);
  });

  it('misses a line under a different heading of the same chapter', () => {
    expect(isHit('850710000', ['8506'])).toBe(false);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});
