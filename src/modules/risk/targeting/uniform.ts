import { HmacSha256 } from './hmac-sha256.ts';

/** Keys prepared per salt: a policy's salt serves every draw until the policy changes. */
const keys = new Map<string, HmacSha256>();

function keyFor(salt: string): HmacSha256 {
  let k = keys.get(salt);
  if (k === undefined) {
    if (keys.size >= 16) keys.clear(); // salts come from policies: a handful, but never an unbounded cache
    k = new HmacSha256(salt);
    keys.set(salt, k);
  }
  return k;
}

/**
 * A uniform draw in [0, 1) that depends only on (salt, purpose, declaration id): HMAC-SHA-256 keyed with the
 * policy's secret salt. Replaying a declaration gives the same draw; without the salt a trader cannot predict it.
 * Keyed on the declaration id, not its version, so amending a declaration never re-rolls the control sample.
 * Different purposes (control, exploration…) give independent draws for the same declaration.
 */
export function hashUniform(salt: string, purpose: string, declarationId: string): number {
  const mac = keyFor(salt).mac(`${purpose}\u0000${declarationId}`);
  // 53 bits: the full precision of a double, so every value k / 2^53 is exact.
  const hi = mac[0]! >>> 5; // 27 bits
  const lo = mac[1]! >>> 6; // 26 bits
  return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
}
