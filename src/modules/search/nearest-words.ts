import { keyOf } from './english-text.ts';
import type { WordVectors } from './word-vectors.ts';

/** An index key close in meaning to a query word, weighted by the cosine of their vectors. */
export interface NearKey {
  readonly key: string;
  readonly weight: number;
}

/**
 * Only words among the corpus's 50,000 most frequent stand for the nomenclature (the query word is among the
 * 150,000 the loader keeps): GloVe's vectors of rare words are noisy and crowd together ("helichrysum" is "near" the
 * fish "trachurus" at 0.66).
 */
const MAX_RANK = 50_000;
/** Below this cosine a neighbour is as often unrelated as related ("warranty" → maintenance 0.45, disability 0.43). */
const MIN_COSINE = 0.6;
const TOP = 3;

/**
 * The nomenclature's words nearest to a word it lacks, by word vectors: the last resort for a query word that
 * neither the texts, the thesaurus nor WordNet explain ("liquified" → liquefied, gas). Only frequent words take part
 * on both sides.
 */
export class NearestWords {
  /** A query's unknown words recur (and a server sees the same ones again): their neighbours are kept. */
  private readonly cache = new Map<string, NearKey[]>();

  private constructor(
    private readonly vectors: WordVectors,
    private readonly keys: readonly string[],
    private readonly matrix: Float32Array,
  ) {}

  static build(vocabulary: Iterable<string>, vectors: WordVectors): NearestWords {
    const keys: string[] = [];
    const rows: Float32Array[] = [];
    for (const w of new Set(vocabulary)) {
      const key = keyOf(w);
      const rank = vectors.rank(w);
      if (key === null || rank === undefined || rank >= MAX_RANK) continue;
      const u = vectors.unit(w);
      if (u === undefined) continue;
      keys.push(key);
      rows.push(u);
    }
    const matrix = new Float32Array(rows.length * vectors.dimensions);
    rows.forEach((r, i) => matrix.set(r, i * vectors.dimensions));
    return new NearestWords(vectors, keys, matrix);
  }

  /** Up to a few index keys at least MIN_COSINE from `word`, best first; empty for a rare or unknown word. */
  near(word: string): NearKey[] {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const found = this.compute(word);
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private compute(word: string): NearKey[] {
    const q = this.vectors.unit(word);
    if (q === undefined) return [];
    const dim = this.vectors.dimensions;
    const m = this.matrix;
    const best = new Map<string, number>();
    for (let i = 0; i < this.keys.length; i++) {
      let s = 0;
      const o = i * dim;
      // indices stay within both arrays: the matrix holds keys.length rows of `dim` numbers
      for (let d = 0; d < dim; d++) s += q[d]! * m[o + d]!;
      if (s < MIN_COSINE) continue;
      const key = this.keys[i] ?? '';
      if (s > (best.get(key) ?? 0)) best.set(key, s);
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([key, weight]) => ({ key, weight }));
  }
}
