import { createHash } from 'node:crypto';

/**
 * Canonical JSON (the RFC 8785 shape for the values declarations hold): object keys sorted by code unit, no
 * whitespace, `undefined` members dropped. Two parties that hold the same declaration get the same bytes and so
 * the same digest, whatever order the fields arrived in. Standalone on purpose: the gate verifier uses it too.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}

/** SHA-256 of the canonical JSON, base64url (43 characters): the declaration digest carried in the gate pass. */
export const declarationDigest = (declaration: unknown): string =>
  createHash('sha256').update(canonicalJson(declaration), 'utf8').digest('base64url');
