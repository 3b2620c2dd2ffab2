import { loadWordNet, type WordNet } from './wordnet.ts';

let loaded: WordNet | undefined;

/** One real WordNet per test worker (reading it takes a few hundred ms). */
export function sharedWordNet(): WordNet {
  loaded ??= loadWordNet();
  return loaded;
}
