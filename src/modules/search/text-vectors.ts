import { keyOf, words } from './english-text.ts';
import type { QueryWord } from './english-query.ts';
import type { WordVectors } from './word-vectors.ts';

/** One indexed subheading's texts. */
export interface TextDoc {
  readonly id: string;
  readonly sub: string;
  readonly heading: string;
}

/** A subheading and the cosine between its text and the query. */
export interface Similar {
  readonly id: string;
  readonly cosine: number;
}

/**
 * The heading's words (propagated to each subheading) count less than the subheading's own, as in the lexical
 * index's field weights; 0.3 to 1.5 moved the `dev` top-5 by under a point.
 */
const HEADING_SHARE = 0.7;

/**
 * Subheading texts and queries as points in word-vector space: a text is the IDF-weighted mean of its words'
 * vectors (rare words say what the goods are; "parts", "articles" say little), a query the role-weighted mean of
 * its words. The cosine between them tells what a query means when it shares few words with the right text
 * ("cello strings" is nearer "musical instrument strings" than "twine, cordage").
 */
export class TextVectors {
  private constructor(
    private readonly vectors: WordVectors,
    private readonly ids: readonly string[],
    private readonly row: ReadonlyMap<string, number>,
    /** One unit vector per subheading, row after row. */
    private readonly matrix: Float32Array,
    /** A heading (4 digits) → the unit mean of its subheadings' vectors. */
    private readonly headings: ReadonlyMap<string, Float32Array>,
  ) {}

  static build(docs: readonly TextDoc[], vectors: WordVectors): TextVectors {
    const wordsOf = (t: string): string[] => words(t).filter((w) => keyOf(w) !== null && vectors.has(w));
    const split = docs.map((d) => ({ id: d.id, sub: wordsOf(d.sub), heading: wordsOf(d.heading) }));
    const df = new Map<string, number>();
    for (const d of split) for (const w of new Set([...d.sub, ...d.heading])) df.set(w, (df.get(w) ?? 0) + 1);
    const idf = (w: string): number => Math.log(1 + docs.length / (df.get(w) ?? 1));
    const dim = vectors.dimensions;
    const ids: string[] = [];
    const matrix = new Float32Array(docs.length * dim);
    for (const d of split) {
      const v = matrix.subarray(ids.length * dim, (ids.length + 1) * dim);
      addMean(v, d.sub, idf, vectors, 1);
      addMean(v, d.heading, idf, vectors, HEADING_SHARE);
      if (normalise(v)) ids.push(d.id);
      else v.fill(0);
    }
    const rows = matrix.slice(0, ids.length * dim);
    const headings = new Map<string, Float32Array>();
    ids.forEach((id, i) => {
      const h = id.slice(0, 4);
      const v = headings.get(h) ?? new Float32Array(dim);
      for (let d = 0; d < dim; d++) v[d] = (v[d] ?? 0) + (rows[i * dim + d] ?? 0);
      headings.set(h, v);
    });
    for (const v of headings.values()) normalise(v);
    return new TextVectors(vectors, ids, new Map(ids.map((id, i) => [id, i])), rows, headings);
  }

  /** The query's words as one unit vector (role-weighted), or undefined when the vectors know none of them. */
  query(queryWords: readonly QueryWord[]): Float32Array | undefined {
    const v = new Float32Array(this.vectors.dimensions);
    for (const { word, weight } of queryWords) {
      const u = this.vectors.unit(word);
      if (u !== undefined) for (let d = 0; d < v.length; d++) v[d] = (v[d] ?? 0) + weight * (u[d] ?? 0);
    }
    return normalise(v) ? v : undefined;
  }

  /** Cosine between a query vector and a subheading's text (0 for a subheading none of whose words has a vector). */
  similarity(q: Float32Array, id: string): number {
    const i = this.row.get(id);
    return i === undefined ? 0 : this.dot(q, i);
  }

  /** Cosine between two headings' texts (4 digits each; 0 when either has no vector). */
  headingSimilarity(a: string, b: string): number {
    const u = this.headings.get(a);
    const v = this.headings.get(b);
    if (u === undefined || v === undefined) return 0;
    let s = 0;
    for (let d = 0; d < u.length; d++) s += (u[d] ?? 0) * (v[d] ?? 0);
    return s;
  }

  /** The `k` subheadings nearest the query vector, nearest first (every subheading is compared: about 0.3 ms). */
  nearest(q: Float32Array, k: number): Similar[] {
    const best: Similar[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      const cosine = this.dot(q, i);
      if (best.length === k && cosine <= (best[k - 1]?.cosine ?? -1)) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]?.cosine ?? 0) < cosine) at--;
      best.splice(at, 0, { id: this.ids[i] ?? '', cosine });
      if (best.length > k) best.pop();
    }
    return best;
  }

  private dot(q: Float32Array, i: number): number {
    const o = i * q.length;
    const m = this.matrix;
    let s = 0;
    // row i of the matrix has q.length numbers: no index falls outside either array
    for (let d = 0; d < q.length; d++) s += q[d]! * m[o + d]!;
    return s;
  }
}

function addMean(v: Float32Array, words: readonly string[], idf: (w: string) => number, vectors: WordVectors, share: number): void {
  // Summed in one order whatever the text's: float sums depend on their order, and two texts of the same words must
  // get the same vector, so that meaning leaves the word matches' order between them alone ("Coffee; not roasted or
  // decaffeinated" and "Coffee; decaffeinated, not roasted" differed in the last bits, and the second came first).
  const ws = [...words].sort();
  const weights = ws.map(idf);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return;
  ws.forEach((w, i) => {
    const u = vectors.unit(w);
    if (u === undefined) return;
    const k = (share * (weights[i] ?? 0)) / total;
    for (let d = 0; d < v.length; d++) v[d] = (v[d] ?? 0) + k * (u[d] ?? 0);
  });
}

function normalise(v: Float32Array): boolean {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n === 0) return false;
  for (let d = 0; d < v.length; d++) v[d] = (v[d] ?? 0) / n;
  return true;
}
