import { describe, expect, it } from 'vitest';
import { SearchReferences, referenceKey, referenceOf, referenceProblems, scheduleCodes } from './references.ts';

describe('referenceKey', () => {
  it('compares English terms by their words\' stems in order, whatever the case, plural or punctuation', () => {
    expect(referenceKey('AA Batteries')).toBe(referenceKey('aa battery'));
    expect(referenceKey('  T-Shirts ')).toBe(referenceKey('t-shirt'));
    expect(referenceKey('battery aa')).not.toBe(referenceKey('aa battery'));
  });

  it('keeps Japanese as written, without spaces and with full-width letters folded (NFKC)', () => {
    expect(referenceKey('スマホ ケース')).toBe('スマホケース');
    expect(referenceKey('ＬＥＤ電球')).toBe('led電球');
  });

  it('is empty for a term without a word', () => {
    expect(referenceKey(' -- ')).toBe('');
  });
});

describe('SearchReferences', () => {
  const refs = SearchReferences.of([
    { term: 'aa battery', codes: ['8506'], note: 'The full code depends on the type of battery.' },
    { term: 'スマホ', codes: ['851713'], note: null },
    { term: '!!', codes: ['39'], note: null },
  ]);

  it('finds the reference whose term the whole query is', () => {
    expect(refs.lookup('AA batteries')?.codes).toEqual(['8506']);
    expect(refs.lookup('スマホ')?.codes).toEqual(['851713']);
  });

  it('does not answer a query that only contains the term', () => {
    expect(refs.lookup('aa battery charger')).toBeUndefined();
  });

  it('leaves out a term without a word', () => {
    expect(refs.size).toBe(2);
  });
});

describe('referenceProblems', () => {
  const isCode = (c: string): boolean => c.startsWith('85');

  it('is empty for a term with a word and codes the schedule has', () => {
    expect(referenceProblems({ term: 'aa battery', codes: ['8506', '850610'] }, isCode)).toEqual([]);
  });

  it('lists every problem with its path under the given root', () => {
    const problems = referenceProblems({ term: '--', codes: ['8506', '0901', '123'] }, isCode, '$[2]');
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['$[2].term', 'SEARCH.EMPTY_TERM'],
      ['$[2].codes[1]', 'SEARCH.UNKNOWN_CODE'],
      ['$[2].codes[2]', 'REQUEST.INVALID_VALUE'],
    ]);
  });

  it('refuses no code, too many codes and an over-long term', () => {
    expect(referenceProblems({ term: 'x'.repeat(101), codes: [] }, isCode).map((p) => p.path)).toEqual(['$.term', '$.codes']);
    expect(referenceProblems({ term: 'tv', codes: Array.from({ length: 11 }, () => '8528') }, isCode).map((p) => p.path)).toEqual(['$.codes']);
  });
});

describe('referenceOf and scheduleCodes', () => {
  it('stores the term trimmed, each code once and a blank note as none', () => {
    expect(referenceOf({ term: ' aa battery ', codes: ['8506', '8506', '8507'], note: '  ' })).toEqual({ term: 'aa battery', codes: ['8506', '8507'], note: null });
  });

  it('knows the chapter, heading, subheading and line of every 9-digit line, and nothing else', () => {
    const codes = scheduleCodes(['090111000', '', '220830000']);
    expect(['09', '0901', '090111', '090111000', '2208'].every((c) => codes.has(c))).toBe(true);
    expect(['0902', '09011', '', '090111001'].some((c) => codes.has(c))).toBe(false);
  });
});
