import SearchableMap from 'minisearch/SearchableMap';

interface Entry {
  readonly freq: number;
  /** A word of the search's own texts, rather than of a general lexicon. */
  readonly core: boolean;
}

/**
 * Corrects a misspelt query word to the closest word the search knows ("cofee" → "coffee"), before stemming: edit
 * distance on whole words is far more reliable than on stems. Words under five letters are left alone (at four
 * letters almost everything is one edit from something else: "aloe" → "ale"), and so is the first letter, which
 * people rarely get wrong — a different first letter usually means a different word ("tester" is not "ester").
 *
 * Candidates within reach are ranked by a weighted edit cost that follows how people misspell: a wrong vowel
 * ("alcahol"), a missed or doubled letter ("exhibtion", "coffeee") and two swapped letters cost less than an
 * arbitrary edit, so "brochers" is "brochures" rather than "brooders". Words of a general lexicon (WordNet) are
 * trusted only within one such edit: two arbitrary edits into a rare dictionary word are more likely wrong.
 */
export class Speller {
  private readonly vocabulary = new SearchableMap<Entry>();

  add(word: string, weight = 1, source: 'core' | 'lexicon' = 'core'): void {
    this.vocabulary.update(word, (e) => ({ freq: (e?.freq ?? 0) + weight, core: (e?.core ?? false) || source === 'core' }));
  }

  /** Every word added, of the search's own texts only. */
  *words(): IterableIterator<string> {
    for (const [word, entry] of this.vocabulary) if (entry.core) yield word;
  }

  has(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** The best known word within reach, or null; ties go to the search's own words, then to the more frequent. */
  correct(word: string): string | null {
    if (word.length < 5 || this.vocabulary.has(word)) return null;
    const maxDistance = word.length >= 7 ? 2 : 1;
    let best: { word: string; cost: number; entry: Entry } | null = null;
    for (const [candidate, [entry]] of this.vocabulary.fuzzyGet(word, maxDistance)) {
      if (candidate[0] !== word[0]) continue;
      const cost = editCost(word, candidate);
      if (!entry.core && cost > 1) continue;
      if (best === null || cost < best.cost || (cost === best.cost && better(entry, best.entry))) {
        best = { word: candidate, cost, entry };
      }
    }
    return best?.word ?? null;
  }

  /**
   * The most frequent known word that starts with `prefix` (a query cut short while typing: "backpa"), at most
   * `maxAdded` letters longer; the search's own words first, and only those with `coreOnly`.
   */
  complete(prefix: string, maxAdded = Infinity, coreOnly = false): string | null {
    if (prefix.length < 4) return null;
    let best: { word: string; entry: Entry } | null = null;
    for (const [word, entry] of this.vocabulary.atPrefix(prefix)) {
      if (word.length - prefix.length > maxAdded || (coreOnly && !entry.core)) continue;
      if (word !== prefix && (best === null || better(entry, best.entry))) best = { word, entry };
    }
    return best?.word ?? null;
  }
}

function better(a: Entry, b: Entry): boolean {
  return a.core !== b.core ? a.core : a.freq > b.freq;
}

const isVowel = (c: string | undefined): boolean => c !== undefined && 'aeiou'.includes(c);

/**
 * Damerau–Levenshtein distance (optimal string alignment) with the costs of common misspellings: vowel for vowel
 * 0.5, a letter missed or added next to the same letter 0.5, a vowel missed or added 0.7, two adjacent letters
 * swapped 1, anything else 1.
 */
export function editCost(typed: string, target: string): number {
  const n = typed.length;
  const m = target.length;
  let prev2: number[] = [];
  let prev: number[] = [0];
  for (let j = 1; j <= m; j++) prev[j] = (prev[j - 1] ?? 0) + gapCost(target, j - 1);
  for (let i = 1; i <= n; i++) {
    const row: number[] = [(prev[0] ?? 0) + gapCost(typed, i - 1)];
    const a = typed[i - 1];
    for (let j = 1; j <= m; j++) {
      const b = target[j - 1];
      const substitute = a === b ? 0 : isVowel(a) && isVowel(b) ? 0.5 : 1;
      let cost = Math.min(
        (prev[j - 1] ?? 0) + substitute,
        (prev[j] ?? 0) + gapCost(typed, i - 1),
        (row[j - 1] ?? 0) + gapCost(target, j - 1),
      );
      if (i > 1 && j > 1 && a === target[j - 2] && typed[i - 2] === b) cost = Math.min(cost, (prev2[j - 2] ?? 0) + 1);
      row[j] = cost;
    }
    prev2 = prev;
    prev = row;
  }
  return prev[m] ?? 0;
}

/** The cost of a letter present in `word` at `i` but missing from the other word. */
function gapCost(word: string, i: number): number {
  const c = word[i];
  if (c === word[i - 1] || c === word[i + 1]) return 0.5;
  return isVowel(c) ? 0.7 : 1;
}
