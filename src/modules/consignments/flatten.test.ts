import { describe, expect, it } from 'vitest';
import { flattenBatches } from './flatten.ts';

describe('flattening batches', () => {
  it('yields every item in order, skipping empty batches', async () => {
    async function* src(): AsyncGenerator<number[]> {
      yield [1, 2];
      yield [];
      yield [3];
    }
    const out: number[] = [];
    for await (const x of flattenBatches(src())) out.push(x);
    expect(out).toEqual([1, 2, 3]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* src(): AsyncGenerator<number[]> {
      try {
        yield [1, 2];
        yield [3];
      } finally {
        closed = true;
      }
    }
    for await (const x of flattenBatches(src())) if (x === 1) break;
    expect(closed).toBe(true);
  });
});
