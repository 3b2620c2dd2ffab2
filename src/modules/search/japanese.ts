import kuromoji from 'kuromoji';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type JapaneseTokenizer = Tokenizer<IpadicFeatures>;

/** kuromoji ships its IPADIC dictionary beside its sources; loading it takes about a second, so do it once. */
export function defaultDictionaryPath(): string {
  const main = createRequire(import.meta.url).resolve('kuromoji');
  return join(dirname(main), '..', 'dict');
}

export function loadJapaneseTokenizer(dicPath = defaultDictionaryPath()): Promise<JapaneseTokenizer> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      // kuromoji's callback types `err` as always present; it is null on success
      if (err as Error | null) reject(err);
      else resolve(tokenizer);
    });
  });
}

/** Words that appear in thousands of lines ("その他のもの", "もの", "限る") and say nothing about the goods. */
const JA_STOPWORDS = new Set(['もの', 'その他', 'ほか', 'こと', 'ため', '限る', 'する', 'なる', 'ある', 'いる', 'れる', 'られる', '以下', '以上', '除く', '含む', '類', '物', '品', '等', '用', 'ない']);
const CONTENT_POS = new Set(['名詞', '動詞', '形容詞', '接頭詞', '未知語']);

/**
 * Index keys of a Japanese text: content words in their dictionary form. Numbers and symbols go (statistical
 * sub-numbering such as "(1)" or "〔2〕" is noise), as do non-independent nouns ("もの", "こと").
 */
export function japaneseKeys(tokenizer: JapaneseTokenizer, text: string): string[] {
  const keys: string[] = [];
  for (const t of tokenizer.tokenize(text.normalize('NFKC'))) {
    if (!CONTENT_POS.has(t.pos) && t.word_type !== 'UNKNOWN') continue;
    if (t.pos_detail_1 === '非自立' || t.pos_detail_1 === '数' || t.pos_detail_1 === '接尾' && t.surface_form.length < 2) continue;
    const form = t.basic_form !== '*' ? t.basic_form : t.surface_form;
    if (/^[\p{P}\p{S}\d\s]+$/u.test(form) || JA_STOPWORDS.has(form)) continue;
    keys.push(form.toLowerCase());
  }
  return keys;
}
