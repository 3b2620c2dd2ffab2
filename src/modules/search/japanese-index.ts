import MiniSearch from 'minisearch';
import { japaneseKeys, type JapaneseTokenizer } from './japanese.ts';
import type { ScheduleLine } from './schedule.ts';

interface JaDoc {
  readonly id: number;
  readonly own: string;
  readonly path: string;
}

export interface JapaneseHit {
  readonly rowId: number;
  readonly score: number;
}

/** A line's own words name it; its ancestors' words ("コーヒー" above a bare "その他のもの") say what family it is in. */
const FIELD_BOOST = { own: 2, path: 1 };

/** Japanese search over the schedule's leaf lines, keyed by kuromoji dictionary forms. */
export class JapaneseIndex {
  private constructor(
    private readonly index: MiniSearch<JaDoc>,
    private readonly tokenizer: JapaneseTokenizer,
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
    const docs = lines.map((l) => ({ id: l.rowId, own: keysOf(l.descriptionJa), path: l.ancestorsJa.map(keysOf).join(' ') }));
    const index = new MiniSearch<JaDoc>({
      fields: ['own', 'path'],
      tokenize: (s) => s.split(' ').filter((t) => t !== ''),
      processTerm: (t) => t,
    });
    index.addAll(docs);
    return new JapaneseIndex(index, tokenizer);
  }

  search(q: string): JapaneseHit[] {
    const keys = japaneseKeys(this.tokenizer, q);
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
      .map((r) => ({ rowId: Number(r.id), score: r.score }));
  }
}
