import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderLockedError, acquireLock, currentHolder, lockPath, updateLock } from './lock.ts';

const dir = () => join(mkdtempSync(join(tmpdir(), 'sc-lock-')), 'db');

describe('data folder lock', () => {
  it('clears a lock left by a dead process and takes the folder', () => {
    const d = dir();
    acquireLock(d, 'cli')();
    writeFileSync(lockPath(d), JSON.stringify({ pid: 2 ** 22 + 12345, role: 'server', startedAt: '2026-01-01' }));
    const release = acquireLock(d, 'server');
    expect(currentHolder(d)?.pid).toBe(process.pid);
    release();
    expect(currentHolder(d)).toBeUndefined();
  });

  it('refuses a folder held by a live process and says where its API is', () => {
    const d = dir();
    acquireLock(d, 'cli')();
    writeFileSync(lockPath(d), JSON.stringify({ pid: process.ppid, role: 'server', apiUrl: 'http://127.0.0.1:8080', startedAt: '2026-01-01' }));
    expect(() => acquireLock(d, 'cli')).toThrow(DataFolderLockedError);
    expect(currentHolder(d)?.apiUrl).toBe('http://127.0.0.1:8080');
  });

  it('records the API address once the server listens', () => {
    const d = dir();
    const release = acquireLock(d, 'server');
    updateLock(d, 'http://127.0.0.1:9999');
    expect(JSON.parse(readFileSync(lockPath(d), 'utf8')).apiUrl).toBe('http://127.0.0.1:9999');
    release();
  });
});
