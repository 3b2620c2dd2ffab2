import { describe, expect, it } from 'vitest';
import { analyzeQuery, buildQueryContext, compoundParts, expandQuery } from './english-query.ts';
import { analyze } from './english-text.ts';
import { stem } from './stem.ts';
import { parseSynonyms } from './synonyms.ts';
import { sharedWordNet } from './wordnet.fixture.ts';
import { memoryVectors } from './word-vectors.fixture.ts';

// A small hand-made vocabulary and thesaurus: the rules of query expansion, independent of the real data.
const ctx = buildQueryContext(
  ['Coffee, not roasted', 'Footwear; sports, sneakers', 'Seats; upholstered', 'Leather; of bovine animals', 'Telephones for cellular networks', 'Trunks and suitcases'],
  parseSynonyms(`
    trainers | sneakers => footwear
    armchair => seats
    mobile phone => telephones cellular
    backpack => trunks
  `),
);

const weights = (q: string): Record<string, number> =>
  Object.fromEntries(expandQuery(q, ctx).map((k) => [k.key, Math.round(k.weight * 100) / 100]));

describe('expandQuery', () => {
  it('adds the tariff word for an everyday word the nomenclature never uses, at full weight', () => {
    expect(weights('trainers')).toEqual({ trainer: 1, footwear: 1 });
  });

  it('adds the tariff word below the typed word when the nomenclature uses the typed word too', () => {
    expect(weights('sneakers')).toEqual({ sneaker: 1, footwear: 0.8 });
  });

  it('corrects a misspelt word before looking it up', () => {
    expect(Object.keys(weights('cofee'))).toEqual(['coffee']);
  });

  it('gives the words as read, corrected, with the head noun weighing most and filler left out', () => {
    expect(analyzeQuery('leather the armchiar', ctx).words).toEqual([
      { word: 'leather', weight: 0.6 },
      { word: 'armchair', weight: 1 },
    ]);
  });

  it('matches a two-word phrase and lowers the words it explains', () => {
    // "phone" is the head (1), "mobile" a modifier (0.6); both halved because the phrase explains them.
    // The two expansion words share the synonym weight: 0.8 / √2 ≈ 0.57 each.
    expect(weights('mobile phone')).toEqual({ telephon: 0.57, cellular: 0.57, mobil: 0.3, phon: 0.5 });
  });

  it('weights the head noun above its modifiers ("leather armchair" is an armchair)', () => {
    const w = weights('leather armchair');
    expect(w['seat']).toBeGreaterThan(w['leather'] ?? 0);
    expect(w['armchair']).toBe(1);
  });

  it('glues two typed words that form a known word ("back pack")', () => {
    expect(weights('back pack')).toHaveProperty('trunk');
  });

  it('splits an unknown compound into two known words ("leatherseats")', () => {
    expect(weights('leatherseats')).toEqual({ leather: 0.6, seat: 1 });
  });

  it('drops stopwords', () => {
    expect(weights('the of and')).toEqual({});
  });
});

describe('expandQuery with WordNet', () => {
  const withWordNet = buildQueryContext(
    [
      'Trousers, breeches and shorts',
      'Sacks and bags, of plastics',
      'Ethyl alcohol',
      'Cartons, boxes and cases, of paperboard',
      'Exhibition stands',
      'Models designed for demonstrational purposes, in education',
      'Safety headgear; helmets',
    ],
    parseSynonyms(`
      plastic bag => sacks bags plastics
      cardboard => cartons paperboard
    `),
    sharedWordNet(),
  );
  const keysOf = (q: string): Record<string, number> =>
    Object.fromEntries(expandQuery(q, withWordNet).map((k) => [k.key, Math.round(k.weight * 100) / 100]));

  it('maps a word the nomenclature lacks to its WordNet ancestor, below the typed word', () => {
    const w = keysOf('sweatpants');
    expect(w['sweatpant']).toBe(1);
    expect(w['trouser']).toBeGreaterThan(0);
    expect(w['trouser']).toBeLessThan(0.8);
  });

  it('corrects misspellings to real words WordNet knows, even when the nomenclature lacks them', () => {
    expect(keysOf('alcahol')).toHaveProperty('alcohol');
    expect(keysOf('exhibtion')).toHaveProperty('exhibition');
    expect(keysOf('cardboar')).toHaveProperty('cardboard');
  });

  it('leaves a real word alone instead of respelling it into a tariff word', () => {
    expect(keysOf('lectern')).toHaveProperty('lectern');
  });

  it('expands a WordNet noun phrase the thesaurus lacks ("bin liners" are plastic bags)', () => {
    expect(keysOf('bin liners')).toHaveProperty('sack');
  });

  it('splits a compound WordNet writes as two words ("icecube")', () => {
    expect(Object.keys(keysOf('icecube'))).toEqual(expect.arrayContaining(['ice', 'cub']));
  });

  it('reads an adjective the nomenclature lacks as its noun ("educational" → education)', () => {
    expect(keysOf('educational models')).toHaveProperty('education');
  });

  it('completes a five-letter word cut off while typing to the nomenclature\'s word, not a rare dictionary word', () => {
    // "helme" is one vowel from WordNet's "helm"
    expect(keysOf('helme')).toHaveProperty('helmet');
  });
});

