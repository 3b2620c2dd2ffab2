import { describe, expect, it } from 'vitest';
import { TextVectors } from './text-vectors.ts';
import { memoryVectors } from './word-vectors.fixture.ts';

// Three directions: music, rope, food. "strings" sits between music and rope, as in real text.
const vectors = memoryVectors({
  strings: [1, 1, 0],
  musical: [1, 0, 0],
  instruments: [1, 0.1, 0],
  cello: [1, 0, 0.1],
  twine: [0, 1, 0],
  cordage: [0, 1, 0.1],
  coffee: [0, 0, 1],
});
const text = TextVectors.build(
  [
    { id: '920930', sub: 'Musical instrument strings', heading: 'Parts and accessories of musical instruments' },
    { id: '560710', sub: 'Twine and cordage', heading: 'Twine, cordage, ropes' },
    { id: '090111', sub: 'Coffee; not roasted', heading: 'Coffee' },
    { id: '999990', sub: 'Other', heading: '' },
  ],
  vectors,
);

describe('TextVectors', () => {
  it('puts a text nearer the query that means the same thing, though both share the word', () => {
    const q = text.query([
      { word: 'cello', weight: 0.6 },
      { word: 'strings', weight: 1 },
    ]);
    expect(q).toBeDefined();
    if (q === undefined) return;
    expect(text.similarity(q, '920930')).toBeGreaterThan(text.similarity(q, '560710'));
    expect(text.nearest(q, 2).map((s) => s.id)).toEqual(['920930', '560710']);
  });

  it('compares headings by the mean of their subheadings\' texts', () => {
    expect(text.headingSimilarity('9209', '9209')).toBeCloseTo(1, 5);
    expect(text.headingSimilarity('9209', '5607')).toBeGreaterThan(text.headingSimilarity('9209', '0901'));
    expect(text.headingSimilarity('9209', '9999')).toBe(0);
  });

  it('has no vector for a query none of whose words the vectors know', () => {
    expect(text.query([{ word: 'cofee', weight: 1 }])).toBeUndefined();
  });

  it('gives a text without known words a similarity of 0 and leaves it out of the nearest', () => {
    const q = text.query([{ word: 'coffee', weight: 1 }]);
    if (q === undefined) throw new Error('coffee has a vector');
    expect(text.similarity(q, '999990')).toBe(0);
    expect(text.nearest(q, 10).map((s) => s.id)).not.toContain('999990');
    expect(text.nearest(q, 1)[0]?.cosine).toBeCloseTo(1, 5);
  });

  it('gives texts of the same words the same vector, whatever their order (the word matches decide between them)', () => {
    // Coordinates with long binary fractions: float sums in another order differ in the last bits.
    const v = memoryVectors({
      roasted: [0.1, 0.7, 0.3, 0.11, 0.29, 0.37],
      decaffeinated: [0.2, 0.3, 0.9, 0.13, 0.17, 0.19],
      coffee: [0.35, 0.11, 0.47, 0.53, 0.59, 0.61],
      beans: [0.23, 0.41, 0.07, 0.43, 0.31, 0.67],
    });
    const orders = ['coffee roasted decaffeinated', 'decaffeinated coffee roasted', 'roasted decaffeinated coffee', 'decaffeinated roasted coffee', 'coffee decaffeinated roasted', 'roasted coffee decaffeinated'];
    const t = TextVectors.build(orders.map((sub, i) => ({ id: `09011${i}`, sub, heading: '' })), v);
    const q = t.query([
      { word: 'coffee', weight: 1 },
      { word: 'beans', weight: 0.7 },
    ])!;
    const cosines = orders.map((_, i) => t.similarity(q, `09011${i}`));
    expect(new Set(cosines).size).toBe(1);
  });
});

