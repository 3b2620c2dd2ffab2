import type { Country, Currency, HsCode, Location } from './code-lists.ts';
import type { TariffRow } from './tariff-rows.ts';

/** In-memory lookups over the reference data, used by validation on every request (no database round trip). */
export interface ReferenceCatalog {
  /** A 9-digit statistical line; seasonal duplicates resolve to the first row. */
  tariffLine(code9: string): TariffRow | undefined;
  /** All rows sharing a 9-digit code (seasonal lines have several). */
  tariffLines(code9: string): readonly TariffRow[];
  tariffRow(rowId: number): TariffRow | undefined;
  /** Every schedule row in file order (for building the tariff and search indexes). */
  tariffRows(): readonly TariffRow[];
  hsCodes(): readonly HsCode[];
  /** The nearest ancestor's value for rows that leave a cell empty. */
  ancestors(row: TariffRow): TariffRow[];
  hs(code: string): HsCode | undefined;
  country(alpha2: string): Country | undefined;
  currency(code: string): Currency | undefined;
  location(locode: string): Location | undefined;
  readonly counts: Readonly<Record<'tariffLines' | 'hsCodes' | 'countries' | 'currencies' | 'locations', number>>;
}

export interface CatalogInput {
  readonly tariffRows: readonly TariffRow[];
  readonly hsCodes: readonly HsCode[];
  readonly countries: readonly Country[];
  readonly currencies: readonly Currency[];
  readonly locations: readonly Location[];
}

export function buildCatalog(input: CatalogInput): ReferenceCatalog {
  const byCode9 = new Map<string, TariffRow[]>();
  const byRowId = new Map<number, TariffRow>();
  for (const r of input.tariffRows) {
    byRowId.set(r.rowId, r);
    if (r.code9 === '') continue;
    const list = byCode9.get(r.code9);
    if (list) list.push(r);
    else byCode9.set(r.code9, [r]);
  }
  const hs = new Map(input.hsCodes.map((h) => [h.code, h]));
  const countries = new Map(input.countries.map((c) => [c.alpha2, c]));
  const currencies = new Map(input.currencies.map((c) => [c.code, c]));
  const locations = new Map(input.locations.map((l) => [l.locode, l]));
  return {
    tariffLine: (code9) => byCode9.get(code9)?.[0],
    tariffLines: (code9) => byCode9.get(code9) ?? [],
    tariffRow: (id) => byRowId.get(id),
    tariffRows: () => input.tariffRows,
    hsCodes: () => input.hsCodes,
    ancestors: (row) => {
      const out: TariffRow[] = [];
      let p = row.parentRowId === null ? undefined : byRowId.get(row.parentRowId);
      while (p) {
        out.push(p);
        p = p.parentRowId === null ? undefined : byRowId.get(p.parentRowId);
      }
      return out;
    },
    hs: (code) => hs.get(code),
    country: (a2) => countries.get(a2),
    currency: (c) => currencies.get(c),
    location: (l) => locations.get(l),
    counts: {
      tariffLines: byCode9.size,
      hsCodes: hs.size,
      countries: countries.size,
      currencies: currencies.size,
      locations: locations.size,
    },
  };
}

/** A catalog whose data can be replaced after a reload while callers keep their reference to it. */
export function swappableCatalog(initial: ReferenceCatalog): { catalog: ReferenceCatalog; swap(next: ReferenceCatalog): void } {
  let cur = initial;
  const catalog: ReferenceCatalog = {
    tariffLine: (c) => cur.tariffLine(c),
    tariffLines: (c) => cur.tariffLines(c),
    tariffRow: (id) => cur.tariffRow(id),
    tariffRows: () => cur.tariffRows(),
    hsCodes: () => cur.hsCodes(),
    ancestors: (r) => cur.ancestors(r),
    hs: (c) => cur.hs(c),
    country: (c) => cur.country(c),
    currency: (c) => cur.currency(c),
    location: (l) => cur.location(l),
    get counts() {
      return cur.counts;
    },
  };
  return { catalog, swap: (next) => void (cur = next) };
}
