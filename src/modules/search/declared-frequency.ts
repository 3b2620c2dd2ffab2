/**
 * How often goods of each HS 2022 subheading are declared, as a prior for the search: when the words match several
 * texts about equally, the goods people actually import are the likelier answer ("ring" matches the rings of
 * organic chemistry as well as jewellery; jewellery is declared far more often). Counts come from import
 * declarations (by default the customs-declarations dataset of the data folder), so the prior says nothing about
 * any query.
 */

interface Hit {
  readonly hs6: string;
  readonly score: number;
}

/** One HS 2017 subheading and an HS 2022 subheading it corresponds to (UNSD correlation table). */
export interface HsCorrelation {
  readonly hs2017: string;
  readonly hs2022: string;
}

/**
 * How much the prior counts: a hit gains this share of the best score times its prior (0–1). On `dev`, shares 0.4 to
 * 1.0 gave a top-5 of 0.641–0.646 against 0.628 without, 0.5 the best; it gained 1.6 points on `hold` too. A prior on
 * the heading (4 digits) instead of the subheading did worse (0.628–0.633).
 */
export const DECLARED_SHARE = 0.5;

export class DeclaredFrequency {
  private constructor(
    private readonly counts: ReadonlyMap<string, number>,
    /** log(1 + the largest count): the prior is 1 for the most declared subheading. */
    private readonly scale: number,
    /** Declarations counted (after mapping to HS 2022). */
    readonly declarations: number,
  ) {}

  /**
   * Counts declared HS 2017 subheadings as HS 2022 ones: a code both editions have counts as itself; a code HS 2022
   * split or moved counts a fraction to each subheading the correlation gives it (a declaration of 2017's 8524.xx is
   * not known to be one of 2022's parts more than another). Codes neither edition knows are left out.
   */
  static fromDeclarations(hs2017Codes: Iterable<string>, hs2022: ReadonlySet<string>, correlation: Iterable<HsCorrelation>): DeclaredFrequency {
    const targets = new Map<string, string[]>();
    for (const c of correlation) {
      const list = targets.get(c.hs2017);
      if (list === undefined) targets.set(c.hs2017, [c.hs2022]);
      else if (!list.includes(c.hs2022)) list.push(c.hs2022);
    }
    const counts = new Map<string, number>();
    let declarations = 0;
    for (const code of hs2017Codes) {
      const to = hs2022.has(code) ? [code] : (targets.get(code) ?? []).filter((c) => hs2022.has(c));
      if (to.length === 0) continue;
      declarations++;
      for (const c of to) counts.set(c, (counts.get(c) ?? 0) + 1 / to.length);
    }
    return DeclaredFrequency.fromCounts(counts, declarations);
  }

  /** From counts already per HS 2022 subheading. */
  static fromCounts(counts: ReadonlyMap<string, number>, declarations = [...counts.values()].reduce((a, b) => a + b, 0)): DeclaredFrequency {
    let max = 0;
    for (const n of counts.values()) max = Math.max(max, n);
    return new DeclaredFrequency(counts, Math.log1p(max), declarations);
  }

  /**
   * The subheading's prior, 0 (never declared) to 1 (the most declared). Logarithmic: a subheading declared a
   * hundred times is likelier than one declared once, but not a hundred times likelier an answer to words that
   * match both.
   */
  prior(hs6: string): number {
    const n = this.counts.get(hs6);
    return n === undefined || this.scale === 0 ? 0 : Math.log1p(n) / this.scale;
  }

  get subheadings(): number {
    return this.counts.size;
  }

  /** Re-scores hits (best first) by `score + share × best × prior`, best first again. */
  favour<H extends Hit>(hits: readonly H[], share = DECLARED_SHARE): H[] {
    let best = 0;
    for (const h of hits) best = Math.max(best, h.score);
    if (best <= 0 || share === 0) return [...hits];
    return hits.map((h) => ({ ...h, score: h.score + share * best * this.prior(h.hs6) })).sort((a, b) => b.score - a.score);
  }
}
