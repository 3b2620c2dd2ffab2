import { describe, expect, it } from 'vitest';
import { WordNet } from './wordnet.ts';
import { sharedWordNet } from './wordnet.fixture.ts';

/** Builds a two-synset `data.noun` whose offsets are the byte positions of its lines, as in the real files. */
function tinyWordNet(): WordNet {
  const header = '  1 This software and database is being provided to you\n';
  const trousersAt = header.length;
  const trousersLine = (sweatAt: number): string =>
    `${String(trousersAt).padStart(8, '0')} 06 n 02 trousers 0 pant 0 001 ~ ${String(sweatAt).padStart(8, '0')} n 0000 | a garment  \n`;
  const sweatAt = trousersAt + trousersLine(0).length;
  const sweatLine = `${String(sweatAt).padStart(8, '0')} 06 n 02 sweat_pants 0 sweatpants 0 001 @ ${String(trousersAt).padStart(8, '0')} n 0000 | loose-fitting trousers  \n`;
  const dataNoun = header + trousersLine(sweatAt) + sweatLine;
  const indexNoun = [
    '  1 This software and database is being provided to you',
    `pant n 1 1 ~ 1 0 ${String(trousersAt).padStart(8, '0')}  `,
    `sweat_pants n 1 1 @ 1 0 ${String(sweatAt).padStart(8, '0')}  `,
    `sweatpants n 1 1 @ 1 0 ${String(sweatAt).padStart(8, '0')}  `,
    `trousers n 1 1 ~ 1 3 ${String(trousersAt).padStart(8, '0')}  `,
  ].join('\n');
  return WordNet.parse({ indexNoun, dataNoun, otherIndexes: ['baggy a 1 0 1 2 00001740  '] });
}

describe('WordNet database files', () => {
  it('reads a synset at the byte offset the index gives, with its lemmas and hypernyms', () => {
    const wn = tinyWordNet();
    const [sense] = wn.nounSenses('sweatpants');
    const synset = sense === undefined ? null : wn.synset(sense);
    expect(synset?.words).toEqual(['sweat pants', 'sweatpants']);
    expect(synset?.lexFile).toBe(6);
    const parent = wn.synset(synset?.hypernyms[0] ?? -1);
    expect(parent?.words).toEqual(['trousers', 'pant']);
    expect(parent?.gloss).toBe('a garment');
  });

  it('knows lemmas of every part of speech, multi-word ones with spaces, and skips the licence header', () => {
    const wn = tinyWordNet();
    expect(wn.has('baggy')).toBe(true);
    expect(wn.has('sweat pants')).toBe(true);
    expect(wn.has('this')).toBe(false);
    expect(wn.size).toBe(5);
  });

  it('rejects an offset that is not the start of a synset line', () => {
    expect(tinyWordNet().synset(3)).toBeNull();
  });

  it('finds the noun lemma of a regular plural without exception lists', () => {
    const wn = sharedWordNet();
    expect(wn.nounLemma('meatballs')).toBe('meatball');
    expect(wn.nounLemma('boxes')).toBe('box');
    expect(wn.nounLemma('bin liners')).toBe('bin liner');
    expect(wn.nounLemma('cardboar')).toBeNull();
  });

  it('lists the most frequent sense first (the package files as shipped)', () => {
    const wn = sharedWordNet();
    const [first] = wn.nounSenses('pitcher');
    // sense 1 of "pitcher" is the baseball player (noun.person, lexicographer file 18)
    expect(wn.synset(first ?? -1)?.lexFile).toBe(18);
  });
});
