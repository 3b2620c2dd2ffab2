import { columnName, formatCode9 } from '../components/tariff.ts';
import type { Lang } from './index.tsx';
import { serverEn } from './server.en.ts';
import { serverJa } from './server.ja.ts';

/** What the server reports as `{code, message}`, with the `params` (and `messageKey` for a variant) to word it. */
export interface ServerWorded {
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly messageKey?: string;
}

const CATALOGUE: Partial<Record<Lang, Readonly<Record<string, string>>>> = { en: serverEn, ja: serverJa };

/** How a parameter reads when a wording asks for it as `{name@kind}`. */
function formatted(kind: string, value: string, lang: Lang): string {
  switch (kind) {
    case 'column':
      return columnName(value, lang);
    case 'code9':
      return formatCode9(value);
    case 'units':
      return lang === 'ja' ? value.replace(/ and /g, '・') : value;
    default:
      return value;
  }
}

function fill(template: string, params: Readonly<Record<string, string | number>>, lang: Lang): string | undefined {
  let missing = false;
  const out = template.replace(/\{(\w+)(?:@(\w+))?\}/g, (_, name: string, kind: string | undefined) => {
    const v = params[name];
    if (v === undefined) {
      missing = true;
      return '';
    }
    return kind ? formatted(kind, String(v), lang) : String(v);
  });
  return missing ? undefined : out;
}

/** The page's wording of a catalogue key (an event type, a known system reason), or undefined. */
export function pageWording(lang: Lang, key: string, params: Readonly<Record<string, string | number>> = {}): string | undefined {
  const template = CATALOGUE[lang]?.[key] ?? (lang === 'en' ? undefined : serverEn[key]);
  return template === undefined ? undefined : fill(template, params, lang);
}

/**
 * A server message in the page's language: the page's own wording of the code (or its variant) when it has one and
 * the parameters it needs, else the server's message (requested in the page's language).
 */
export function serverText(lang: Lang, w: ServerWorded): string {
  const table = CATALOGUE[lang];
  if (!table) return w.message;
  const params = w.params ?? {};
  for (const key of w.messageKey ? [w.messageKey, w.code] : [w.code]) {
    const template = table[key];
    const text = template === undefined ? undefined : fill(template, params, lang);
    if (text !== undefined) return text;
  }
  return w.message;
}
