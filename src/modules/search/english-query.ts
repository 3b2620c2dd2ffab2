import { analyze, keyOf, words } from './english-text.ts';
import { Speller } from './spelling.ts';
import { stem } from './stem.ts';
import type { WordNet } from './wordnet.ts';
import { WordNetExpander } from './wordnet-expansion.ts';
import { NearestWords } from './nearest-words.ts';
import type { WordVectors } from './word-vectors.ts';

/** One index key to look up, with how much it should count. */
export interface WeightedKey {
  readonly key: string;
  readonly weight: number;
  /** Typed by the user (prefix completion makes sense) rather than added by a synonym. */
  readonly typed: boolean;
  /** The typed words (bit i: word i of the query as read) this key stands for. */
  readonly words: number;
}

export interface QueryContext {
  readonly speller: Speller;
  /** Every key the index or the synonym table knows, to tell a misspelling from a word we simply index by stem. */
  readonly knownKeys: ReadonlySet<string>;
  /** Keys that occur in the indexed texts themselves. */
  readonly indexKeys: ReadonlySet<string>;
  /** A compound key → the two keys it is written from ("tablewar" → tabl, war; "glasswar" → glass, war). */
  readonly compounds: ReadonlyMap<string, readonly string[]>;
  /** Stemmed phrase ("mobil phon") → tariff words to add. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  readonly longestPhrase: number;
  /** General English (WordNet): real words are not "corrected", and words the nomenclature lacks are mapped to it. */
  readonly lexicon?: WordNetExpander;
  /** Word vectors: the nomenclature's words nearest to a word neither the texts, the thesaurus nor WordNet explain. */
  readonly neighbours?: NearestWords;
}

/** The speller's vocabulary and the known keys come from the indexed texts, the thesaurus and (if given) WordNet. */
export function buildQueryContext(
  texts: Iterable<string>,
  thesaurus: ReadonlyMap<string, string>,
  wordnet?: WordNet,
  vectors?: WordVectors,
): QueryContext {
  const speller = new Speller();
  const indexKeys = new Set<string>();
  const textWords = new Set<string>();
  for (const text of texts) {
    for (const w of words(text)) {
      speller.add(w);
      textWords.add(w);
    }
    for (const k of analyze(text)) indexKeys.add(k);
  }
  const knownKeys = new Set(indexKeys);
  const synonyms = new Map<string, readonly string[]>();
  let longestPhrase = 1;
  for (const [phrase, expansion] of thesaurus) {
    const phraseWords = phrase.split(/[^a-z0-9]+/).filter((w) => w !== '');
    for (const w of phraseWords) speller.add(w);
    const key = phraseWords.map(stem).join(' ');
    // "toy" and "toys" stem alike: their expansions add up rather than the last one winning
    synonyms.set(key, [...new Set([...(synonyms.get(key) ?? []), ...analyze(expansion)])]);
    knownKeys.add(key);
    longestPhrase = Math.max(longestPhrase, phraseWords.length);
  }
  const compounds = compoundParts(speller.words(), indexKeys);
  if (wordnet === undefined) return { speller, knownKeys, indexKeys, compounds, synonyms, longestPhrase };
  for (const [lemma, tagged] of wordnet.entries()) {
    // WordNet supplies the words the nomenclature lacks ("cardboar" → cardboard), ranked among themselves by how
    // often they were tagged in WordNet's corpus; among equally close candidates the nomenclature's word wins
    if (/^[a-z]{3,}$/.test(lemma)) speller.add(lemma, tagged + 1, 'lexicon');
  }
  const lexicon = new WordNetExpander(wordnet, { indexKeys, synonyms });
  const neighbours = vectors === undefined ? undefined : NearestWords.build(textWords, vectors);
  return { speller, knownKeys, indexKeys, compounds, synonyms, longestPhrase, lexicon, ...(neighbours !== undefined ? { neighbours } : {}) };
}

