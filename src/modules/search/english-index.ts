import MiniSearch from 'minisearch';
import { analyze } from './english-text.ts';
import { rankByGroup } from './rank-by-group.ts';
import { buildQueryContext, expandQuery, type QueryContext } from './english-query.ts';
import { SYNONYMS } from './synonyms.ts';
import type { WordNet } from './wordnet.ts';

/** The part of an HS 2022 nomenclature record the search needs (reference's `HsCode` fits). */
export interface HsRecord {
  readonly code: string;
  readonly description: string;
  readonly level: number;
}

interface HsDoc {
  readonly id: string;
  readonly sub: string;
  readonly heading: string;
  /** The parts of closed compounds in `sub` and `heading` ("glassware" → glass, war), as keys. */
  readonly parts: string;
}

export interface EnglishHit {
  readonly hs6: string;
  readonly score: number;
}

/**
 * Field weights: the subheading's own words name the goods; the heading's words, propagated to every subheading
 * under it, name the family (a query for "footwear" should reach "Other" subheadings of 6404 too). Chapter titles
 * are left out: they are so broad that they matched a third more documents per query (a third more time) without
 * changing the hit rate measurably.
 */
const FIELD_BOOST = { sub: 1.6, heading: 1.2, parts: 0.8 };
/** Pseudo code "commodities not specified according to kind" is not a line anyone imports under. */
const EXCLUDED = new Set(['999999']);

export class EnglishIndex {
  private constructor(
    private readonly index: MiniSearch<HsDoc>,
    private readonly ctx: QueryContext,
    readonly descriptions: ReadonlyMap<string, string>,
  ) {}

  static build(hs: readonly HsRecord[], keep: (hs6: string) => boolean, wordnet?: WordNet): EnglishIndex {
    const ctx = buildQueryContext(hs.map((r) => r.description), SYNONYMS, wordnet);
    const byCode = new Map(hs.map((r) => [r.code, r.description]));
    const docs: HsDoc[] = [];
    for (const r of hs) {
      if (r.level !== 6 || EXCLUDED.has(r.code) || !keep(r.code)) continue;
      const heading = byCode.get(r.code.slice(0, 4)) ?? '';
      const parts = analyze(`${r.description} ${heading}`).flatMap((k) => ctx.compounds.get(k) ?? []);
      docs.push({ id: r.code, sub: r.description, heading, parts: [...new Set(parts)].join(' ') });
    }
    const index = new MiniSearch<HsDoc>({
      fields: ['sub', 'heading', 'parts'],
      // compound parts are keys already
      tokenize: (text, field) => (field === 'parts' ? text.split(' ').filter((t) => t !== '') : analyze(text)),
      processTerm: (t) => t,
    });
    index.addAll(docs);

    const descriptions = new Map(hs.map((r) => [r.code, r.description]));
    return new EnglishIndex(index, ctx, descriptions);
  }

  /** Subheadings ranked by relevance (best first), grouped so that the best-supported headings come first. */
  search(q: string): EnglishHit[] {
    const keys = expandQuery(q, this.ctx);
    if (keys.length === 0) return [];
    const run = (fuzzy: number | false): EnglishHit[] =>
      this.index
        .search(keys.map((k) => k.key).join(' '), {
          tokenize: (s) => s.split(' '),
          processTerm: (t) => t,
          boost: FIELD_BOOST,
          boostTerm: (_t, i) => keys[i]?.weight ?? 1,
          prefix: (t, i) => (keys[i]?.typed ?? false) && t.length >= 4,
          fuzzy: (t, i) => (fuzzy !== false && (keys[i]?.typed ?? false) && t.length >= 4 ? fuzzy : false),
          weights: { fuzzy: 0.4, prefix: 0.3 },
        })
        .map((r) => ({ hs6: String(r.id), score: r.score }));
    const exact = run(false);
    // nothing matched as typed: allow edits inside the stems before giving up
    return rankByGroup(exact.length > 0 ? exact : run(0.34), (h) => h.hs6.slice(0, 4));
  }
}
