import { randomBytes, randomUUID } from 'node:crypto';

/** Sortable, prefixed identifiers: the time prefix keeps B-tree inserts local and lists naturally ordered. */
export function newId(prefix: string): string {
  const t = Date.now().toString(36).padStart(9, '0');
  return `${prefix}_${t}${randomBytes(8).toString('hex')}`;
}

export const uuid = (): string => randomUUID();
