import { RATE_COLUMNS, type RateColumn, type TariffRow } from '../reference/index.ts';
import { parseCell } from './rate-parser.ts';

export interface CoverageReport {
  readonly columns: { readonly column: RateColumn; readonly nonEmpty: number; readonly parsed: number }[];
  readonly totals: { readonly nonEmpty: number; readonly parsed: number; readonly distinctTexts: number };
  /** Every cell that does not parse, with where it is. */
  readonly failures: { readonly column: RateColumn; readonly rowId: number; readonly code9: string; readonly text: string }[];
}

/** Per column, how many non-empty cells of the schedule parse, and every one that does not. */
export function coverage(rows: readonly TariffRow[]): CoverageReport {
  const cache = new Map<string, boolean>();
  const columns = RATE_COLUMNS.map((column) => ({ column, nonEmpty: 0, parsed: 0 }));
  const failures: CoverageReport['failures'][number][] = [];
  for (const row of rows) {
    columns.forEach((c) => {
      const text = row.rates[c.column];
      if (text === undefined) return;
      c.nonEmpty++;
      let good = cache.get(text);
      if (good === undefined) {
        good = parseCell(text) !== undefined;
        cache.set(text, good);
      }
      if (good) c.parsed++;
      else failures.push({ column: c.column, rowId: row.rowId, code9: row.code9, text });
    });
  }
  const nonEmpty = columns.reduce((a, c) => a + c.nonEmpty, 0);
  const parsed = columns.reduce((a, c) => a + c.parsed, 0);
  return { columns, totals: { nonEmpty, parsed, distinctTexts: cache.size }, failures };
}
