import { describe, expect, it } from 'vitest';
import { writeWinkFile } from './word-vectors.fixture.ts';
import { loadWordVectors } from './word-vectors.ts';

// Words whose keys hold the characters the scanner looks for: brackets, a quote, a comma.
const entries = {
  coffee: [3, 4, 0],
  tea: [0, 0, 2],
  '[': [1, 0, 0],
  '"]",': [0, 1, 0],
  'sweat-pants': [0.5, 0.5, 0.5],
};

describe('loadWordVectors', () => {
  it('reads each word as a unit vector, and knows its frequency rank', () => {
    const v = loadWordVectors(writeWinkFile(entries));
    expect(v.dimensions).toBe(3);
    expect([...(v.unit('coffee') ?? [])].map((x) => Math.round(x * 100) / 100)).toEqual([0.6, 0.8, 0]);
    expect(v.rank('coffee')).toBe(0);
    expect(v.rank('tea')).toBe(1);
    expect(v.has('cofee')).toBe(false);
    expect(v.unit('cofee')).toBeUndefined();
  });

  it('finds entries whose words contain brackets, quotes and commas', () => {
    const v = loadWordVectors(writeWinkFile(entries));
    expect([...(v.unit('[') ?? [])]).toEqual([1, 0, 0]);
    expect([...(v.unit('"]",') ?? [])]).toEqual([0, 1, 0]);
    expect(v.unit('sweat-pants')?.[2]).toBeCloseTo(Math.sqrt(1 / 3), 6);
  });

  it('reads the same vectors when entries cross the boundary between two reads', () => {
    const path = writeWinkFile(entries);
    const whole = loadWordVectors(path);
    for (const chunk of [64, 81, 100]) {
      const pieces = loadWordVectors(path, { chunkBytes: chunk });
      for (const w of Object.keys(entries)) expect(pieces.unit(w)).toEqual(whole.unit(w));
    }
  });

  it('keeps only the most frequent words when asked, reading no further', () => {
    const v = loadWordVectors(writeWinkFile(entries), { maxWords: 2 });
    expect(v.has('tea')).toBe(true);
    expect(v.has('[')).toBe(false);
    expect(v.unit('[')).toBeUndefined();
  });

  it('refuses a file whose vectors are not in the order of its word list', () => {
    expect(() => loadWordVectors(writeWinkFile(entries, true))).toThrow(/out of order/);
  });
});
