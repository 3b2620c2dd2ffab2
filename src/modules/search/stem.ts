/**
 * A deliberately light English stemmer for tariff text: folds plurals, -ing and -ed, and a final silent "e",
 * so that "bananas"/"banana", "knitted"/"knit", "making"/"make" meet on one key. Index and query go through the
 * same function, so a key only has to be consistent, not a real word ("machine" → "machin").
 */
const IRREGULAR: Readonly<Record<string, string>> = {
  men: 'man',
  women: 'woman',
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  leaves: 'leaf',
  knives: 'knife',
  wives: 'wife',
  shelves: 'shelf',
  halves: 'half',
  loaves: 'loaf',
  calves: 'calf',
  wolves: 'wolf',
  dice: 'dice',
  oxen: 'ox',
  lice: 'louse',
  // -ing / -ed nouns and adjectives that would otherwise fold onto an unrelated word: garments are not "cloth",
  // earrings not "ear", stockings not "stock", paintings not "paint", coated paper not a "coat"
  clothes: 'clothing',
  clothing: 'clothing',
  earring: 'earring',
  earrings: 'earring',
  stocking: 'stocking',
  stockings: 'stocking',
  dressing: 'dressing',
  dressings: 'dressing',
  painting: 'painting',
  paintings: 'painting',
  whiting: 'whiting',
  fishing: 'fishing',
  bearing: 'bearing',
  bearings: 'bearing',
  bushing: 'bushing',
  bushings: 'bushing',
  casing: 'casing',
  casings: 'casing',
  coated: 'coated',
  coating: 'coating',
  coatings: 'coating',
  covered: 'covered',
  plated: 'plated',
  // words whose ending only looks like an inflection
  news: 'news',
  glass: 'glass',
  gas: 'gas',
  bus: 'bus',
  lens: 'lens',
  ring: 'ring',
  string: 'string',
  spring: 'spring',
  sling: 'sling',
  swing: 'swing',
  king: 'king',
  wing: 'wing',
  bed: 'bed',
  seed: 'seed',
  feed: 'feed',
  reed: 'reed',
  weed: 'weed',
  shed: 'shed',
  sled: 'sled',
  sledge: 'sledge',
};

const VOWEL = /[aeiouy]/;

function undouble(s: string): string {
  // "knitt" → "knit", "cutt" → "cut"; keep ll/ss/zz ("drill", "glass", "buzz")
  const n = s.length;
  if (n >= 3 && s[n - 1] === s[n - 2] && !'lsz'.includes(s[n - 1] ?? '') && !VOWEL.test(s[n - 1] ?? '')) {
    return s.slice(0, -1);
  }
  return s;
}

function stripPlural(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(xes|ches|shes|zes|oes)$/.test(w) && w.length > 4) return w.slice(0, -2);
  if (/(ss|us|is|ous)$/.test(w)) return w;
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function stripSuffix(w: string): string {
  if (w.endsWith('ing') && w.length >= 6) {
    const s = w.slice(0, -3);
    if (VOWEL.test(s)) return undouble(s);
  }
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('eed')) return w; // "breed", "speed": not a past tense
  if (w.endsWith('ed') && w.length >= 5) {
    const s = w.slice(0, -2);
    if (VOWEL.test(s)) return undouble(s);
  }
  return w;
}

export function stem(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return dropFinalE(irregular);
  if (!/^[a-z]+$/.test(w)) return w;
  return dropFinalE(stripSuffix(stripPlural(w)));
}

function dropFinalE(w: string): string {
  return w.length > 3 && w.endsWith('e') && !w.endsWith('ee') ? w.slice(0, -1) : w;
}