/** Endings that also occur as words in the texts but make no compound: "coverings", "wireless". */
const SUFFIXES: ReadonlySet<string> = new Set(['ings', 'less', 'ness', 'ment', 'ship', 'like']);

/**
 * Closed compounds of the indexed texts and the thesaurus, split into two indexed words of four letters or more (the
 * most balanced split): "tableware" is table + ware, so "aluminium tableware" meets "table … articles … of aluminium".
 */
export function compoundParts(vocabulary: Iterable<string>, indexKeys: ReadonlySet<string>): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  // both parts must be words of the texts themselves: "furnishings" is not "furnish" + "ings"
  const words = new Set(vocabulary);
  for (const w of words) {
    if (w.length < 8 || !/^[a-z]+$/.test(w)) continue;
    let best: string[] | null = null;
    let bestShorter = 0;
    for (let i = 4; i <= w.length - 4; i++) {
      const a = stem(w.slice(0, i));
      const b = stem(w.slice(i));
      const shorter = Math.min(i, w.length - i);
      const tail = w.slice(i);
      if (shorter > bestShorter && words.has(w.slice(0, i)) && words.has(tail) && !SUFFIXES.has(tail) && indexKeys.has(a) && indexKeys.has(b)) {
        best = [a, b];
        bestShorter = shorter;
      }
    }
    if (best !== null) out.set(stem(w), best);
  }
  return out;
}

/** Words added by a synonym count a little less than the user's own words, so an exact tariff match still wins. */
const SYNONYM_WEIGHT = 0.8;
/** Words reached through WordNet count less than the hand thesaurus: they are general English, not customs usage. */
const LEXICON_WEIGHT = 0.7;
const COMPOUND_PART_WEIGHT = 0.5;
/** A word inside a matched multi-word phrase ("mobile" in "mobile phone") is mostly explained by the phrase. */
const COVERED_WEIGHT = 0.5;
/**
 * English puts the head noun last and modifiers first ("leather armchair" is an armchair): words other than the
 * head count less. With "of"/"for"/"with" the head comes before it ("cover for phone" is a cover).
 */
const MODIFIER_WEIGHT = 0.6;
const LINKING = new Set(['of', 'for', 'with', 'in', 'on', 'from']);

function headIndex(typed: readonly string[]): number {
  const link = typed.findIndex((w, i) => i > 0 && LINKING.has(w));
  const end = link > 0 ? link : typed.length;
  for (let i = end - 1; i >= 0; i--) if (keyOf(typed[i] ?? '') !== null) return i;
  return typed.length - 1;
}

