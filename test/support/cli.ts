import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { FIXTURE_DATA_DIR } from './platform.ts';

/** What a CLI command test sees: the command's stdout, and the embedded database folder it runs against. */
export interface CliRun {
  /** Everything written to stdout since the test began (stderr is silenced). */
  readonly out: string[];
  /** A fresh folder for the test's files, removed after it. */
  readonly dir: string;
  /** The embedded database folder (inside `dir`). */
  readonly dbDir: string;
}

/**
 * Registers, for the enclosing tests, a fresh embedded database folder, the fixture data folder, no PostgreSQL, NATS or
 * admin key, and stdout captured; all undone after each test. The returned object is filled anew before each test.
 */
export function cliHarness(prefix: string): CliRun {
  const run = { out: [] as string[], dir: '', dbDir: '' };
  beforeEach(() => {
    run.out = [];
    run.dir = mkdtempSync(join(tmpdir(), prefix));
    run.dbDir = join(run.dir, 'db');
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      run.out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.stubEnv('SMART_CUSTOMS_DATA_DIR', FIXTURE_DATA_DIR);
    vi.stubEnv('SMART_CUSTOMS_DB_DIR', run.dbDir);
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('NATS_URL', '');
    vi.stubEnv('SMART_CUSTOMS_ADMIN_KEY', '');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(run.dir, { recursive: true, force: true });
  });
  return run;
}
