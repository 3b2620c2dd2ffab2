/**
 * Picks `limit` items from a ranked list so that the first ones come from different groups (headings): a broad
 * query such as "shoes" should show five kinds of footwear heading, not five rubber-soled subheadings of one.
 * Items beyond one per group fill the remaining places in rank order.
 */
export function diversify<T>(ranked: readonly T[], groupOf: (item: T) => string, limit: number): T[] {
  const first: T[] = [];
  const rest: T[] = [];
  const seen = new Set<string>();
  for (const item of ranked) {
    const g = groupOf(item);
    if (seen.has(g)) {
      if (rest.length < limit) rest.push(item);
    } else {
      seen.add(g);
      first.push(item);
      if (first.length >= limit) break;
    }
  }
  return [...first, ...rest].slice(0, limit);
}
