import type { TextVectors } from './text-vectors.ts';

export interface RankedSubheading {
  readonly hs6: string;
  readonly score: number;
}

/**
 * Headings whose texts are this close say the same thing in another cut: 6101 / 6102 / 6201 / 6202 are all "coats",
 * for men or women, knitted or not. 0.85 to 0.95 gave the same `dev` top-5 within a query; 0.8 caught unlike
 * headings.
 */
const SAME_TEXT = 0.9;
/** At most this many of the first headings may be near-duplicates of one heading before it (two coats, not four). */
const REPEATS = 1;
/** The first places that diversity is kept for (the search returns five). */
const PLACES = 5;

/**
 * Keeps near-duplicate headings from filling the first places: a third heading whose text is close to two already
 * placed waits until after the first five, so that a different reading of the query gets a place ("leather jacket":
 * two of the coats headings, then 4203 apparel of leather). The first heading is never moved.
 */
export function spreadNearDuplicates<T extends RankedSubheading>(ranked: readonly T[], text: TextVectors): T[] {
  const groups: T[][] = [];
  for (const h of ranked) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0]?.hs6.slice(0, 4) === h.hs6.slice(0, 4)) last.push(h);
    else groups.push([h]);
  }
  const placed: T[][] = [];
  const waiting: T[][] = [];
  const headingOf = (g: readonly T[]): string => g[0]?.hs6.slice(0, 4) ?? '';
  for (const g of groups) {
    const free = placed.length < PLACES && placed.filter((p) => text.headingSimilarity(headingOf(g), headingOf(p)) >= SAME_TEXT).length <= REPEATS;
    (free ? placed : waiting).push(g);
  }
  return [...placed, ...waiting].flat();
}
