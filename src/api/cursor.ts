import { EdgeErrors } from './edge.ts';

/**
 * Keyset pagination cursors: the last row's creation time and id, base64url-encoded. Decoding admits only what
 * `encodeCursor` writes — an ISO timestamp of a real instant and an id without separators — so a crafted cursor
 * (year 99999, SQL, a megabyte) is a 422 REQUEST.INVALID_CURSOR and never reaches the database.
 */
export const encodeCursor = (createdAt: string, id: string): string => Buffer.from(`${createdAt}|${id}`).toString('base64url');

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2}))\|([A-Za-z0-9_~.-]{1,200})$/;

const LAST = Date.UTC(10000, 0, 1);

export function decodeCursor(c: string): { createdAt: string; id: string } {
  const m = c.length <= 400 ? CURSOR.exec(Buffer.from(c, 'base64url').toString('utf8')) : null;
  const at = m ? Date.parse(m[1]!) : Number.NaN;
  // Rows are created after 1970 and before year 10000; outside that PostgreSQL refuses the value (no year 0) with a 500.
  if (!m || !(at >= 0 && at < LAST)) throw EdgeErrors.invalidCursor(undefined, { cursor: c.slice(0, 200) });
  return { createdAt: m[1]!, id: m[2]! };
}
