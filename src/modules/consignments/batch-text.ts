import { CSV_HEADER_LINE, consignmentToCsvRows } from './csv-format.ts';
import type { Consignment } from './model.ts';

/** Consignments written as batch text in the two upload formats (docs/consignment-formats.md), for tests and benchmarks. */

/** One JSON consignment per line. */
export function toNdjson(consignments: Iterable<Consignment>): string {
  let out = '';
  for (const c of consignments) out += JSON.stringify(c) + '\n';
  return out;
}

/** Header and one row per item line. */
export function toCsv(consignments: Iterable<Consignment>): string {
  let out = CSV_HEADER_LINE + '\n';
  for (const c of consignments) for (const row of consignmentToCsvRows(c)) out += row + '\n';
  return out;
}

/** The batch as text chunks of `perChunk` consignments, for streaming large batches without one big string. */
export function* batchChunks(
  format: 'ndjson' | 'csv',
  consignments: Iterable<Consignment>,
  perChunk = 500,
): Generator<string> {
  let buf: Consignment[] = [];
  let first = true;
  const emit = (): string => {
    const text = format === 'ndjson' ? toNdjson(buf) : toCsv(buf);
    const body = format === 'csv' && !first ? text.slice(CSV_HEADER_LINE.length + 1) : text;
    first = false;
    buf = [];
    return body;
  };
  for (const c of consignments) {
    buf.push(c);
    if (buf.length >= perChunk) yield emit();
  }
  if (buf.length > 0 || first) yield emit();
}
