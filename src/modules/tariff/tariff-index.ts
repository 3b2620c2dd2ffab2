import { RATE_COLUMNS, type RateColumn, type TariffRow } from '../reference/index.ts';
import { inSeason, parseSeason } from './rate-label.ts';
import { parseCell } from './rate-parser.ts';
import type { MonthDay, ParsedCell } from './rate-types.ts';

/** One 9-digit line with every rate cell parsed and empty cells inherited from the nearest ancestor that has one. */
export interface TariffLine {
  readonly code9: string;
  readonly rowId: number;
  readonly chapter: string;
  readonly descriptionJa: string;
  readonly descriptionPathJa: string;
  readonly unit1: string;
  readonly unit2: string;
  readonly otherLaws: readonly string[];
  /** Seasonal lines (ch. 08 prints the same code twice with different rates per import period). */
  readonly season?: { readonly from: MonthDay; readonly to: MonthDay };
  readonly cells: Readonly<Partial<Record<RateColumn, ParsedCell>>>;
  /** Cells whose text the parser did not understand (never treated as free). */
  readonly unparsed: Readonly<Partial<Record<RateColumn, string>>>;
  /** Row the cell was taken from when inherited. */
  readonly inheritedFrom: Readonly<Partial<Record<RateColumn, number>>>;
}

export interface TariffIndex {
  /** The line for a code on a date (the date picks among seasonal lines; default: the first). */
  lookup(code9: string, date?: string): TariffLine | undefined;
  /** Every line printed under the code (more than one only for seasonal lines). */
  lines(code9: string): readonly TariffLine[];
  readonly size: number;
}

/**
 * Builds the in-memory index once (parsing each distinct cell text once); assessments then only look up.
 * Inheritance follows `parent_row_id`: a 9-digit row often prints only EPA rates while 基本 / WTO sit on its parent.
 */
export function buildTariffIndex(rows: readonly TariffRow[]): TariffIndex {
  const byId = new Map<number, TariffRow>();
  for (const r of rows) byId.set(r.rowId, r);
  const parsed = new Map<string, ParsedCell | undefined>();
  const parse = (text: string): ParsedCell | undefined => {
    if (!parsed.has(text)) parsed.set(text, parseCell(text));
    return parsed.get(text);
  };

  const byCode = new Map<string, TariffLine[]>();
  for (const row of rows) {
    if (row.code9 === '') continue;
    const cells: Partial<Record<RateColumn, ParsedCell>> = {};
    const unparsed: Partial<Record<RateColumn, string>> = {};
    const inheritedFrom: Partial<Record<RateColumn, number>> = {};
    for (const col of RATE_COLUMNS) {
      let source: TariffRow | undefined = row;
      const seen = new Set<number>();
      while (source && source.rates[col] === undefined && source.parentRowId !== null && !seen.has(source.rowId)) {
        seen.add(source.rowId);
        source = byId.get(source.parentRowId);
      }
      const text = source?.rates[col];
      if (text === undefined || !source) continue;
      if (source !== row) inheritedFrom[col] = source.rowId;
      const cell = parse(text);
      if (cell) cells[col] = cell;
      else unparsed[col] = text;
    }
    const season = parseSeason(row.descriptionJa);
    const line: TariffLine = {
      code9: row.code9,
      rowId: row.rowId,
      chapter: row.chapter,
      descriptionJa: row.descriptionJa,
      descriptionPathJa: row.descriptionPathJa,
      unit1: row.unit1,
      unit2: row.unit2,
      otherLaws: row.otherLaws,
      ...(season ? { season: { from: season.from, to: season.to } } : {}),
      cells,
      unparsed,
      inheritedFrom,
    };
    const list = byCode.get(row.code9);
    if (list) list.push(line);
    else byCode.set(row.code9, [line]);
  }

  return {
    size: byCode.size,
    lines: (code9) => byCode.get(code9) ?? [],
    lookup(code9, date) {
      const list = byCode.get(code9);
      if (!list) return undefined;
      if (list.length === 1 || date === undefined) return list[0];
      return list.find((l) => !l.season || inSeason(date, l.season.from, l.season.to)) ?? list[0];
    },
  };
}
