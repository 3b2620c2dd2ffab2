import MiniSearch from 'minisearch';
import { japaneseHeadKeys, japaneseKeys, type JapaneseTokenizer } from './japanese.ts';
import type { ScheduleLine } from './schedule.ts';

interface JaDoc {
  readonly id: number;
  readonly own: string;
  /** Words of the line's own text that only qualify its head ("コーヒー豆" in "コーヒー豆の殻及び皮"). */
  readonly modifier: string;
  readonly heading: string;
  readonly path: string;
}

export interface JapaneseHit {
  readonly rowId: number;
  readonly score: number;
}

/**
 * A line's own words name it; the heading row's words (the official heading text) say what family it is in, and
 * the rows between say how it is split ("コーヒー" above a bare "その他のもの"). Words that only qualify the line's
 * head count least: the husks of coffee beans are not what a query for coffee beans is after.
 */
const FIELD_BOOST = { own: 2, modifier: 0.3, heading: 3, path: 1 };

/** Japanese search over the schedule's leaf lines, keyed by kuromoji dictionary forms. */
export class JapaneseIndex {
  private constructor(
    private readonly index: MiniSearch<JaDoc>,
    private readonly tokenizer: JapaneseTokenizer,
    private readonly vocabulary: ReadonlySet<string>,
    /** Lines whose head is a by-product of the goods (husks, waste, substitutes, parts) → that head word. */
    private readonly derivatives: ReadonlyMap<number, string>,
  ) {}

  static build(lines: readonly ScheduleLine[], tokenizer: JapaneseTokenizer): JapaneseIndex {
    // ancestors repeat across thousands of lines; tokenize each distinct text once
    const cache = new Map<string, string>();
    const keysOf = (text: string): string => {
      let k = cache.get(text);
      if (k === undefined) {
        k = japaneseKeys(tokenizer, text).join(' ');
        cache.set(text, k);
      }
      return k;
    };
    const headCache = new Map<string, { head: string; modifier: string }>();
    const derivatives = new Map<number, string>();
    const docs = lines.map((l) => {
      let own = headCache.get(l.descriptionJa);
      if (own === undefined) {
        const { head, modifiers } = japaneseHeadKeys(tokenizer, l.descriptionJa);
        own = { head: head.join(' '), modifier: modifiers.join(' ') };
        headCache.set(l.descriptionJa, own);
        cache.set(l.descriptionJa, `${own.modifier} ${own.head}`.trim());
      }
      const last = own.head.split(' ').at(-1) ?? '';
      if (DERIVATIVE_HEADS.has(last)) derivatives.set(l.rowId, last);
      const heading = keysOf(l.ancestorsJa[0] ?? '');
      // each intermediate word once: repeating words down a deep path only slows indexing. A word the heading
      // already has still counts here: the row "コーヒー（いつたものを除く。）" says the lines under it are coffee.
      const path = new Set(l.ancestorsJa.slice(1).flatMap((a) => keysOf(a).split(' ')));
      for (const k of own.head.split(' ')) path.delete(k);
      return { id: l.rowId, own: own.head, modifier: own.modifier, heading, path: [...path].join(' ') };
    });
    const index = new MiniSearch<JaDoc>({
      fields: ['own', 'modifier', 'heading', 'path'],
      tokenize: (s) => s.split(' ').filter((t) => t !== ''),
      processTerm: (t) => t,
    });
    index.addAll(docs);
    const vocabulary = new Set<string>();
    for (const k of cache.values()) for (const w of k.split(' ')) vocabulary.add(w);
    return new JapaneseIndex(index, tokenizer, vocabulary, derivatives);
  }

