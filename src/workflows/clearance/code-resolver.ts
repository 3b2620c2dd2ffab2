import type { ClearableItem } from '../../modules/consignments/index.ts';

type LineToResolve = Pick<ClearableItem, 'hsCode' | 'description'>;

export type CodeSource = 'declared' | 'hs6-first-line' | 'search';

export interface ResolvedCode {
  readonly code9: string;
  readonly source: CodeSource;
  /** True when the platform did not send this 9-digit code: the clearance chose it and says so. */
  readonly suggested: boolean;
}

/**
 * The 9-digit line an item is assessed under. A declared 9-digit code of the schedule is used as sent; an HS6 code
 * (or a 9-digit one the schedule lacks) takes the first statistical line under its subheading; no code at all asks the
 * tariff search with the item's description. Search answers are cached by description: e-commerce lines repeat
 * the same few thousand wordings, and a search costs far more than a clearance.
 */
const keyOf = (description: string): string => description.trim().toLowerCase();

export class CodeResolver {
  private readonly lines: ReadonlySet<string>;
  private readonly firstUnder = new Map<string, string>();
  private readonly cache = new Map<string, Promise<string | undefined>>();
  /** The answers already settled, by the same key: a repeated description needs no promise at all. */
  private readonly settled = new Map<string, string | null>();

  constructor(
    code9s: Iterable<string>,
    private readonly search: (description: string) => Promise<string | undefined>,
    private readonly cacheSize = 50_000,
  ) {
    const all = [...new Set(code9s)].filter((c) => /^\d{9}$/.test(c)).sort();
    this.lines = new Set(all);
    for (const c of all) if (!this.firstUnder.has(c.slice(0, 6))) this.firstUnder.set(c.slice(0, 6), c);
  }

  /**
   * The line at once when it can be told without a search — declared, under an HS6, or a description searched before
   * (null when that search found none) — else undefined: then `resolve` is needed.
   */
  resolveNow(item: LineToResolve): ResolvedCode | null | undefined {
    const hs = item.hsCode;
    if (hs !== undefined && hs.length === 9 && this.lines.has(hs)) return { code9: hs, source: 'declared', suggested: false };
    if (hs !== undefined) {
      const first = this.firstUnder.get(hs.slice(0, 6));
      if (first !== undefined) return { code9: first, source: 'hs6-first-line', suggested: true };
    }
    const code9 = this.settled.get(keyOf(item.description));
    if (code9 === undefined) return undefined;
    return code9 !== null && this.lines.has(code9) ? { code9, source: 'search', suggested: true } : null;
  }

  async resolve(item: LineToResolve): Promise<ResolvedCode | undefined> {
    const now = this.resolveNow(item);
    if (now !== undefined) return now ?? undefined;
    const code9 = await this.suggest(item.description);
    return code9 !== undefined && this.lines.has(code9) ? { code9, source: 'search', suggested: true } : undefined;
  }

  private suggest(description: string): Promise<string | undefined> {
    const key = keyOf(description);
    let p = this.cache.get(key);
    if (p === undefined) {
      if (this.cache.size >= this.cacheSize) {
        const oldest = this.cache.keys().next().value!;
        this.cache.delete(oldest);
        this.settled.delete(oldest);
      }
      p = this.search(key).catch(() => undefined);
      this.cache.set(key, p);
      // settled as the promise is (no line, or a failed search, stays "none" for this description, as it did)
      void p.then((code9) => {
        if (this.cache.get(key) === p) this.settled.set(key, code9 ?? null);
      });
    }
    return p;
  }
}
