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
    const key = contentKey(t);
    if (key !== null) keys.push(key);
  }
  return keys;
}

type Token = ReturnType<JapaneseTokenizer['tokenize']>[number];

function contentKey(t: Token): string | null {
  if (!CONTENT_POS.has(t.pos) && t.word_type !== 'UNKNOWN') return null;
  if (t.pos_detail_1 === '非自立' || t.pos_detail_1 === '数' || (t.pos_detail_1 === '接尾' && t.surface_form.length < 2)) return null;
  const form = t.basic_form !== '*' ? t.basic_form : t.surface_form;
  if (/^[\p{P}\p{S}\d\s]+$/u.test(form) || JA_STOPWORDS.has(form)) return null;
  return form.toLowerCase();
}

/**
 * A description's keys split at its last top-level "の" or verb into the head and its modifiers: "コーヒー豆の殻及び皮"
 * is husks and skins (head) of coffee beans (modifier), "冷凍した肉" is meat; a query for coffee beans should not rank
 * the husks first. A split followed by nothing but filler ("牛のもの", those of bovine animals) does not count;
 * brackets are left whole.
 */
export function japaneseHeadKeys(tokenizer: JapaneseTokenizer, text: string): { head: string[]; modifiers: string[] } {
  const tokens = tokenizer.tokenize(text.normalize('NFKC'));
  let depth = 0;
  let split = -1;
  let contentSince = false;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t === undefined) continue;
    if (/[)）〕\]]/.test(t.surface_form)) depth++;
    else if (/[(（〔[]/.test(t.surface_form)) depth--;
    else if (depth === 0 && ((t.surface_form === 'の' && t.pos === '助詞') || t.pos === '動詞') && contentSince) {
      split = i;
      break;
    } else if (depth === 0 && contentKey(t) !== null) contentSince = true;
  }
  const head: string[] = [];
  const modifiers: string[] = [];
  tokens.forEach((t, i) => {
    const key = contentKey(t);
    if (key !== null) (i < split ? modifiers : head).push(key);
  });
  return { head, modifiers };
}
