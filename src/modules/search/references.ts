import { CommonErrors, type Problem } from '../../kernel/index.ts';
import { words } from './english-text.ts';
import { SearchErrors } from './errors.ts';
import { stem } from './stem.ts';

/**
 * Search references: a search term that customs officers answer with given codes ("aa battery" → heading 8506,
 * "スマホ" → 8517.13), kept by the administration in the store, as the UK Trade Tariff keeps its search references.
 * They catch what no text of the nomenclature says: trade and brand names, slang, the goods a heading takes by
 * practice. The search shows a term's codes first, with the officers' note, then its own results.
 */
export interface SearchReference {
  /** As the officer wrote it. */
  readonly term: string;
  /** 2, 4, 6 or 9 digits each: a chapter, heading, subheading or line of the schedule. */
  readonly codes: readonly string[];
  /** What the officers tell the searcher ("the full code depends on the type of battery"); null without one. */
  readonly note: string | null;
}

export const MAX_REFERENCE_CODES = 10;
export const MAX_TERM_LENGTH = 100;
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * What a term and a query are compared by, so that "AA Batteries" finds the reference for "aa battery": Latin script
 * as its words' stems in order, Japanese script as written (NFKC, no spaces). Empty when the text has no word.
 */
export function referenceKey(text: string): string {
  const t = text.normalize('NFKC').toLowerCase().trim();
  if (JAPANESE_SCRIPT.test(t)) return t.replace(/\s+/g, '');
  return words(t).map(stem).join(' ');
}

const CODE = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;

/**
 * Every problem of a reference before it is stored, with JSON paths under `at` ("$" for an API body, "$[3]" for a
 * file's fourth row): a term without a word, no code or too many, and codes that are not 2, 4, 6 or 9 digits or that
 * no line of the schedule starts with (`isCode`).
 */
export function referenceProblems(ref: { term: string; codes: readonly string[] }, isCode: (code: string) => boolean, at = '$'): Problem[] {
  const problems: Problem[] = [];
  if (ref.term.length > MAX_TERM_LENGTH) problems.push(CommonErrors.invalidValue.problem(`${at}.term`, `A term has at most ${MAX_TERM_LENGTH} characters`));
  else if (referenceKey(ref.term) === '') problems.push(SearchErrors.emptyTerm.problem(`${at}.term`, `"${ref.term}" has no word a query could match`));
  if (ref.codes.length === 0 || ref.codes.length > MAX_REFERENCE_CODES) {
    problems.push(CommonErrors.invalidValue.problem(`${at}.codes`, `A reference names 1 to ${MAX_REFERENCE_CODES} codes`));
  }
  ref.codes.forEach((c, i) => {
    if (!CODE.test(c)) problems.push(CommonErrors.invalidValue.problem(`${at}.codes[${i}]`, `"${c}" is not a code of 2, 4, 6 or 9 digits`));
    else if (!isCode(c)) problems.push(SearchErrors.unknownCode.problem(`${at}.codes[${i}]`, `No line of the tariff schedule starts with ${c}`));
  });
  return problems;
}

/** A reference as stored, however it was written: the term trimmed, each code once, a blank note none. */
export function referenceOf(input: { term: string; codes: readonly string[]; note?: string | null }): SearchReference {
  return { term: input.term.trim(), codes: [...new Set(input.codes)], note: input.note?.trim() || null };
}

/** Every code a reference may name: the 2-, 4-, 6- and 9-digit starts of the schedule's 9-digit lines. */
export function scheduleCodes(code9s: Iterable<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const c of code9s) if (c !== '') for (const n of [2, 4, 6, 9]) out.add(c.slice(0, n));
  return out;
}

/** The references in force, looked up by key. */
export class SearchReferences {
  private constructor(private readonly byKey: ReadonlyMap<string, SearchReference>) {}

  static of(list: Iterable<SearchReference>): SearchReferences {
    const byKey = new Map<string, SearchReference>();
    for (const r of list) {
      const key = referenceKey(r.term);
      if (key !== '') byKey.set(key, r);
    }
    return new SearchReferences(byKey);
  }

  static readonly none = SearchReferences.of([]);

  /** The reference whose term the whole query is (as compared by `referenceKey`), if any. */
  lookup(query: string): SearchReference | undefined {
    return this.byKey.get(referenceKey(query));
  }

  get size(): number {
    return this.byKey.size;
  }
}
