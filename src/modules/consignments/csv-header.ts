import type { Problem } from '../../kernel/index.ts';
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from './csv-format.ts';
import type { CsvColumn } from './csv-format.ts';
import { ConsignmentErrors as E } from './errors.ts';

export type Header = ReadonlyMap<CsvColumn, number>;

/** Column positions by name; refuses unknown or repeated columns and a header without the required ones. */
export function readHeader(fields: string[] | undefined): { header: Header; width: number } | { problem: Problem } {
  const names = fields?.map((s) => s.trim().toLowerCase());
  if (!names) return { problem: E.csvHeader.problem('$', 'The header line is not valid CSV') };
  const known: ReadonlySet<string> = new Set(CSV_COLUMNS);
  const header = new Map<CsvColumn, number>();
  const problems: string[] = [];
  names.forEach((n, i) => {
    if (!known.has(n)) problems.push(`unknown column "${n}"`);
    else if (header.has(n as CsvColumn)) problems.push(`column "${n}" appears twice`);
    else header.set(n as CsvColumn, i);
  });
  const missing = CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !header.has(c));
  if (missing.length > 0) problems.push(`missing columns ${missing.join(', ')}`);
  if (!header.has('master_awb') && !header.has('house_awb')) problems.push('needs a master_awb or a house_awb column');
  if (problems.length > 0) return { problem: E.csvHeader.problem('$', `CSV header: ${problems.join('; ')}`) };
  return { header, width: names.length };
}

/** The consignment_id of a row that cannot be parsed, read leniently; undefined when it cannot be made out. */
export function idFromBrokenRow(text: string, idIdx: number): string | undefined {
  const raw = text.split(',')[idIdx]?.trim().replace(/^"|"$/g, '');
  return raw && /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(raw) ? raw : undefined;
}
