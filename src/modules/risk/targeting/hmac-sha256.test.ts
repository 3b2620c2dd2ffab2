import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../gbdt/random.ts';
import { HmacSha256 } from './hmac-sha256.ts';

const hex = (words: Int32Array): string => Array.from(words, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
const nodeHmac = (key: string, message: string): string => createHmac('sha256', key).update(message).digest('hex');

describe('HMAC-SHA-256', () => {
  it("matches RFC 4231's test case 2 (the one with a text key)", () => {
    expect(hex(new HmacSha256('Jefe').mac('what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('gives the bytes node:crypto gives for keys and messages of every length around the block edges', () => {
    const rng = new SeededRandom(3);
    const alphabet = ['a', 'Z', '0', '\u0000', '-', 'é', '✓', '日', '\u{1F4E6}', '\ud800' /* lone surrogate */];
    const text = (n: number, ascii: boolean): string =>
      Array.from({ length: n }, () => (ascii ? String.fromCharCode(32 + rng.int(95)) : alphabet[rng.int(alphabet.length)]!)).join('');
    for (let i = 0; i < 3000; i++) {
      const key = text([1, 16, 32, 63, 64, 65, 100, 200][i % 8]! + rng.int(3), i % 3 !== 0);
      const message = text(i % 140, i % 5 !== 0);
      expect(hex(new HmacSha256(key).mac(message)), `${JSON.stringify(key)} ${JSON.stringify(message)}`).toBe(nodeHmac(key, message));
    }
  });

  it('gives the same MAC when one key signs many messages in turn', () => {
    const k = new HmacSha256('a-secret-salt-0123456789');
    for (let i = 0; i < 200; i++) {
      const m = `control\u0000G${i}${'x'.repeat(i)}`;
      expect(hex(k.mac(m))).toBe(nodeHmac('a-secret-salt-0123456789', m));
    }
  });
});
