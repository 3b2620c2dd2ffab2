import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from '../../test/support/cli.ts';
import { openStore } from '../adapters/store/connect.ts';
import { SearchReferencesRepo } from '../adapters/store/search-references.repo.ts';
import { DomainError } from '../kernel/index.ts';
import { parseArgs } from './args.ts';
import { readReferencesFile, run } from './search-references-load.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'sc-refs-'));
const file = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const isCode = (c: string): boolean => ['85', '8506', '8529', '8537', '920290300', '09'].includes(c);

describe('search-references load file', () => {
  it('reads a CSV with ;-separated codes, cutting 10-digit codes to the 9 of the schedule', () => {
    const f = file('refs.csv', 'term,codes,note\nacoustic,8529;8537;9202903000,"a guitar, or electrical equipment"\naa battery,8506,\n');
    expect(readReferencesFile(f, isCode)).toEqual([
      { term: 'acoustic', codes: ['8529', '8537', '920290300'], note: 'a guitar, or electrical equipment' },
      { term: 'aa battery', codes: ['8506'], note: null },
    ]);
  });

  it('reads JSON {references:[…]}', () => {
    const f = file('refs.json', JSON.stringify({ references: [{ term: 'tea', codes: ['09'] }] }));
    expect(readReferencesFile(f, isCode)).toEqual([{ term: 'tea', codes: ['09'], note: null }]);
  });

  it('lists every problem of every row before writing anything', () => {
    const f = file('bad.csv', 'term,codes,note\n--,8506,\nbolts,7318;85,\n');
    try {
      readReferencesFile(f, isCode);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const problems = ((e as DomainError).details as { problems: { path: string; code: string }[] }).problems;
      expect(problems.map((p) => [p.path, p.code])).toEqual([
        ['$.references[0].term', 'SEARCH.EMPTY_TERM'],
        ['$.references[1].codes[0]', 'SEARCH.UNKNOWN_CODE'],
      ]);
    }
  });
});

describe('customs search-references load', () => {
  const cli = cliHarness('sc-refs-db-');

  it('stores the references of a file in the embedded database, checking codes against the schedule', async () => {
    // the fixture schedule has smartphones (8517.13) and whiskies (2208.30)
    const f = file('load.csv', 'term,codes,note\nsmartphone,851713,\nscotch,2208,Whisky\n');
    expect(await run(parseArgs([f, '--json']))).toBe(0);
    expect(JSON.parse(cli.out.join(''))).toEqual({ loaded: 2 });
    const store = await openStore({ dbDir: cli.dbDir, role: 'cli' });
    try {
      expect((await new SearchReferencesRepo(store.db).all()).map((r) => [r.term, r.codes, r.note, r.updatedBy])).toEqual([
        ['scotch', ['2208'], 'Whisky', 'cli'],
        ['smartphone', ['851713'], null, 'cli'],
      ]);
    } finally {
      await store.close();
    }
  });
});
