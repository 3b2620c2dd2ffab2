import { describe, expect, it } from 'vitest';
import { analyze } from './english-text.ts';
import { WordNetExpander } from './wordnet-expansion.ts';
import { sharedWordNet } from './wordnet.fixture.ts';

// The real WordNet against a small stand-in for the nomenclature's vocabulary.
const expander = new WordNetExpander(sharedWordNet(), {
  indexKeys: new Set(analyze('trousers garments clothing lens meat dish vessel thrower person jacket anorak construction furniture part footwear games')),
  synonyms: new Map([['desk', analyze('furniture')]]),
});
const keys = (w: string): string[] => expander.expand(w).map((k) => k.key);

describe('WordNet expansion of words the nomenclature lacks', () => {
  it('maps a word to the nearest ancestor the nomenclature knows ("sweatpants" → trousers, not on to garment)', () => {
    expect(keys('sweatpants')).toContain('trouser');
    expect(keys('sweatpants')).not.toContain('garment');
  });

  it('takes synonyms in the same synset first ("windbreaker" is an anorak)', () => {
    const [best] = expander.expand('windbreaker');
    expect(best?.key).toBe('anorak');
  });

  it('goes through the hand thesaurus for an ancestor ("lectern" → reading desk → furniture)', () => {
    expect(keys('lectern')).toContain('furnitur');
  });

  it('reads the head noun of the gloss ("meatball": ground meat formed into a ball …)', () => {
    expect(keys('meatballs')).toContain('meat');
  });

  it('skips senses that cannot be goods: a pitcher is a vessel, not a thrower', () => {
    expect(keys('pitcher')).toContain('vessel');
    expect(keys('pitcher')).not.toContain('thrower');
  });

  it('never climbs to over-general ancestors', () => {
    // kennel → outbuilding → building → structure/construction: the nomenclature's "construction" is too general
    expect(keys('kennel')).not.toContain('construction');
    expect(keys('eyepiece')).toEqual(['lens']);
  });

  it('returns nothing for a string WordNet does not know', () => {
    expect(expander.expand('cardboar')).toEqual([]);
  });

  it('tells real words (inflected too) from misspellings', () => {
    expect(expander.isWord('lectern')).toBe(true);
    expect(expander.isWord('meatballs')).toBe(true);
    expect(expander.isWord('folding')).toBe(true);
    expect(expander.isWord('alcahol')).toBe(false);
  });

  it('reads a head word as a noun, but a modifier only when it is mostly a noun ("spare" is mostly an adjective)', () => {
    expect(expander.expand('spares', 'head').map((k) => k.key)).toContain('part');
    expect(expander.expand('spares', 'modifier')).toEqual([]);
  });

  it('considers every lemma a plural may come from ("booties": booty or bootie, the baby shoe)', () => {
    expect(keys('booties')).toContain('footwear');
  });

  it('reads a game (an act in WordNet) as the goods it is played with ("backgammon" → games)', () => {
    expect(keys('backgammon')).toContain('gam');
  });
});
