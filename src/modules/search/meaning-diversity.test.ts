import { describe, expect, it } from 'vitest';
import { spreadNearDuplicates } from './meaning-diversity.ts';
import { TextVectors } from './text-vectors.ts';
import { memoryVectors } from './word-vectors.fixture.ts';

const vectors = memoryVectors({
  coats: [1, 0, 0],
  overcoats: [0.95, 0.05, 0],
  knitted: [0.9, 0.1, 0.1],
  leather: [0, 1, 0],
  apparel: [0.3, 0.7, 0.2],
  tents: [0, 0, 1],
});
const text = TextVectors.build(
  [
    { id: '610110', sub: 'Coats, overcoats, knitted', heading: 'Coats' },
    { id: '620130', sub: 'Coats, overcoats', heading: 'Coats' },
    { id: '610210', sub: 'Coats, overcoats, knitted', heading: 'Coats' },
    { id: '620230', sub: 'Coats, overcoats', heading: 'Coats' },
    { id: '420310', sub: 'Leather apparel', heading: 'Apparel of leather' },
    { id: '630622', sub: 'Tents', heading: 'Tents' },
  ],
  vectors,
);
const ranked = (ids: string[]): { hs6: string; score: number }[] => ids.map((hs6, i) => ({ hs6, score: 10 - i }));
const headings = (ids: string[]): string[] => spreadNearDuplicates(ranked(ids), text).map((h) => h.hs6.slice(0, 4));

describe('spreadNearDuplicates', () => {
  it('lets two near-identical headings into the first five, and moves a third behind a different one', () => {
    expect(headings(['610110', '620130', '610210', '420310', '630622'])).toEqual(['6101', '6201', '4203', '6306', '6102']);
  });

  it('leaves a list of different headings as it was', () => {
    expect(headings(['420310', '610110', '630622'])).toEqual(['4203', '6101', '6306']);
  });

  it('keeps a heading\'s subheadings together and the first heading first', () => {
    const out = spreadNearDuplicates(ranked(['610110', '610190', '620130', '610210', '420310']), text).map((h) => h.hs6);
    expect(out.slice(0, 2)).toEqual(['610110', '610190']);
    expect(out.indexOf('420310')).toBeLessThan(out.indexOf('610210'));
  });
});
