/**
 * Groups (headings) rank by their best hit plus a share of the next ones: a heading where several lines match
 * ("footwear" in many subheadings of 6402) is a better answer to a broad query than one stray mention of the word
 * elsewhere. The group's first hit carries the group's score; the others keep their own, in their original order.
 */
const SUPPORT = [1, 0.5, 0.25];

export function rankByGroup<T extends { readonly score: number }>(hits: readonly T[], groupOf: (hit: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const h of hits) {
    const key = groupOf(h);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [h]);
    else g.push(h);
  }
  const ranked = [...groups.values()].map((g) => {
    const byScore = [...g].sort((a, b) => b.score - a.score);
    return { hits: byScore, score: byScore.slice(0, SUPPORT.length).reduce((sum, h, i) => sum + h.score * (SUPPORT[i] ?? 0), 0) };
  });
  ranked.sort((a, b) => b.score - a.score);
  return ranked.flatMap((g) => g.hits.map((h, i) => (i === 0 ? { ...h, score: g.score } : h)));
}