function rawWords(q: string): string[] {
  return q
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * An unknown word becomes, in order of preference: two known words it is glued from ("airbed" → "air bed"), the
 * closest known spelling ("cofee" → "coffee"), or the known word it starts ("backpa" → "backpack").
 */
function fix(w: string, ctx: QueryContext): string[] {
  if (ctx.knownKeys.has(stem(w))) return [w];
  // sizes and model numbers ("500ml", "12v", "a4") are not words to correct
  if (/\d/.test(w)) return [];
  // a real English word the nomenclature lacks ("lectern") is mapped through WordNet, not respelt into another word
  // nor cut into two ("catering" is not cat + ering)
  if (ctx.lexicon?.isWord(w) === true) return [w];
  // a word one or two letters short of a known word was cut off while typing ("cardboar", "helme"), not misspelt or
  // glued from two; five letters are enough when the nomenclature has the longer word
  const nearlyTyped = w.length >= 6 ? ctx.speller.complete(w, 2) : w.length === 5 ? ctx.speller.complete(w, 2, true) : null;
  if (nearlyTyped !== null) return [nearlyTyped];
  const split = decompound(w, ctx);
  if (split !== null) return split;
  return [ctx.speller.correct(w) ?? ctx.speller.complete(w) ?? w];
}

/** The most balanced split of `w` into two known words of at least three letters, if any. */
function decompound(w: string, ctx: QueryContext): string[] | null {
  let best: string[] | null = null;
  let bestShorter = 0;
  for (let i = 3; i <= w.length - 3; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    const shorter = Math.min(a.length, b.length);
    if (shorter > bestShorter && ctx.knownKeys.has(stem(a)) && ctx.knownKeys.has(stem(b))) {
      best = [a, b];
      bestShorter = shorter;
    }
  }
  if (best !== null || ctx.lexicon === undefined) return best;
  // "icecube", "soapdish": two words WordNet knows as one noun written apart
  for (let i = 3; i <= w.length - 3; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (ctx.lexicon.isNounPhrase(`${a} ${b}`)) return [a, b];
  }
  return best;
}

/** A query word as read (after spelling correction), with its role's weight: the head noun 1, a modifier less. */
export interface QueryWord {
  readonly word: string;
  readonly weight: number;
}

/** Turns an English query into weighted index keys: spelling correction → synonym phrases → stemmed keys. */
export function expandQuery(q: string, ctx: QueryContext): WeightedKey[] {
  return analyzeQuery(q, ctx).keys;
}

/** The query's index keys, and its words as read (for measures that work on words rather than stems). */
export function analyzeQuery(q: string, ctx: QueryContext): { keys: WeightedKey[]; words: QueryWord[] } {
  const raw = rawWords(q);
  // "back pack", "t shirt": two typed words may be one known word; prefer the glued word when it is known
  const typed: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i] ?? '';
    const b = raw[i + 1];
    if (b !== undefined && !ctx.knownKeys.has(`${stem(a)} ${stem(b)}`) && ctx.knownKeys.has(stem(`${a}${b}`))) {
      typed.push(`${a}${b}`);
      i++;
    } else typed.push(...fix(a, ctx));
  }
  const stems = typed.map(stem);
  const out = new Map<string, WeightedKey>();
  const put = (key: string, weight: number, isTyped: boolean, words: number): void => {
    const prior = out.get(key);
    if (prior === undefined || prior.weight < weight) out.set(key, { key, weight, typed: isTyped, words: words | (prior?.words ?? 0) });
    else out.set(key, { ...prior, words: prior.words | words });
  };
  const head = headIndex(typed);
  const role = typed.map((_, i) => (i === head ? 1 : MODIFIER_WEIGHT));
  const covered = new Array<number>(typed.length).fill(1);
  const explained = new Array<boolean>(typed.length).fill(false);
  for (let i = 0; i < stems.length; ) {
    let matched = 0;
    for (let n = Math.min(ctx.longestPhrase, stems.length - i); n >= 1; n--) {
      const expansion = ctx.synonyms.get(stems.slice(i, i + n).join(' '));
      if (expansion === undefined) continue;
      const r = Math.max(...role.slice(i, i + n));
      // a word the nomenclature never uses ("sofa") can only be found through its synonym: give it full weight
      const literal = n > 1 || ctx.indexKeys.has(stems[i] ?? '');
      // a long expansion must not outweigh the typed words just by having many words
      const share = 1 / Math.sqrt(expansion.length);
      for (const key of expansion) put(key, (literal ? SYNONYM_WEIGHT : 1) * r * share, false, wordBits(i, n));
      if (n > 1) covered.fill(COVERED_WEIGHT, i, i + n);
      explained.fill(true, i, i + n);
      matched = n;
      break;
    }
    i += Math.max(matched, 1);
  }
  if (ctx.lexicon !== undefined) expandThroughLexicon(ctx.lexicon, typed, stems, role, explained, ctx, put, (k) => out.has(k));
  typed.forEach((w, i) => {
    const key = keyOf(w);
    if (key !== null) put(key, (covered[i] ?? 1) * (role[i] ?? 1), true, wordBits(i, 1));
  });
  // a closed compound also stands for its parts, a little: "tableware" reaches "table … articles"
  for (const k of [...out.values()]) {
    for (const part of ctx.compounds.get(k.key) ?? []) {
      if (!out.has(part)) put(part, k.weight * COMPOUND_PART_WEIGHT, false, k.words);
    }
  }
  const queryWords = typed.flatMap((word, i) => (keyOf(word) === null ? [] : [{ word, weight: role[i] ?? 1 }]));
  return { keys: [...out.values()], words: queryWords };
}

