import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * PGlite allows one process per data folder. The lock file says which process holds it and, when it is a server,
 * where its API listens, so that CLI commands can go through the API instead of opening the folder themselves.
 */
export interface LockInfo {
  readonly pid: number;
  readonly role: 'server' | 'cli';
  readonly apiUrl?: string;
  readonly startedAt: string;
}

export const lockPath = (dbDir: string): string => `${dbDir}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the folder, or undefined; a lock left by a dead process is removed. */
export function currentHolder(dbDir: string): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dbDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  if (info.pid !== process.pid && !alive(info.pid)) {
    rmSync(lockPath(dbDir), { force: true });
    return undefined;
  }
  return info;
}

export class DataFolderLockedError extends Error {
  constructor(readonly holder: LockInfo) {
    super(
      `The database folder is in use by process ${holder.pid} (${holder.role}${holder.apiUrl ? ` at ${holder.apiUrl}` : ''}); ` +
        'stop it, or use DATABASE_URL for a shared PostgreSQL.',
    );
    this.name = 'DataFolderLockedError';
  }
}

export function acquireLock(dbDir: string, role: LockInfo['role'], apiUrl?: string): () => void {
  mkdirSync(dirname(lockPath(dbDir)), { recursive: true });
  const holder = currentHolder(dbDir);
  if (holder && holder.pid !== process.pid) throw new DataFolderLockedError(holder);
  const info: LockInfo = { pid: process.pid, role, ...(apiUrl ? { apiUrl } : {}), startedAt: new Date().toISOString() };
  // 'wx' makes two racing starters fail instead of both believing they own the folder.
  try {
    writeFileSync(lockPath(dbDir), JSON.stringify(info), { flag: holder ? 'w' : 'wx' });
  } catch {
    const other = currentHolder(dbDir);
    if (other && other.pid !== process.pid) throw new DataFolderLockedError(other);
    writeFileSync(lockPath(dbDir), JSON.stringify(info));
  }
  return () => {
    const now = currentHolder(dbDir);
    if (now?.pid === process.pid) rmSync(lockPath(dbDir), { force: true });
  };
}

/** Record the API address once the server listens. */
export function updateLock(dbDir: string, apiUrl: string): void {
  const now = currentHolder(dbDir);
  if (now?.pid === process.pid) writeFileSync(lockPath(dbDir), JSON.stringify({ ...now, apiUrl }));
}