describe('compoundParts', () => {
  const keys = new Set(analyze('table glass ware paper board household house hold cover ings wire less'));
  const parts = ['table', 'glass', 'ware', 'paper', 'board', 'cover', 'ings', 'wire', 'less'];

  it('splits a closed compound into two words of the texts of four letters or more', () => {
    const found = compoundParts(['tableware', 'glassware', 'paperboard', ...parts], keys);
    expect(found.get('tablewar')).toEqual(['tabl', 'war']);
    expect(found.get('glasswar')).toEqual(['glass', 'war']);
    expect(found.get('paperboard')).toEqual(['paper', 'board']);
  });

  it('leaves words that are not made of two such words, or end in a suffix, alone', () => {
    // "kitchen" is not a word of these texts; "ings" and "less" are endings, not words
    expect(compoundParts(['tablecloth', 'boardwalk', 'glasses', 'kitchenware', 'coverings', 'wireless', ...parts], keys).size).toBe(0);
  });

  it('lets a query for a compound reach texts that write its parts apart ("tableware" → "table … articles")', () => {
    const ctx = buildQueryContext(['Table, kitchen or other household articles, of aluminium; sanitary ware', 'Tableware and kitchenware, of wood'], new Map());
    const keysOf = expandQuery('aluminium tableware', ctx).map((k) => k.key);
    expect(keysOf).toEqual(expect.arrayContaining(['aluminium', 'tablewar', 'tabl']));
  });
});

describe('expandQuery with word vectors', () => {
  // "liquified" is a word neither the texts, the thesaurus nor WordNet know; its vector sits next to "liquefied"
  const vectors = memoryVectors({ liquefied: [1, 0.1, 0], gas: [0.9, 0.4, 0], liquified: [1, 0.15, 0], coffee: [0, 0, 1] });
  const withVectors = buildQueryContext(['Gas, liquefied', 'Coffee'], new Map(), sharedWordNet(), vectors);

  it('adds the nearest words of the nomenclature for a word nothing else explains, below a typed word', () => {
    const keys = Object.fromEntries(expandQuery('liquified', withVectors).map((k) => [k.key, k.weight]));
    expect(keys[stem('liquefied')]).toBeGreaterThan(0.6);
    expect(keys[stem('liquefied')]).toBeLessThan(1);
    expect(keys).toHaveProperty('gas');
    expect(keys).not.toHaveProperty('coffe');
  });
});

describe('analyzeQuery: which typed words each key stands for', () => {
  const bits = (q: string): Record<string, number> => Object.fromEntries(analyzeQuery(q, ctx).keys.map((k) => [k.key, k.words]));

  it('marks a typed word and its thesaurus words with the word\'s bit', () => {
    // "leather" is word 0 (bit 1), "trainers" word 1 (bit 2) and its expansion "footwear" too
    expect(bits('leather trainers')).toEqual({ leather: 1, trainer: 2, footwear: 2 });
  });

  it('marks a phrase\'s expansion with the bits of every word of the phrase', () => {
    // "mobile phone" (words 0 and 1) → telephones cellular: bits 1 | 2
    expect(bits('mobile phone')).toMatchObject({ telephon: 3, cellular: 3, mobil: 1, phon: 2 });
  });
});
