import { describe, expect, it } from 'vitest';
import { NearestWords } from './nearest-words.ts';
import { stem } from './stem.ts';
import { memoryVectors } from './word-vectors.fixture.ts';

const vectors = memoryVectors({
  gas: [1, 0, 0],
  liquefied: [0.9, 0.3, 0],
  liquified: [0.85, 0.35, 0.05],
  footwear: [0, 1, 0],
  the: [0.2, 0.2, 0.2],
  rope: [0, 0, 1],
});

describe('NearestWords', () => {
  const near = NearestWords.build(['gas', 'liquefied', 'footwear', 'rope', 'the'], vectors);

  it('maps a word the nomenclature lacks to its nearest words there, as index keys, nearest first', () => {
    const keys = near.near('liquified').map((k) => k.key);
    expect(keys[0]).toBe(stem('liquefied'));
    expect(keys).toContain('gas');
    expect(keys).not.toContain('footwear');
  });

  it('leaves out words the index ignores and words below the cosine floor', () => {
    const keys = near.near('liquified').map((k) => k.key);
    expect(keys).not.toContain('the');
    expect(keys).not.toContain('rope');
  });

  it('has nothing for a word the vectors lack', () => {
    expect(near.near('unistrut')).toEqual([]);
  });
});
