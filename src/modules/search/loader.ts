import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeclaredFrequency } from './declared-frequency.ts';
import { readCsv, readCsvColumns, readTariffRows } from '../reference/index.ts';
import type { HsRecord } from './english-index.ts';
import { buildSearchIndex, type TariffSearch } from './search-index.ts';

export const HS2022_FILE = 'hs/hs2022.csv';
/** Import declarations whose HS 2017 subheadings give the search its prior (the dataset's own split, both parts). */
export const DECLARATION_FILES = ['customs-declarations/df_syn_train_eng.csv', 'customs-declarations/df_syn_valid_eng.csv'];
export const HS_CORRELATION_FILE = 'hs/correspondence/hs2022_hs2017_correlation.csv';

/** HS 2022 chapters, headings and subheadings (the pseudo row `TOTAL` dropped); readCsv strips the BOM. */
export function readHs2022(dataDir: string): HsRecord[] {
  return readCsv(join(dataDir, HS2022_FILE))
    .filter((r) => /^\d{2}(\d{2}){0,2}$/.test(r['hscode'] ?? ''))
    .map((r) => ({ code: r['hscode'] ?? '', description: r['description'] ?? '', level: Number(r['level']), section: r['section'] ?? '' }));
}

/**
 * How often each HS 2022 subheading is declared, counted from the data folder's import declarations; undefined when
 * the folder has none of them (the search then ranks by words alone). Without the correlation table, only codes
 * HS 2022 kept count.
 */
export function readDeclaredFrequency(dataDir: string, hs: readonly HsRecord[]): DeclaredFrequency | undefined {
  const files = DECLARATION_FILES.map((f) => join(dataDir, f)).filter((f) => existsSync(f));
  if (files.length === 0) return undefined;
  const codes = files.flatMap((f) => (readCsvColumns(f, ['HS6 Code']) ?? []).map(([c]) => c ?? ''));
  const correlationFile = join(dataDir, HS_CORRELATION_FILE);
  const pairs = existsSync(correlationFile) ? (readCsvColumns(correlationFile, ['hs2017', 'hs2022']) ?? []) : [];
  const correlation = pairs.map(([hs2017 = '', hs2022 = '']) => ({ hs2017, hs2022 }));
  const subheadings = new Set(hs.filter((r) => r.level === 6).map((r) => r.code));
  return DeclaredFrequency.fromDeclarations(codes, subheadings, correlation);
}

/** Reads the schedule, HS 2022 and the declarations from the data folder and builds the search (about 2–4 s). */
export async function loadSearchIndex(dataDir: string): Promise<TariffSearch> {
  const hs = readHs2022(dataDir);
  const declared = readDeclaredFrequency(dataDir, hs);
  return buildSearchIndex({ rows: readTariffRows(dataDir), hs, ...(declared !== undefined ? { declared } : {}) });
}
