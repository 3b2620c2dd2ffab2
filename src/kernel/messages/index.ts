import { registeredErrors } from '../errors.ts';
import { EN } from './en.ts';
import { JA } from './ja.ts';
import { fill, type MessageParams } from './template.ts';

export { EN } from './en.ts';
export { JA } from './ja.ts';
export { slotsOf } from './template.ts';

/** The languages the API answers in; English is the default for API users. */
export type ApiLang = 'en' | 'ja';
export const API_LANGS: readonly ApiLang[] = ['en', 'ja'];

/**
 * The first language of an Accept-Language header that the API speaks, by quality (`ja-JP;q=0.9, en;q=0.8`);
 * English when none is.
 */
export function pickLanguage(header: string | undefined): ApiLang {
  if (!header) return 'en';
  let best: ApiLang = 'en';
  let bestQ = 0;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...rest] = part.trim().split(';');
    const base = tag.trim().toLowerCase().split('-')[0];
    if (base !== 'ja' && base !== 'en') continue;
    const qp = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) : 1;
    if (Number.isFinite(q) && q > bestQ) {
      best = base;
      bestQ = q;
    }
  }
  return best;
}

const titles = (): Map<string, string> => new Map(registeredErrors().map((d) => [d.code, d.title]));

function catalogue(lang: ApiLang): (key: string) => string | undefined {
  if (lang === 'ja') return (k) => JA[k];
  let t: Map<string, string> | undefined;
  return (k) => EN[k] ?? (t ??= titles()).get(k);
}

/**
 * The wording of `key` in `lang` with `params`, or undefined when the catalogue has none (or it needs a parameter
 * that is not given).
 */
export function render(lang: ApiLang, key: string, params: MessageParams = {}): string | undefined {
  const look = catalogue(lang);
  const template = look(key);
  return template === undefined ? undefined : fill(template, params, look);
}

interface Worded {
  code: string;
  message: string;
  params?: MessageParams;
  messageKey?: string;
}

const isWorded = (v: unknown): v is Worded =>
  typeof v === 'object' && v !== null && typeof (v as Worded).code === 'string' && typeof (v as Worded).message === 'string';

/**
 * A message in `lang`: from its key and parameters; else the code's own wording (less specific than the English
 * text it replaces, but in the reader's language); else the message as it came.
 */
export function wordingOf(lang: ApiLang, w: Worded): string {
  if (lang === 'en') return w.message;
  const params = w.params ?? {};
  return render(lang, w.messageKey ?? w.code, params) ?? render(lang, w.code, params) ?? render(lang, w.code) ?? w.message;
}

/**
 * A copy of an answer with every `{code, message}` object in it (errors, problems, warnings, notes) worded in `lang`.
 * English answers are returned as they are: the English text is what the sources wrote.
 */
export function localise<T>(value: T, lang: ApiLang): T {
  if (lang === 'en') return value;
  return walk(value, lang, 0) as T;
}

function walk(v: unknown, lang: ApiLang, depth: number): unknown {
  if (depth > 32 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const w = walk(v[i], lang, depth + 1);
      if (w !== v[i]) (out ??= v.slice())[i] = w;
    }
    return out ?? v;
  }
  if (!isPlain(v)) return v;
  let out: Record<string, unknown> | undefined;
  for (const [k, x] of Object.entries(v)) {
    const w = walk(x, lang, depth + 1);
    if (w !== x) (out ??= { ...v })[k] = w;
  }
  if (isWorded(v)) {
    const message = wordingOf(lang, v);
    if (message !== v.message) (out ??= { ...v })['message'] = message;
  }
  return out ?? v;
}

const isPlain = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};
