import type { TextVectors } from './text-vectors.ts';

export interface ScoredSubheading {
  readonly hs6: string;
  readonly score: number;
}

/**
 * How much meaning counts against the words matched: each hit gains this share of the best lexical score times its
 * cosine with the query. 0.5 did best on `dev` (0.3: 1.2 points less top-5; 0.75: 0.3 less); a product with the score
 * instead of a sum did a little worse.
 */
const MEANING_SHARE = 0.5;
/** Only the first hits are re-scored: further down, a good cosine alone cannot lift a hit into the first five. */
const DEPTH = 200;
/** When no word matched at all, the subheadings nearest in meaning are the answer (rather than none). */
const FALLBACK = 20;

/**
 * Re-scores lexical hits (best first) by what the query means: `score + MEANING_SHARE × best × cosine`. Word matches
 * still decide most of the order; among near-equal matches, the text closer in meaning wins ("cello strings": the
 * musical instrument strings of 9209 over the twine of 5607).
 */
export function blendMeaning(hits: readonly ScoredSubheading[], text: TextVectors, query: Float32Array): ScoredSubheading[] {
  if (hits.length === 0) return text.nearest(query, FALLBACK).map((s) => ({ hs6: s.id, score: s.cosine }));
  const best = hits[0]?.score ?? 0;
  return hits
    .map((h, i) => (i < DEPTH ? { hs6: h.hs6, score: h.score + MEANING_SHARE * best * text.similarity(query, h.hs6) } : h))
    .sort((a, b) => b.score - a.score);
}
