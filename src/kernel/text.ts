/**
 * Text PostgreSQL cannot store: NUL (U+0000) in text and jsonb, and lone UTF-16 surrogates, which have no UTF-8
 * encoding. Input is checked for both where it comes in, so that it fails as a 4xx and never deep in the database.
 */
// eslint-disable-next-line no-control-regex
const ILL_FORMED = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex
const ILL_FORMED_ALL = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Almost every text has neither a NUL nor a surrogate: a plain character class rules it out before the lookarounds.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\ud800-\udfff]/;

export const isIllFormedText = (s: string): boolean => SUSPECT.test(s) && ILL_FORMED.test(s);

/** The text with NUL and lone surrogates replaced by U+FFFD (to name a bad key in a message). */
export const wellFormed = (s: string): string => s.replace(ILL_FORMED_ALL, '\ufffd');

const segment = (k: string): string =>
  /^\d+$/.test(k) ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(wellFormed(k))}]`;

// Streams and buffers are checked by the code that reads them. Parsed JSON, query and params objects (a router's
// have a prototype-less prototype of their own) are walked.
const isWalkable = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && typeof (v as { pipe?: unknown }).pipe !== 'function';

/** Whether any string (value or key) in a parsed value is ill-formed; no paths are built on this, the common, path. */
function hasIllFormed(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (isIllFormedText(v)) return true;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (isWalkable(v)) {
      for (const k of Object.keys(v)) {
        if (isIllFormedText(k)) return true;
        stack.push(v[k]);
      }
    }
  }
  return false;
}

/** The JSON path of the first ill-formed string (value or key) in a parsed value; iterative, so depth cannot overflow. */
export function findIllFormed(value: unknown, root: string): string | undefined {
  if (!hasIllFormed(value)) return undefined;
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (isIllFormedText(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (isWalkable(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (isIllFormedText(k)) return `${path}${segment(k)}`;
        stack.push([x, `${path}${segment(k)}`]);
      }
    }
  }
  return undefined;
}
