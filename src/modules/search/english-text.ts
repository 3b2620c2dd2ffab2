import { stem } from './stem.ts';

/**
 * English analysis shared by the index and the query, so both sides meet on the same keys. Tariff text is full of
 * connective words ("other", "thereof", "n.e.c.") that carry no meaning for a shopper's query.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'or', 'the', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'without', 'from', 'into',
  'as', 'be', 'is', 'are', 'its', 'it', 'their', 'thereof', 'therefor', 'other', 'others', 'not', 'nec', 'n', 'e',
  'c', 'whether', 'than', 'such', 'but', 'this', 'that', 'these', 'those', 'which', 'whose', 'only', 'also',
  'including', 'excluding', 'incl', 'excl', 'heading', 'headings', 'subheading', 'chapter', 'no', 'nos', 'kind',
  'kinds', 'used', 'principally', 'mainly', 'solely', 'chiefly', 'like', 'similar', 'etc', 'any', 'all', 'some',
  'my', 'i', 'me', 'we', 'you', 'your', 'our', 'buy', 'buying', 'import', 'importing', 'imported', 'export',
  'code', 'codes', 'commodity', 'tariff', 'item', 'items', 'product', 'products', 'goods', 'thing', 'things',
  // shop-listing filler: says nothing about what the goods are
  'new', 'brand', 'genuine', 'original', 'premium', 'quality', 'custom', 'cheap', 'pcs', 'piece', 'pieces',
  'pair', 'pairs', 'size', 'sizes', 'assorted', 'various', 'x',
]);

/** Raw lower-case words of a text; "t-shirt" gives "t", "shirt" and the joined "tshirt". */
export function words(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/&/g, ' and ').replace(/['’]s\b/g, '').replace(/['’]/g, '');
  for (const chunk of lower.split(/[^a-z0-9-]+/)) {
    if (chunk === '') continue;
    const parts = chunk.split('-').filter((p) => p !== '');
    out.push(...parts);
    if (parts.length > 1) out.push(parts.join(''));
  }
  return out;
}

/** The index key of one raw word, or null for words that carry no meaning. */
export function keyOf(word: string): string | null {
  if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) return null;
  return stem(word);
}

/** Index-side analysis: the keys of a text. */
export function analyze(text: string): string[] {
  const keys: string[] = [];
  for (const w of words(text)) {
    const k = keyOf(w);
    if (k !== null) keys.push(k);
  }
  return keys;
}