  search(q: string): JapaneseHit[] {
    const keys = this.queryKeys(q);
    if (keys.length === 0) return [];
    return this.index
      .search(keys.join(' '), {
        tokenize: (s) => s.split(' '),
        processTerm: (t) => t,
        boost: FIELD_BOOST,
        // katakana loan words are often typed short ("コーヒ"); completing them is cheap and rarely wrong
        prefix: (t) => t.length >= 2,
        weights: { fuzzy: 0.4, prefix: 0.3 },
      })
      .map((r) => {
        const derivative = this.derivatives.get(Number(r.id));
        // the husks or substitutes of coffee are not coffee: unless asked for, they rank below the goods themselves
        const score = derivative !== undefined && !keys.includes(derivative) ? r.score * DERIVATIVE_FACTOR : r.score;
        return { rowId: Number(r.id), score };
      })
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Query keys, with everyday words replaced by the schedule's wording ("パソコン" → "自動データ処理機械"), and a
   * compound the schedule never writes as one word split into known parts: "赤ワイン" → "赤", "ワイン"; an all-kanji
   * compound into its kanji ("牛肉" → "牛", "肉", as in "牛の肉").
   */
  private queryKeys(q: string): string[] {
    const keys: string[] = [];
    const known = (k: string): boolean => this.vocabulary.has(k) || JA_SYNONYMS[k] !== undefined;
    const add = (k: string): void => {
      const synonym = JA_SYNONYMS[k];
      if (synonym !== undefined) keys.push(...japaneseKeys(this.tokenizer, synonym));
      keys.push(k);
    };
    for (const k of japaneseKeys(this.tokenizer, q)) {
      if (known(k)) {
        add(k);
        // a two-kanji word the schedule also writes apart ("豚肉" as "豚の肉") reaches those lines too
        if (/^\p{Script=Han}{2}$/u.test(k)) this.kanji(k).forEach((c) => keys.push(c));
        continue;
      }
      const parts = this.split(k, known);
      if (parts.length > 0) parts.forEach(add);
      else keys.push(k);
    }
    return [...new Set(keys)];
  }

  private split(k: string, known: (k: string) => boolean): string[] {
    for (let i = 1; i <= k.length - 2; i++) {
      const head = k.slice(0, i);
      const tail = k.slice(i);
      if (known(tail)) return [...(known(head) ? [head] : this.kanji(head)), tail];
    }
    return /^\p{Script=Han}{2,}$/u.test(k) ? this.kanji(k) : [];
  }

  private kanji(text: string): string[] {
    return [...text].filter((c) => /\p{Script=Han}/u.test(c) && this.vocabulary.has(c));
  }
}

/**
 * Heads that name a by-product or a stand-in of the goods in the modifier rather than the goods: husks, skins,
 * waste, residues, substitutes, parts and accessories.
 */
const DERIVATIVE_HEADS: ReadonlySet<string> = new Set(['殻', '皮', 'くず', 'かす', '代用', '部分品', '附属品', '廃棄物', 'スクラップ']);
const DERIVATIVE_FACTOR = 0.5;

/** Everyday Japanese → the schedule's wording; hand-written, generic. */
const JA_SYNONYMS: Readonly<Record<string, string>> = {
  パソコン: '自動データ処理機械',
  ノートパソコン: '携帯用自動データ処理機械',
  スマホ: 'スマートフォン',
  テレビ: 'テレビジョン受像機器',
  スニーカー: '履物 運動靴',
  シューズ: '履物',
  タイヤ: 'ゴム製の空気タイヤ',
  ワイン: 'ぶどう酒',
  ビール: 'ビール 麦芽',
  ウイスキー: 'ウイスキー 蒸留酒',
  日本酒: '清酒',
  お菓子: '菓子',
  おもちゃ: '玩具',
  ぬいぐるみ: '玩具 動物 人形',
  化粧品: '化粧品 調製品',
  香水: '香水 オーデコロン',
  薬: '医薬品',
  サプリメント: '調製食料品',
  自転車: '自転車',
  自動車: '乗用自動車',
  車: '自動車',
  Tシャツ: 'Tシャツ シングレット',
  ジーンズ: 'ズボン 綿製',
  バッグ: 'ハンドバッグ 旅行用バッグ',
  財布: '財布 札入れ',
  時計: '腕時計 時計',
  眼鏡: '眼鏡',
  メガネ: '眼鏡',
  サングラス: 'サングラス',
};
