import { keyOf, words } from './english-text.ts';
import { stem } from './stem.ts';
import type { Synset, WordNet } from './wordnet.ts';

/** An index key reached through WordNet, with its weight before the query's own weighting (at most 1). */
export interface LexiconKey {
  readonly key: string;
  readonly weight: number;
}

/** What the nomenclature side knows: keys of its texts, and the hand thesaurus (stemmed phrase → tariff keys). */
export interface KnownVocabulary {
  readonly indexKeys: ReadonlySet<string>;
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
}

/**
 * Noun senses that can name something traded: animals, artifacts, body parts, documents, food, natural objects,
 * plants, substances. A shopper's "pitcher" is the jug, not the baseball player (person) or the quantity.
 */
const GOODS_LEXFILES: ReadonlySet<number> = new Set([5, 6, 8, 10, 13, 17, 20, 27]);

const ACT_LEXFILE = 4;
const GAMES: ReadonlySet<string> = new Set(['game', 'board game', 'card game', 'table game', 'sport']);

/**
 * Ancestors so broad that every good is one; climbing stops there ("lectern" → stand → table → furniture, not on to
 * "furnishing" and "instrumentality").
 */
const TOO_GENERAL: ReadonlySet<string> = new Set([
  'entity', 'physical entity', 'abstraction', 'object', 'whole', 'artifact', 'instrumentality', 'matter', 'substance',
  'thing', 'part', 'portion', 'piece', 'device', 'container', 'covering', 'commodity', 'article', 'ware', 'structure',
  'material', 'chemical', 'compound', 'organism', 'living thing', 'natural object', 'solid', 'fluid', 'liquid', 'food',
  'nutriment', 'creation', 'product', 'implement', 'equipment', 'system', 'decoration', 'unit', 'group', 'element',
  'component', 'communication', 'message', 'written communication', 'writing', 'publication', 'work', 'vascular plant',
  'plant part', 'plant organ', 'animal', 'chordate', 'vertebrate', 'invertebrate', 'person', 'genus', 'family',
  'merchandise', 'consumer goods', 'durables', 'furnishing', 'facility', 'means', 'way',
]);

/**
 * Words that say nothing about goods even as a gloss head or the head of a multi-word lemma ("plumbing system", "waste
 * material"). Broad words the nomenclature does use ("part", "device", "container") still count there ("spare part"
 * → part); only the climb stops at synsets they name.
 */
const MEANINGLESS: ReadonlySet<string> = new Set([
  'entity', 'abstraction', 'object', 'whole', 'artifact', 'instrumentality', 'matter', 'substance', 'thing', 'material',
  'stuff', 'system', 'communication', 'structure', 'construction', 'creation', 'product', 'commodity', 'organism',
  'unit', 'group', 'compound', 'means', 'way',
]);

/** Weight of a synset by its distance from the word: its own synonyms first, then each hypernym level less. */
const DEPTH_WEIGHT = [1, 0.8, 0.6, 0.45, 0.35];
/** The most frequent goods sense counts most; rarer senses still contribute. */
const SENSE_WEIGHT = [1, 0.6, 0.4];
/** A synset reached through a word's rarer sense ("vessel" as a jug, not a ship) says little about the HS text. */
const RARE_SENSE_WEIGHT = 0.4;

/**
 * Maps a word the nomenclature never uses to words it does, through WordNet: the word's noun senses (goods senses,
 * most frequent first), their synonyms and hypernym chains up to a few levels, and the head noun of the gloss
 * ("eyepiece" → lens, "sweatpants" → trousers, "windbreaker" → anorak/jacket). A path stops at the first ancestor the
 * nomenclature or the thesaurus knows; results are cached per word.
 */
export class WordNetExpander {
  private readonly cache = new Map<string, readonly LexiconKey[]>();

  constructor(
    readonly wordnet: WordNet,
    private readonly known: KnownVocabulary,
  ) {}

  /** Whether `word` is an English word (any part of speech, inflected or not): it needs no spelling correction. */
  isWord(word: string): boolean {
    const wn = this.wordnet;
    if (wn.has(word) || wn.nounLemma(word) !== null) return true;
    for (const [suffix, ending] of VERB_ADJ_DETACHMENTS) {
      if (word.length > suffix.length + 2 && word.endsWith(suffix) && wn.has(word.slice(0, -suffix.length) + ending)) return true;
    }
    return false;
  }

