/** Shared building blocks: results, errors with stable codes, money, ids, clock. No I/O. */
export * from './result.ts';
export * from './errors.ts';
export * from './money.ts';
export * from './ids.ts';
export * from './clock.ts';
export { API_LANGS, localise, pickLanguage, render, wordingOf, type ApiLang } from './messages/index.ts';
export * from './text.ts';
