import { join } from 'node:path';
import { readCsv, readTariffRows } from '../reference/index.ts';
import type { HsRecord } from './english-index.ts';
import { buildSearchIndex, type TariffSearch } from './search-index.ts';

export const HS2022_FILE = 'hs/hs2022.csv';

/** HS 2022 chapters, headings and subheadings (the pseudo row `TOTAL` dropped); readCsv strips the BOM. */
export function readHs2022(dataDir: string): HsRecord[] {
  return readCsv(join(dataDir, HS2022_FILE))
    .filter((r) => /^\d{2}(\d{2}){0,2}$/.test(r['hscode'] ?? ''))
    .map((r) => ({ code: r['hscode'] ?? '', description: r['description'] ?? '', level: Number(r['level']), section: r['section'] ?? '' }));
}

/** Reads the schedule and HS 2022 from the data folder and builds the search (about 2–4 s). */
export async function loadSearchIndex(dataDir: string): Promise<TariffSearch> {
  return buildSearchIndex({ rows: readTariffRows(dataDir), hs: readHs2022(dataDir) });
}