  /** Whether the space-separated phrase ("bin liners") is, inflected or not, a WordNet noun. */
  isNounPhrase(phrase: string): boolean {
    return this.wordnet.nounLemma(phrase) !== null;
  }

  /**
   * Index keys for a word or noun phrase (lower case, spaces between words); empty when WordNet has nothing useful.
   * A query's head word is read as a noun whatever else it can be ("custard tarts"); a modifier only when it is
   * mostly a noun ("acoustic guitar" is not about an acoustic).
   */
  expand(phrase: string, role: 'head' | 'modifier' = 'head'): readonly LexiconKey[] {
    const cacheKey = `${role}:${phrase}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.compute(phrase, role);
    // a long-running server sees an open-ended stream of words: keep the cache bounded
    if (this.cache.size >= 20_000) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }

  private compute(phrase: string, role: 'head' | 'modifier'): LexiconKey[] {
    const lemmas = this.wordnet.nounLemmas(phrase).filter((l) => role === 'head' || this.mostlyNoun(l));
    if (lemmas.length === 0) return [];
    const own = new Set([...lemmas, phrase]);
    const out = new Map<string, number>();
    const add = (key: string, weight: number): void => {
      if (weight > (out.get(key) ?? 0)) out.set(key, weight);
    };
    // "booties" may be bootie or booty: the goods senses of every candidate lemma, most frequent first
    const senses = lemmas
      .flatMap((l) => this.wordnet.nounSenses(l))
      .map((o) => this.wordnet.synset(o))
      .filter((s): s is Synset => s !== null && (GOODS_LEXFILES.has(s.lexFile) || this.isGame(s)))
      .slice(0, SENSE_WEIGHT.length);
    senses.forEach((sense, rank) => {
      const senseWeight = SENSE_WEIGHT[rank] ?? 0;
      const seen = new Set<number>();
      let frontier: Synset[] = [sense];
      for (let depth = 0; depth < DEPTH_WEIGHT.length && frontier.length > 0; depth++) {
        const next: Synset[] = [];
        for (const synset of frontier) {
          if (seen.has(synset.offset) || synset.words.some((w) => TOO_GENERAL.has(w))) continue;
          seen.add(synset.offset);
          const { keys, dominant } = this.keysOf(synset, own);
          const share = keys.size === 0 ? 0 : 1 / Math.sqrt(keys.size);
          for (const [key, w] of keys) add(key, senseWeight * (DEPTH_WEIGHT[depth] ?? 0) * w * share);
          // the nearest ancestor the nomenclature knows in that sense is the answer for this path
          if (dominant) continue;
          for (const h of synset.hypernyms) {
            const parent = this.wordnet.synset(h);
            if (parent !== null) next.push(parent);
          }
        }
        frontier = next;
      }
      if (rank === 0) {
        for (const key of this.glossHeads(sense.gloss)) add(key, senseWeight * (DEPTH_WEIGHT[1] ?? 0));
      }
    });
    return [...out].map(([key, weight]) => ({ key, weight })).sort((a, b) => b.weight - a.weight);
  }

  /** Games are acts in WordNet, but their sets are goods ("backgammon", "snooker", "poker" → games). */
  private isGame(synset: Synset): boolean {
    if (synset.lexFile !== ACT_LEXFILE) return false;
    let frontier = [synset];
    for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
      if (frontier.some((s) => s.words.some((w) => GAMES.has(w)))) return true;
      frontier = frontier.flatMap((s) => s.hypernyms.map((h) => this.wordnet.synset(h)).filter((p): p is Synset => p !== null));
    }
    return false;
  }

  /** A word used mostly as an adjective or verb ("acoustic", "fitted") is not read through its rare noun senses. */
  private mostlyNoun(lemma: string): boolean {
    const { noun, all } = this.wordnet.nounShare(lemma);
    return noun * 2 >= all - noun;
  }

  /**
   * The keys a synset's lemmas give (the thesaurus first, then the nomenclature's own words), each weighted by
   * whether the synset is the lemma's most frequent sense; `dominant` when one of them is.
   */
  private keysOf(synset: Synset, own: ReadonlySet<string>): { keys: Map<string, number>; dominant: boolean } {
    const keys = new Map<string, number>();
    let dominant = false;
    for (const lemma of synset.words) {
      if (own.has(lemma)) continue;
      const found = this.knownKeys(lemma);
      if (found.length === 0) continue;
      const isFirstSense = this.wordnet.nounSenses(lemma)[0] === synset.offset;
      dominant ||= isFirstSense;
      const w = isFirstSense ? 1 : RARE_SENSE_WEIGHT;
      for (const k of found) if (w > (keys.get(k) ?? 0)) keys.set(k, w);
    }
    return { keys, dominant };
  }

  /** Keys the nomenclature or the thesaurus has for a lemma; for a phrase, the thesaurus phrase or its head word. */
  private knownKeys(lemma: string): readonly string[] {
    if (MEANINGLESS.has(lemma)) return [];
    const parts = words(lemma);
    const stems = parts.map(stem);
    const phrase = this.known.synonyms.get(stems.join(' '));
    if (phrase !== undefined) return phrase;
    const head = headWord(parts);
    if (head === undefined || MEANINGLESS.has(head)) return [];
    const key = keyOf(head);
    if (key === null) return [];
    if (parts.length === 1) {
      const table = this.known.synonyms.get(key);
      if (table !== undefined) return table;
    }
    return this.known.indexKeys.has(key) ? [key] : [];
  }

  /**
   * The head noun(s) of a gloss's defining phrase: "ground meat formed into a ball…" → meat; "desk or stand with a
   * slanted top…" → desk, stand; "any of several herbs of the genus…" → herbs.
   */
  private glossHeads(gloss: string): string[] {
    const text = gloss.replace(/^\([^)]*\)\s*/, '').split(/[;:"(]/)[0] ?? '';
    const tokens = text.toLowerCase().split(/[^a-z-]+/).filter((t) => t !== '');
    const heads: string[] = [];
    let chunk: string[] = [];
    const close = (): void => {
      const head = chunk[chunk.length - 1];
      if (head !== undefined) heads.push(head);
      chunk = [];
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] ?? '';
      if (t === 'or' || t === 'and') {
        close();
        continue;
      }
      // "any of several herbs", "a kind of jacket": the head comes after "of"
      if (t === 'of' && (chunk.length === 0 || QUANTIFIERS.has(chunk[chunk.length - 1] ?? ''))) {
        chunk = [];
        continue;
      }
      if (GLOSS_BOUNDARY.has(t) || (chunk.length > 0 && /(ed|ing)$/.test(t) && this.wordnet.nounLemma(t) === null)) break;
      if (!DETERMINERS.has(t)) chunk.push(t);
    }
    close();
    const keys: string[] = [];
    for (const head of heads) {
      const noun = this.wordnet.nounLemma(head);
      if (noun !== null) keys.push(...this.knownKeys(noun));
    }
    return keys;
  }
}

function headWord(parts: readonly string[]): string | undefined {
  const link = parts.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for' || w === 'with'));
  return parts[(link > 0 ? link : parts.length) - 1];
}

const VERB_ADJ_DETACHMENTS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['s', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['er', 'e'],
  ['est', ''],
  ['est', 'e'],
];

const GLOSS_BOUNDARY: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whose', 'with', 'for', 'in', 'on', 'at', 'from', 'by', 'to', 'of', 'having', 'made',
  'used', 'worn', 'as', 'when', 'where', 'especially', 'usually', 'typically', 'often', 'is', 'are', 'resembling',
  'consisting', 'containing', 'shaped', 'like', 'into', 'over', 'under', 'without', 'between', 'than',
]);
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'any', 'one', 'some', 'several', 'various']);
/** "a kind of jacket", "any of several herbs", "combination of lenses": the noun after "of" is the head. */
const QUANTIFIERS: ReadonlySet<string> = new Set([
  'any', 'one', 'several', 'kind', 'type', 'sort', 'form', 'variety', 'combination', 'piece', 'set', 'pair',
  'collection', 'mixture', 'group', 'member', 'species', 'various', 'some', 'quantity', 'amount', 'assortment', 'item',
]);
