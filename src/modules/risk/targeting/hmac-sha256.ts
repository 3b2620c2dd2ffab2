/**
 * HMAC-SHA-256 (RFC 2104 over FIPS 180-4) for many short messages under one key, the hash draws' case: the key's
 * inner and outer blocks are hashed once, so a message of up to 55 bytes costs two compressions. node:crypto gives
 * the same bytes but spends most of a draw creating the Hmac object and preparing the key each time (hmac-sha256.test.ts
 * compares the two on RFC 4231's vectors and on thousands of keys and messages).
 */
export class HmacSha256 {
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;

  constructor(key: string) {
    let k: Uint8Array = UTF8.encode(key);
    if (k.length > 64) k = wordsToBytes(sha256(k, new Int32Array(IV), 0));
    const ipad = new Int32Array(16);
    const opad = new Int32Array(16);
    for (let i = 0; i < 64; i++) {
      const b = i < k.length ? k[i]! : 0;
      ipad[i >> 2]! |= (b ^ 0x36) << (24 - 8 * (i & 3));
      opad[i >> 2]! |= (b ^ 0x5c) << (24 - 8 * (i & 3));
    }
    this.inner = new Int32Array(IV);
    compress(this.inner, ipad, 0);
    this.outer = new Int32Array(IV);
    compress(this.outer, opad, 0);
  }

  /**
   * The MAC of the message's UTF-8 bytes as eight big-endian 32-bit words (signed: `>>> 0` reads one unsigned).
   * The array is reused by the next call.
   */
  mac(message: string): Int32Array {
    const h = STATE;
    h.set(this.inner);
    // Short ASCII messages (ids, purposes) go straight into the block; anything else through a UTF-8 encoding.
    const n = message.length;
    let ascii = n <= 119;
    for (let i = 0; ascii && i < n; i++) if (message.charCodeAt(i) > 0x7f) ascii = false;
    if (ascii) {
      const m = BLOCKS;
      const blocks = n + 9 <= 64 ? 1 : 2;
      m.fill(0, 0, blocks * 16);
      for (let i = 0; i < n; i++) m[i >> 2]! |= message.charCodeAt(i) << (24 - 8 * (i & 3));
      pad(m, n, 64 + n, blocks);
      for (let b = 0; b < blocks; b++) compress(h, m, b * 16);
    } else sha256(UTF8.encode(message), h, 64);
    const m = BLOCKS;
    m.fill(0, 0, 16);
    m.set(h, 0);
    pad(m, 32, 64 + 32, 1);
    h.set(this.outer);
    compress(h, m, 0);
    return h;
  }
}

const UTF8 = new TextEncoder();
const IV = Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
const K = Int32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);
const W = new Int32Array(64);
const STATE = new Int32Array(8);
const BLOCKS = new Int32Array(32);

/** The 0x80 byte after n message bytes and the total length in bits at the end of the last block. */
function pad(m: Int32Array, n: number, totalBytes: number, blocks: number): void {
  m[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
  const bits = totalBytes * 8;
  m[blocks * 16 - 2] = Math.floor(bits / 0x1_0000_0000) | 0;
  m[blocks * 16 - 1] = bits | 0;
}

/** Hashes `bytes` on from state h, `before` bytes having been hashed already; h holds the digest afterwards. */
function sha256(bytes: Uint8Array, h: Int32Array, before: number): Int32Array {
  const n = bytes.length;
  const blocks = Math.ceil((n + 9) / 64);
  const m = new Int32Array(blocks * 16);
  for (let i = 0; i < n; i++) m[i >> 2]! |= bytes[i]! << (24 - 8 * (i & 3));
  pad(m, n, before + n, blocks);
  for (let b = 0; b < blocks; b++) compress(h, m, b * 16);
  return h;
}

function wordsToBytes(h: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = h[i >> 2]! >>> (24 - 8 * (i & 3));
  return out;
}

/** FIPS 180-4 §6.2.2: one 64-byte block (16 big-endian words of m from off) into state h. */
function compress(h: Int32Array, m: Int32Array, off: number): void {
  const w = W;
  for (let i = 0; i < 16; i++) w[i] = m[off + i]!;
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let k = h[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}
