import { analyze, keyOf } from './english-text.ts';
import type { QueryWord } from './english-query.ts';

/** What the lever needs of an HS record: chapters (level 2) with their section. */
interface SectionedRecord {
  readonly code: string;
  readonly description: string;
  readonly level: number;
  readonly section?: string;
}

interface IndexedText {
  readonly id: string;
  readonly sub: string;
  readonly heading: string;
}

interface Hit {
  readonly hs6: string;
  readonly score: number;
}

/**
 * A hit of another material's section keeps this share of its score. 0.3 and 0.5 gave the same `dev` top-5 (+3
 * queries); the milder one is kept.
 */
const OTHER_MATERIAL = 0.5;
/** A title word found in more material sections than this says nothing about the material ("articles", "parts"). */
const MAX_SECTIONS = 2;

/**
 * Sections of the nomenclature that are ordered by material (plastics and rubber, leather, wood, paper, textiles,
 * stone and glass, base metals): a query that names a material in a modifier ("metal bowl") is not answered by the
 * tableware of another material's section (wooden 4419, porcelain 6911, plastic 3924) when that text names none of
 * the query's materials. A material section is one with an "articles n.e.c." subheading of a material; a chapter's
 * material is the first word of its title ("Plastics and articles thereof", "Metal; miscellaneous products of base
 * metal") or a word with such a subheading of its own.
 */
export class MaterialSections {
  private constructor(
    /** A chapter (2 digits) of a material section → the section. */
    private readonly materialChapter: ReadonlyMap<string, string>,
    /** A material key → the material sections whose chapter titles name it. */
    private readonly keySections: ReadonlyMap<string, ReadonlySet<string>>,
    /** A subheading → the material sections its own text or its heading's names ("of leather, of plastics"). */
    private readonly named: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /**
   * From the chapters' sections and titles; undefined when the records carry no sections or no material has a
   * residual subheading (then nothing is demoted).
   */
  static build(hs: readonly SectionedRecord[], residual: ReadonlyMap<string, string>, docs: readonly IndexedText[]): MaterialSections | undefined {
    const sectionOf = new Map<string, string>();
    const titleOf = new Map<string, string>();
    for (const r of hs) {
      if (r.level !== 2) continue;
      titleOf.set(r.code, r.description);
      if (r.section !== undefined && r.section !== '') sectionOf.set(r.code, r.section);
    }
    const materialSections = new Set([...residual.values()].map((c) => sectionOf.get(c.slice(0, 2)) ?? '').filter((s) => s !== ''));
    if (materialSections.size === 0) return undefined;
    const materialChapter = new Map<string, string>();
    const keySections = new Map<string, Set<string>>();
    for (const [chapter, section] of sectionOf) {
      if (!materialSections.has(section)) continue;
      materialChapter.set(chapter, section);
      const title = titleOf.get(chapter) ?? '';
      for (const k of analyze(title).filter((k, i) => i === 0 || residual.has(k))) {
        const set = keySections.get(k) ?? new Set<string>();
        set.add(section);
        keySections.set(k, set);
      }
    }
    for (const [k, set] of keySections) if (set.size > MAX_SECTIONS) keySections.delete(k);
    const named = new Map<string, ReadonlySet<string>>();
    for (const d of docs) {
      const set = new Set(analyze(`${d.sub} ${d.heading}`).flatMap((k) => [...(keySections.get(k) ?? [])]));
      if (set.size > 0) named.set(d.id, set);
    }
    return new MaterialSections(materialChapter, keySections, named);
  }

  /** The material sections the query's modifiers name (directly, or through the thesaurus: "pvc" is plastics). */
  sectionsOf(words: readonly QueryWord[], synonyms: ReadonlyMap<string, readonly string[]>): Set<string> {
    const out = new Set<string>();
    for (const w of words) {
      // the head noun says what the goods are; only a modifier says what they are made of ("lead pipe")
      const k = w.weight < 1 ? keyOf(w.word) : null;
      if (k === null) continue;
      // a thesaurus entry counts only for a word that names no material itself ("bag" is not leather)
      const direct = this.keySections.get(k);
      for (const s of direct ?? (synonyms.get(k) ?? []).flatMap((m) => [...(this.keySections.get(m) ?? [])])) out.add(s);
    }
    return out;
  }

  /** Lowers hits of material sections other than the query's, unless their text names one of its materials. */
  demote<T extends Hit>(hits: readonly T[], words: readonly QueryWord[], synonyms: ReadonlyMap<string, readonly string[]>): T[] {
    const allowed = this.sectionsOf(words, synonyms);
    if (allowed.size === 0) return [...hits];
    const other = (hs6: string): boolean => {
      const section = this.materialChapter.get(hs6.slice(0, 2));
      if (section === undefined || allowed.has(section)) return false;
      return ![...(this.named.get(hs6) ?? [])].some((s) => allowed.has(s));
    };
    return hits.map((h) => (other(h.hs6) ? { ...h, score: h.score * OTHER_MATERIAL } : h)).sort((a, b) => b.score - a.score);
  }
}
