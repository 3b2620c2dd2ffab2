import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { loadConfig } from '../config.ts';
import { SearchReferencesRepo } from '../adapters/store/search-references.repo.ts';
import { CommonErrors } from '../kernel/index.ts';
import { readTariffRows } from '../modules/reference/index.ts';
import { referenceOf, referenceProblems, scheduleCodes, type SearchReference } from '../modules/search/index.ts';
import { CliUsageError, type Args } from './args.ts';
import { callApi, databaseTarget } from './database.ts';
import { log, printJson } from './io.ts';

/**
 * Reads `{references:[{term, codes, note?}]}` JSON, or a CSV with columns term,codes,note where codes are separated by
 * `;` ("8529;8537;9202903000" is cut to 9 digits). Every problem of every row is listed before anything is written.
 */
export function readReferencesFile(path: string, isCode: (code: string) => boolean): SearchReference[] {
  const text = readFileSync(path, 'utf8');
  const rows = path.endsWith('.csv')
    ? (parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string | undefined>[]).map((r) => ({
        term: r['term'] ?? '',
        codes: (r['codes'] ?? '').split(';').map((c) => c.trim()).filter((c) => c !== '').map((c) => (c.length > 9 ? c.slice(0, 9) : c)),
        note: r['note'] ?? null,
      }))
    : ((JSON.parse(text) as { references?: { term?: string; codes?: string[]; note?: string | null }[] }).references ?? []).map((r) => ({
        term: r.term ?? '',
        codes: r.codes ?? [],
        note: r.note ?? null,
      }));
  if (rows.length === 0) throw CommonErrors.validation('The file has no search references');
  const problems = rows.flatMap((r, i) => referenceProblems(r, isCode, `$.references[${i}]`));
  if (problems.length > 0) throw CommonErrors.validation(`${problems.length} problem(s) in ${path}`, { problems });
  return rows.map(referenceOf);
}

/** `customs search-references load FILE [--json]`: officers' search references, each replacing its term's. */
export async function run(args: Args): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliUsageError('usage: customs search-references load FILE (.json with {references:[…]} or .csv term,codes,note)');
  const config = loadConfig();
  const codes = scheduleCodes(readTariffRows(config.dataDir).map((r) => r.code9));
  const references = readReferencesFile(file, (c) => codes.has(c));
  const target = await databaseTarget(config);
  if (target.kind === 'remote') {
    for (const r of references) await callApi(target, 'PUT', '/api/v1/tariff/search-references', r);
  } else {
    try {
      const repo = new SearchReferencesRepo(target.store.db);
      for (const r of references) await repo.put(r, 'cli');
    } finally {
      await target.store.close();
    }
  }
  if (args.flags['json']) printJson({ loaded: references.length });
  else if (target.kind === 'remote') log(`Loaded ${references.length} search reference(s) through the running server: in use now`);
  else log(`Loaded ${references.length} search reference(s): in use from the next start (servers on PostgreSQL: within 30 s)`);
  return 0;
}
