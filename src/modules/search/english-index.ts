import MiniSearch from 'minisearch';
import { analyze } from './english-text.ts';
import { rankByGroup } from './rank-by-group.ts';
import { analyzeQuery, buildQueryContext, type QueryContext, type WeightedKey } from './english-query.ts';
import type { DeclaredFrequency } from './declared-frequency.ts';
import { blendMeaning } from './meaning-blend.ts';
import { deniedKeys } from './negation.ts';
import { spreadNearDuplicates } from './meaning-diversity.ts';
import { MaterialSections } from './material-sections.ts';
import { TextVectors } from './text-vectors.ts';
import type { WordVectors } from './word-vectors.ts';
import { SYNONYMS } from './synonyms.ts';
import type { WordNet } from './wordnet.ts';

/** The part of an HS 2022 nomenclature record the search needs (reference's `HsCode` fits). */
export interface HsRecord {
  readonly code: string;
  readonly description: string;
  readonly level: number;
  /** The HS section (Roman numeral) the code belongs to, where known. */
  readonly section?: string;
}

interface HsDoc {
  readonly id: string;
  readonly sub: string;
  readonly heading: string;
  /** The parts of closed compounds in `sub` and `heading` ("glassware" → glass, war), as keys. */
  readonly parts: string;
}

export interface EnglishHit {
  readonly hs6: string;
  readonly score: number;
}

/**
 * Field weights: the subheading's own words name the goods; the heading's words, propagated to every subheading
 * under it, name the family (a query for "footwear" should reach "Other" subheadings of 6404 too). Chapter titles
 * are left out: they are so broad that they matched a third more documents per query (a third more time) without
 * changing the hit rate measurably.
 */
const FIELD_BOOST = { sub: 1.6, heading: 1.2, parts: 0.8 };
/** Pseudo code "commodities not specified according to kind" is not a line anyone imports under. */
const EXCLUDED = new Set(['999999']);

