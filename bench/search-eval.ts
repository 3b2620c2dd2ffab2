import { readCsv } from '../src/modules/reference/index.ts';

/** One evaluation query: the search term and the codes the guidance pointed to. */
export interface EvalQuery {
  readonly term: string;
  readonly codes: readonly string[];
}

/** Queries with at least one referenced code; the "too generic" rows without any are skipped. */
export function readEvalQueries(path: string): EvalQuery[] {
  return readCsv(path)
    .map((r) => ({
      term: (r['search_term'] ?? '').trim(),
      codes: (r['referenced_codes'] ?? '').split(';').map((c) => c.trim()).filter((c) => /^\d+$/.test(c)),
    }))
    .filter((q) => q.term !== '' && q.codes.length > 0);
}

/** A returned code hits when it begins with a referenced code cut to at most 4 digits (chapter refs at chapter level). */
export function isHit(returned: string, codes: readonly string[]): boolean {
  return codes.some((c) => returned.startsWith(c.slice(0, 4)));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}
