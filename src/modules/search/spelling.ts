import SearchableMap from 'minisearch/SearchableMap';

/**
 * Corrects a misspelt query word to the closest word the search knows ("cofee" → "coffee"), before stemming: edit
 * distance on whole words is far more reliable than on stems. Words under five letters are left alone (at four
 * letters almost everything is one edit from something else: "aloe" → "ale"), and so is the first letter, which
 * people rarely get wrong — a different first letter usually means a different word ("tester" is not "ester").
 */
export class Speller {
  private readonly vocabulary = new SearchableMap<number>();

  add(word: string, weight = 1): void {
    this.vocabulary.update(word, (n) => (n ?? 0) + weight);
  }

  has(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** The best known word within reach, or null; ties go to the more frequent word. */
  correct(word: string): string | null {
    if (word.length < 5 || this.vocabulary.has(word)) return null;
    const maxDistance = word.length >= 7 ? 2 : 1;
    let best: { word: string; distance: number; freq: number } | null = null;
    for (const [candidate, [freq, distance]] of this.vocabulary.fuzzyGet(word, maxDistance)) {
      if (candidate[0] !== word[0]) continue;
      if (best === null || distance < best.distance || (distance === best.distance && freq > best.freq)) {
        best = { word: candidate, distance, freq };
      }
    }
    return best?.word ?? null;
  }

  /**
   * The most frequent known word that starts with `prefix` (a query cut short while typing: "backpa"), at most
   * `maxAdded` letters longer.
   */
  complete(prefix: string, maxAdded = Infinity): string | null {
    if (prefix.length < 4) return null;
    let best: { word: string; freq: number } | null = null;
    for (const [word, freq] of this.vocabulary.atPrefix(prefix)) {
      if (word.length - prefix.length > maxAdded) continue;
      if (word !== prefix && (best === null || freq > best.freq)) best = { word, freq };
    }
    return best?.word ?? null;
  }
}
