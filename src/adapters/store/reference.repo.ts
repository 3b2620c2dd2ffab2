import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import {
  REFERENCE_FILES,
  TARIFF_SCHEDULE_FILE,
  TARIFF_SCHEDULE_VERSION,
  buildCatalog,
  readCountries,
  readCurrencies,
  readHsCodes,
  readLocations,
  readTariffRows,
  type ReferenceCatalog,
  type TariffRow,
} from '../../modules/reference/index.ts';
import type { Db } from './connect.ts';
import { countries, currencies, hsCodes, locations, referenceDatasets, tariffLines } from './schema.ts';

interface Dataset {
  readonly name: string;
  readonly file: string;
  readonly version: string;
  readonly table: typeof tariffLines | typeof hsCodes | typeof countries | typeof currencies | typeof locations;
  readonly read: (dataDir: string) => readonly object[];
}

/** What `customs data load` loads, with the source versions given in each data folder's README. */
export const DATASETS: readonly Dataset[] = [
  { name: 'jp-tariff', file: TARIFF_SCHEDULE_FILE, version: `実行関税率表 ${TARIFF_SCHEDULE_VERSION}`, table: tariffLines, read: readTariffRows },
  { name: 'hs2022', file: REFERENCE_FILES.hs, version: 'HS 2022 (datasets/harmonized-system 905e5a0)', table: hsCodes, read: readHsCodes },
  { name: 'countries', file: REFERENCE_FILES.countries, version: 'ISO 3166 (datasets/country-codes caa72d1)', table: countries, read: readCountries },
  { name: 'currencies', file: REFERENCE_FILES.currencies, version: 'ISO 4217 (datasets/currency-codes ab9b0ae)', table: currencies, read: readCurrencies },
  { name: 'locations', file: REFERENCE_FILES.locations, version: 'UN/LOCODE 2022-08 ports and airports', table: locations, read: readLocations },
];

export interface LoadProgress {
  (event: { dataset: string; done: number; total: number; skipped?: boolean }): void;
}

const checksum = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Loads every dataset whose file changed since the last load; returns what it did. Idempotent. */
export async function loadReferenceData(
  db: Db,
  dataDir: string,
  onProgress: LoadProgress = () => {},
  force = false,
): Promise<{ name: string; rows: number; skipped: boolean }[]> {
  const result: { name: string; rows: number; skipped: boolean }[] = [];
  for (const ds of DATASETS) {
    const path = join(dataDir, ds.file);
    const sum = checksum(path);
    const [known] = await db.select().from(referenceDatasets).where(eq(referenceDatasets.name, ds.name));
    if (!force && known?.checksum === sum) {
      onProgress({ dataset: ds.name, done: known.rowCount, total: known.rowCount, skipped: true });
      result.push({ name: ds.name, rows: known.rowCount, skipped: true });
      continue;
    }
    const rows = ds.read(dataDir);
    await db.transaction(async (tx) => {
      await tx.delete(ds.table);
      const chunk = 1000;
      for (let i = 0; i < rows.length; i += chunk) {
        await tx.insert(ds.table).values(rows.slice(i, i + chunk) as never);
        onProgress({ dataset: ds.name, done: Math.min(i + chunk, rows.length), total: rows.length });
      }
      const record = { name: ds.name, source: path, version: ds.version, checksum: sum, rowCount: rows.length, loadedAt: new Date() };
      await tx.insert(referenceDatasets).values(record).onConflictDoUpdate({ target: referenceDatasets.name, set: record });
    });
    result.push({ name: ds.name, rows: rows.length, skipped: false });
  }
  return result;
}

export async function referenceStatus(db: Db): Promise<(typeof referenceDatasets.$inferSelect)[]> {
  return db.select().from(referenceDatasets);
}

export async function isReferenceLoaded(db: Db): Promise<boolean> {
  const rows = await referenceStatus(db);
  return DATASETS.every((d) => rows.some((r) => r.name === d.name));
}

/**
 * Resolves true once every reference dataset is in the database, checking every `intervalMs`; false when `signal`
 * aborts first. A process that reads the reference data but does not load it (a clearance worker) waits here: started
 * before any API node loaded the schedule, it would otherwise clear against an empty one and hold every consignment
 * for "no tariff line". `onWait` is called once, when the first check finds the data missing.
 */
export async function waitForReference(db: Db, opts: { intervalMs: number; signal?: AbortSignal; onWait?: () => void }): Promise<boolean> {
  for (let first = true; ; first = false) {
    if (opts.signal?.aborted) return false;
    if (await isReferenceLoaded(db)) return true;
    if (first) opts.onWait?.();
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, opts.intervalMs);
      opts.signal?.addEventListener('abort', done, { once: true });
      function done(): void {
        clearTimeout(t);
        opts.signal?.removeEventListener('abort', done);
        resolve();
      }
    });
  }
}

/** Builds the in-memory catalog from the database (the source of truth in both modes). */
export async function loadCatalog(db: Db): Promise<ReferenceCatalog> {
  const [t, h, c, cu, l] = await Promise.all([
    db.select().from(tariffLines),
    db.select().from(hsCodes),
    db.select().from(countries),
    db.select().from(currencies),
    db.select().from(locations),
  ]);
  const tariffRows: TariffRow[] = t
    .sort((a, b) => a.rowId - b.rowId)
    .map((r) => ({ ...r, rates: r.rates, otherLaws: r.otherLaws }));
  return buildCatalog({ tariffRows, hsCodes: h, countries: c, currencies: cu, locations: l });
}
