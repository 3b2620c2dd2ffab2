import { describe, expect, it } from 'vitest';
import { blendMeaning } from './meaning-blend.ts';
import { TextVectors } from './text-vectors.ts';
import { memoryVectors } from './word-vectors.fixture.ts';

const vectors = memoryVectors({ strings: [1, 1], musical: [1, 0], cello: [1, 0.05], twine: [0, 1] });
const text = TextVectors.build(
  [
    { id: '920930', sub: 'Musical strings', heading: '' },
    { id: '560710', sub: 'Twine strings', heading: '' },
  ],
  vectors,
);
const cello = text.query([{ word: 'cello', weight: 1 }]);
if (cello === undefined) throw new Error('cello has a vector');

describe('blendMeaning', () => {
  it('lets the text nearer in meaning win between near-equal word matches', () => {
    const hits = [
      { hs6: '560710', score: 10 },
      { hs6: '920930', score: 9 },
    ];
    expect(blendMeaning(hits, text, cello).map((h) => h.hs6)).toEqual(['920930', '560710']);
  });

  it('keeps a clearly better word match first', () => {
    const hits = [
      { hs6: '560710', score: 10 },
      { hs6: '920930', score: 2 },
    ];
    expect(blendMeaning(hits, text, cello).map((h) => h.hs6)).toEqual(['560710', '920930']);
  });

  it('answers with the texts nearest in meaning when no word matched', () => {
    expect(blendMeaning([], text, cello).map((h) => h.hs6)).toEqual(['920930', '560710']);
  });
});
