import {
  buildSearchIndex,
  readDeclaredFrequency,
  SearchReferences,
  type SearchLanguage,
  type SearchReference,
  type TariffSearch,
  type TariffSearchResult,
} from '../modules/search/index.ts';
import type { ReferenceCatalog } from '../modules/reference/index.ts';

/** The tariff search index, built in the background at start (kuromoji's dictionary takes a few seconds). */
export class SearchService {
  private index: Promise<TariffSearch> | undefined;
  private references = SearchReferences.none;

  /**
   * `eager`: start building now (the server does, so the first search is fast); otherwise on first use. `dataDir`:
   * where the import declarations that rank near-equal matches are read; without it, words alone rank.
   */
  constructor(
    private readonly catalog: ReferenceCatalog,
    eager = false,
    private readonly dataDir?: string,
  ) {
    if (eager) this.rebuild();
  }

  private async build(): Promise<TariffSearch> {
    // the section lets a material named in the query lower the goods of other material sections
    const hs = this.catalog.hsCodes().map((h) => ({ code: h.code, description: h.description, level: h.level, section: h.section }));
    const declared = this.dataDir === undefined ? undefined : readDeclaredFrequency(this.dataDir, hs);
    return buildSearchIndex({ rows: [...this.catalog.tariffRows()], hs, ...(declared !== undefined ? { declared } : {}) });
  }

  rebuild(): void {
    this.index = this.build();
    this.index.catch(() => undefined);
  }

  ready(): Promise<TariffSearch> {
    if (!this.index) this.rebuild();
    return this.index!;
  }

  /** The officers' search references in force from now on (they need no rebuild of the index). */
  useReferences(list: Iterable<SearchReference>): void {
    this.references = SearchReferences.of(list);
  }

  async search<R>(q: string, opts: { lang?: SearchLanguage; limit?: number; ratesFor?: (code9: string) => R }): Promise<TariffSearchResult<R>[]> {
    return (await this.ready()).search(q, { ...opts, references: this.references });
  }
}