export class EnglishIndex {
  private constructor(
    private readonly index: MiniSearch<HsDoc>,
    private readonly ctx: QueryContext,
    readonly descriptions: ReadonlyMap<string, string>,
    /** A material's key → the subheading for its articles not specified elsewhere ("plastic" → 3926.90). */
    private readonly residual: ReadonlyMap<string, string>,
    private readonly text?: TextVectors,
    private readonly materials?: MaterialSections,
    private readonly declared?: DeclaredFrequency,
    /** A subheading → the keys its own text or its heading's denies ("not roasted"). */
    private readonly denied: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {}

  static build(
    hs: readonly HsRecord[],
    keep: (hs6: string) => boolean,
    wordnet?: WordNet,
    vectors?: WordVectors,
    declared?: DeclaredFrequency,
  ): EnglishIndex {
    const ctx = buildQueryContext(hs.map((r) => r.description), SYNONYMS, wordnet, vectors);
    const byCode = new Map(hs.map((r) => [r.code, r.description]));
    const docs: HsDoc[] = [];
    for (const r of hs) {
      if (r.level !== 6 || EXCLUDED.has(r.code) || !keep(r.code)) continue;
      const heading = byCode.get(r.code.slice(0, 4)) ?? '';
      const parts = analyze(`${r.description} ${heading}`).flatMap((k) => ctx.compounds.get(k) ?? []);
      docs.push({ id: r.code, sub: r.description, heading, parts: [...new Set(parts)].join(' ') });
    }
    const index = new MiniSearch<HsDoc>({
      fields: ['sub', 'heading', 'parts'],
      // compound parts are keys already
      tokenize: (text, field) => (field === 'parts' ? text.split(' ').filter((t) => t !== '') : analyze(text)),
      processTerm: (t) => t,
    });
    index.addAll(docs);

    const descriptions = new Map(hs.map((r) => [r.code, r.description]));
    const chapterKeys = (hs6: string): ReadonlySet<string> => new Set(analyze(byCode.get(hs6.slice(0, 2)) ?? ''));
    const text = vectors === undefined ? undefined : TextVectors.build(docs, vectors);
    const residual = residualSubheadings(docs, chapterKeys);
    const denied = new Map<string, ReadonlySet<string>>();
    for (const d of docs) {
      const keys = deniedKeys(d.sub, d.heading);
      if (keys.size > 0) denied.set(d.id, keys);
    }
    return new EnglishIndex(index, ctx, descriptions, residual, text, MaterialSections.build(hs, residual, docs), declared, denied);
  }

  /** Subheadings ranked by relevance (best first), grouped so that the best-supported headings come first. */
  search(q: string): EnglishHit[] {
    const { keys, words } = analyzeQuery(q, this.ctx);
    if (keys.length === 0) return [];
    const wordsOfKey = new Map(keys.map((k) => [k.key, k.words]));
    const run = (fuzzy: number | false): EnglishHit[] =>
      this.index
        .search(keys.map((k) => k.key).join(' '), {
          tokenize: (s) => s.split(' '),
          processTerm: (t) => t,
          boost: FIELD_BOOST,
          boostTerm: (_t, i) => keys[i]?.weight ?? 1,
          prefix: (t, i) => (keys[i]?.typed ?? false) && t.length >= 4,
          fuzzy: (t, i) => (fuzzy !== false && (keys[i]?.typed ?? false) && t.length >= 4 ? fuzzy : false),
          weights: { fuzzy: 0.4, prefix: 0.3 },
        })
        .map((r) => ({ hs6: String(r.id), score: coordinated(r.score, r.queryTerms, wordsOfKey) }))
        // best first again: what follows takes the first hit as the best and re-scores only the first ones
        .sort((a, b) => b.score - a.score);
    const exact = run(false);
    // nothing matched as typed: allow edits inside the stems before giving up
    const matched = exact.length > 0 ? exact : run(0.34);
    const hits = this.lowerDenials(matched, keys);
    // word matches tie often (one shared word, many texts): what the query means breaks the tie
    const meaning = this.text?.query(words);
    const blended = this.text === undefined || meaning === undefined ? hits : blendMeaning(hits, this.text, meaning);
    const ofMaterial = this.materials === undefined ? blended : this.materials.demote(blended, words, this.ctx.synonyms);
    // among near-equal matches, the goods declared more often
    const likely = this.declared === undefined ? ofMaterial : this.declared.favour(ofMaterial);
    const grouped = rankByGroup(likely, (h) => h.hs6.slice(0, 4));
    const ranked = this.text === undefined ? grouped : spreadNearDuplicates(grouped, this.text);
    return this.withResidual(ranked, keys);
  }

  /**
   * A text that denies a word the user typed ("Coffee; not roasted …" for "roasted coffee") keeps DENIED_SHARE of its
   * score: it matched the word, but says the goods are not that.
   */
  private lowerDenials(hits: EnglishHit[], keys: readonly WeightedKey[]): EnglishHit[] {
    const typed = keys.filter((k) => k.typed).map((k) => k.key);
    let lowered = false;
    const out = hits.map((h) => {
      const denied = this.denied.get(h.hs6);
      if (denied === undefined || !typed.some((k) => denied.has(k))) return h;
      lowered = true;
      return { hs6: h.hs6, score: h.score * DENIED_SHARE };
    });
    return lowered ? out.sort((a, b) => b.score - a.score) : hits;
  }

  /**
   * Goods of a stated material that no heading names fall under that material's "articles n.e.c." heading (a
   * "plastic hook" the nomenclature does not list is 3926): when the query names a material, its residual heading is
   * offered among the first five headings if the text match did not already put it there.
   */
  private withResidual(ranked: EnglishHit[], keys: readonly WeightedKey[]): EnglishHit[] {
    if (ranked.length === 0) return ranked;
    // the material must qualify something else: "power lead" is a cable, "lead pipe" is lead
    const typed = keys.filter((k) => k.typed);
    const head = typed.reduce<WeightedKey | undefined>((best, k) => (best === undefined || k.weight >= best.weight ? k : best), undefined);
    // the thesaurus says what a material is made of: "pvc" is plastics, "brass" copper alloys
    const residual = typed
      .filter((k) => k !== head)
      .flatMap((k) => [k.key, ...(this.ctx.synonyms.get(k.key) ?? [])])
      .map((k) => this.residual.get(k))
      .find((c) => c !== undefined);
    if (residual === undefined) return ranked;
    const heading = residual.slice(0, 4);
    const seen: string[] = [];
    let insertAt = ranked.length;
    for (let i = 0; i < ranked.length; i++) {
      const h = ranked[i]?.hs6.slice(0, 4) ?? '';
      if (h === heading) return ranked;
      if (!seen.includes(h)) {
        if (seen.length === RESIDUAL_RANK - 1) {
          insertAt = i;
          break;
        }
        seen.push(h);
      }
    }
    const before = ranked[insertAt - 1]?.score ?? 0;
    const rest = ranked.filter((h) => h.hs6.slice(0, 4) !== heading);
    rest.splice(insertAt, 0, { hs6: residual, score: before });
    return rest;
  }
}

/**
 * MiniSearch multiplies a text's score by the number of query keys it matched, and every thesaurus or WordNet word
 * is a key of its own: "guitar strings" expands "strings" to twine, cordage, rope and cable, and 6310 (scrap twine,
 * cordage, rope and cables) matched four keys of one typed word, so its score was multiplied by four, more than
 * musical instrument strings (9209) got for matching the typed word itself. The multiplier counts the typed words a
 * text matched instead, plus this share for each further key. On `dev`: 0 gave top-5 +0.4 points and top-1 −1.0;
 * 0.25 top-5 +0.5 and top-1 +1.0 (`hold` +0.5 and ±0); 0.5 top-5 +0.2.
 */
const EXTRA_KEY_SHARE = 0.25;

function coordinated(score: number, matchedKeys: readonly string[], wordsOf: ReadonlyMap<string, number>): number {
  let words = 0;
  for (const k of matchedKeys) words |= wordsOf.get(k) ?? 0;
  const keys = Math.max(matchedKeys.length, 1);
  const typed = bitCount(words);
  return (score / keys) * (typed + EXTRA_KEY_SHARE * Math.max(0, keys - typed));
}

function bitCount(n: number): number {
  let c = 0;
  for (let x = n; x !== 0; x &= x - 1) c++;
  return c;
}

/**
 * What a text keeps of its score when it denies a typed word. Neutral on the benchmark (`dev` top-5 0.652 → 0.653,
 * top-1 ±0; `hold` top-5 ±0, top-1 −0.2 points; 0.3 the same as 0.5), kept for the answers it corrects: "roasted
 * coffee" 0901.21 (was the not-roasted 0901.11), "decaffeinated coffee" 0901.22, "knitted shirt" 6106 (was the
 * not-knitted 6206), "plantains" 0803.10 (was "bananas, other than plantains").
 */
const DENIED_SHARE = 0.5;

/** The residual heading goes no lower than fifth. */
const RESIDUAL_RANK = 5;

/**
 * Subheadings for "articles n.e.c." of one material, found in the HS text itself: "Plastics; other articles n.e.c."
 * (3926.90), "Iron or steel; articles n.e.c." (7326.90), "Ceramic articles n.e.c." (6914.90), "Wooden articles n.e.c."
 * (heading 4421). The material is the first phrase before the semicolon or "articles".
 */
function residualSubheadings(docs: readonly HsDoc[], chapterKeys: (hs6: string) => ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of docs) {
    for (const text of [doc.sub, doc.heading]) {
      const m = /^([^;]+);[^;]{0,60}?\barticles (?:thereof )?n\.e\.c\./i.exec(text) ?? /^([a-z ]+?) articles n\.e\.c\./i.exec(text);
      if (m === null) continue;
      const material = (m[1] ?? '').split(/[,(]/)[0] ?? '';
      // a material names its chapter ("Plastics and articles thereof"); "Surveying equipment; articles n.e.c." is no
      // material
      const chapter = chapterKeys(doc.id);
      // "Wooden articles" in chapter "Wood and articles of wood"
      const named = (k: string): boolean => chapter.has(k) || [...chapter].some((c) => c.length >= 4 && k.startsWith(c));
      const materialKeys = analyze(material).filter(named);
      if (materialKeys.length === 0 || materialKeys.length > 3) continue;
      // the last subheading written for the material wins: "…99" / "…90" is the catch-all
      for (const k of materialKeys) if (!out.has(k) || (out.get(k) ?? '') < doc.id) out.set(k, doc.id);
    }
  }
  return out;
}