/** Bits i to i + n − 1 of a word set; words past the 31st share the last bit (no query that long is a product name). */
function wordBits(i: number, n: number): number {
  let bits = 0;
  for (let w = i; w < i + n; w++) bits |= 1 << Math.min(w, 30);
  return bits;
}

/**
 * WordNet fills what the thesaurus leaves: noun phrases it does not list ("bin liner" → plastic bag) and single words
 * the nomenclature never uses ("sweatpants" → trousers). Words the thesaurus explained are left to it.
 */
function expandThroughLexicon(
  lexicon: WordNetExpander,
  typed: readonly string[],
  stems: readonly string[],
  role: readonly number[],
  explained: readonly boolean[],
  ctx: QueryContext,
  put: (key: string, weight: number, isTyped: boolean, words: number) => void,
  hasKey: (key: string) => boolean,
): void {
  const MAX_PHRASE = 3;
  const found = new Map<string, { weight: number; words: number }>();
  const add = (key: string, weight: number, words: number): void => {
    const prior = found.get(key);
    found.set(key, { weight: Math.max(weight, prior?.weight ?? 0), words: words | (prior?.words ?? 0) });
  };
  for (let i = 0; i < typed.length; i++) {
    for (let n = Math.min(MAX_PHRASE, typed.length - i); n >= 2; n--) {
      if (explained.slice(i, i + n).every(Boolean)) continue;
      const phrase = typed.slice(i, i + n).join(' ');
      if (!lexicon.isNounPhrase(phrase)) continue;
      const r = Math.max(...role.slice(i, i + n));
      for (const k of lexicon.expand(phrase)) add(k.key, LEXICON_WEIGHT * k.weight * r, wordBits(i, n));
      break;
    }
    const w = typed[i] ?? '';
    const s = stems[i] ?? '';
    if (explained[i] === true || keyOf(w) === null || ctx.indexKeys.has(s) || ctx.synonyms.has(s)) continue;
    const expansion = lexicon.expand(w, role[i] === 1 ? 'head' : 'modifier');
    for (const k of expansion) add(k.key, LEXICON_WEIGHT * k.weight * (role[i] ?? 1), wordBits(i, 1));
    if (expansion.length === 0) {
      const noun = derivedNoun(w, ctx);
      if (noun !== null) add(noun, LEXICON_WEIGHT * (role[i] ?? 1), wordBits(i, 1));
      else for (const k of ctx.neighbours?.near(w) ?? []) add(k.key, LEXICON_WEIGHT * k.weight * (role[i] ?? 1), wordBits(i, 1));
    }
  }
  // WordNet only fills gaps: a key the thesaurus already gave keeps the thesaurus's weight
  for (const [key, { weight, words }] of found) if (!hasKey(key)) put(key, weight, false, words);
}

/**
 * The nomenclature's noun behind an adjective it never uses: "herbal" → herb, "educational" → education,
 * "electrical" → electric, "wooden" → wood.
 */
function derivedNoun(w: string, ctx: QueryContext): string | null {
  for (const [suffix, ending] of ADJECTIVE_SUFFIXES) {
    if (w.length < suffix.length + 3 || !w.endsWith(suffix)) continue;
    const key = stem(w.slice(0, -suffix.length) + ending);
    if (ctx.indexKeys.has(key)) return key;
  }
  return null;
}

const ADJECTIVE_SUFFIXES: readonly (readonly [string, string])[] = [
  ['ical', 'ic'],
  ['ical', 'y'],
  ['ial', ''],
  ['al', ''],
  ['al', 'e'],
  ['ic', ''],
  ['ic', 'y'],
  ['en', ''],
  ['ous', ''],
  ['ful', ''],
  ['y', ''],
];
