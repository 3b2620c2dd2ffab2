import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_DATA_DIR } from '../../test/support/platform.ts';
import { sampleConsignment, toNdjson } from '../modules/consignments/index.ts';
import { parseArgs } from './args.ts';
import { run } from './consignments-import.command.ts';

let out: string[];
let dir: string;
beforeEach(() => {
  out = [];
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.stubEnv('SMART_CUSTOMS_DATA_DIR', FIXTURE_DATA_DIR);
  vi.stubEnv('SMART_CUSTOMS_DB_DIR', join(dir, 'db'));
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('NATS_URL', '');
  vi.stubEnv('SMART_CUSTOMS_ADMIN_KEY', '');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('customs consignments import', () => {
  it('uploads the file, waits until every accepted consignment is decided, and prints only the batch on stdout', async () => {
    const file = join(dir, 'batch.ndjson');
    const c = sampleConsignment();
    writeFileSync(file, `${toNdjson([c, { ...c, consignmentId: 'SHP-2' }])}{"consignmentId":"BROKEN"\n`);
    const code = await run(parseArgs([file, '--json']));
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const b = JSON.parse(out[0]!);
    expect([b.status, b.acceptedLines, b.rejectedLines, b.decided]).toEqual(['completed', 2, 1, 2]);
  }, 120_000);

  it('answers a missing file with exit 2 and the usage code', async () => {
    expect(await run(parseArgs([join(dir, 'nope.ndjson'), '--json']))).toBe(2);
    expect(JSON.parse(out[0]!).code).toBe('CLI.USAGE');
  });
});
