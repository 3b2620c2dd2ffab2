import { join } from 'node:path';
import { readCsv } from './csv.ts';

/** The rate columns of the applied tariff schedule, in the CSV's order. */
export const RATE_COLUMNS = [
  'rate_general',
  'rate_temporary',
  'rate_wto',
  'rate_gsp',
  'rate_gsp_ldc',
  'epa_singapore',
  'epa_mexico',
  'epa_malaysia',
  'epa_chile',
  'epa_thailand',
  'epa_indonesia',
  'epa_brunei',
  'epa_asean_ajcep',
  'epa_philippines',
  'epa_switzerland',
  'epa_vietnam',
  'epa_india',
  'epa_peru',
  'epa_australia',
  'epa_mongolia',
  'epa_cptpp',
  'epa_eu',
  'epa_uk',
  'epa_rcep_asean_au_nz',
  'epa_rcep_china',
  'epa_rcep_korea',
  'epa_us_japan_tta',
] as const;
export type RateColumn = (typeof RATE_COLUMNS)[number];

/** One row of Japan's applied tariff schedule, as printed (rates are raw strings; empty = inherit). */
export interface TariffRow {
  readonly rowId: number;
  readonly chapter: string;
  readonly level: number;
  readonly parentRowId: number | null;
  readonly statCode: string;
  readonly statSuffix: string;
  /** 9 digits, or '' on grouping rows. */
  readonly code9: string;
  readonly isLeaf: boolean;
  readonly descriptionJa: string;
  readonly descriptionPathJa: string;
  readonly rates: Readonly<Partial<Record<RateColumn, string>>>;
  readonly unit1: string;
  readonly unit2: string;
  readonly otherLaws: readonly string[];
}

export const TARIFF_SCHEDULE_FILE = 'jp-tariff/jp_tariff_schedule_2026-07-09.csv';
export const TARIFF_SCHEDULE_VERSION = '2026-07-09';

export function toTariffRow(r: Record<string, string>): TariffRow {
  const rates: Partial<Record<RateColumn, string>> = {};
  for (const c of RATE_COLUMNS) {
    const v = (r[c] ?? '').trim();
    if (v !== '') rates[c] = v;
  }
  const parent = r['parent_row_id'] ?? '';
  return {
    rowId: Number(r['row_id']),
    chapter: r['chapter'] ?? '',
    level: Number(r['level'] ?? 0),
    parentRowId: parent === '' ? null : Number(parent),
    statCode: r['stat_code'] ?? '',
    statSuffix: r['stat_suffix'] ?? '',
    code9: r['code9'] ?? '',
    isLeaf: r['is_leaf'] === '1',
    descriptionJa: r['description_ja'] ?? '',
    descriptionPathJa: r['description_path_ja'] ?? '',
    rates,
    unit1: r['unit_1'] ?? '',
    unit2: r['unit_2'] ?? '',
    otherLaws: (r['other_laws'] ?? '').split(';').filter((s) => s !== ''),
  };
}

/** Reads the whole schedule from the data folder (about 15k rows, ~0.5 s). */
export function readTariffRows(dataDir: string): TariffRow[] {
  return readCsv(join(dataDir, TARIFF_SCHEDULE_FILE)).map(toTariffRow);
}
