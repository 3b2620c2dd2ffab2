import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../../test/support/cli.ts';
import { sampleConsignment, toNdjson } from '../modules/consignments/index.ts';
import { parseArgs } from './args.ts';
import { run } from './consignments-import.command.ts';

const cli = cliHarness('import-cli-');

describe('customs consignments import', () => {
  it('uploads the file, waits until every accepted consignment is decided, and prints only the batch on stdout', async () => {
    const file = join(cli.dir, 'batch.ndjson');
    const c = sampleConsignment();
    writeFileSync(file, `${toNdjson([c, { ...c, consignmentId: 'SHP-2' }])}{"consignmentId":"BROKEN"\n`);
    const code = await run(parseArgs([file, '--json']));
    expect(code).toBe(0);
    expect(cli.out).toHaveLength(1);
    const b = JSON.parse(cli.out[0]!);
    expect([b.status, b.acceptedLines, b.rejectedLines, b.decided]).toEqual(['completed', 2, 1, 2]);
  }, 120_000);

  it('answers a missing file with exit 2 and the usage code', async () => {
    expect(await run(parseArgs([join(cli.dir, 'nope.ndjson'), '--json']))).toBe(2);
    expect(JSON.parse(cli.out[0]!).code).toBe('CLI.USAGE');
  });
});
