import { createHmac } from 'node:crypto';

/**
 * A uniform draw in [0, 1) that depends only on (salt, purpose, declaration id): HMAC-SHA-256 keyed with the
 * policy's secret salt. Replaying a declaration gives the same draw; without the salt a trader cannot predict it.
 * Keyed on the declaration id, not its version, so amending a declaration never re-rolls the control sample.
 * Different purposes (control, exploration…) give independent draws for the same declaration.
 */
export function hashUniform(salt: string, purpose: string, declarationId: string): number {
  const mac = createHmac('sha256', salt).update(`${purpose}\u0000${declarationId}`).digest();
  // 53 bits: the full precision of a double, so every value k / 2^53 is exact.
  const hi = mac.readUInt32BE(0) >>> 5; // 27 bits
  const lo = mac.readUInt32BE(4) >>> 6; // 26 bits
  return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
}
