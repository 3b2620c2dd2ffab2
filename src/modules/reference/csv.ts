import { createReadStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/** Reads a whole (small) CSV file with a header row into records; strips a UTF-8 BOM. */
export function readCsv(path: string): Record<string, string>[] {
  return parseSync(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
}

/** Streams a large CSV file record by record. */
export function streamCsv(path: string): AsyncIterable<Record<string, string>> {
  return createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
}
