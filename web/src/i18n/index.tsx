import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { zh } from './zh.ts';

/**
 * Japanese and English throughout; the traveller route also Chinese (simplified) and Korean. A key missing from zh/ko
 * falls back to English (the language most visitors read after their own), never to the raw key.
 */
export type Lang = 'ja' | 'en' | 'zh' | 'ko';
export const APP_LANGS: readonly Lang[] = ['ja', 'en'];
export const TRAVELLER_LANGS: readonly Lang[] = ['ja', 'en', 'zh', 'ko'];
export const LANG_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English', zh: '简体中文', ko: '한국어' };
export type { MessageKey };

const DICTS: Record<Lang, Partial<Record<MessageKey, string>>> = { en, ja, zh, ko };
const STORE = 'smart-customs.lang';

/** The page's language outside React (the API client asks the server to answer in it). */
let current: Lang = 'ja';
export const currentLang = (): Lang => current;

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = DICTS[lang][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (vars[name] !== undefined ? String(vars[name]) : m));
}

interface I18n {
  readonly lang: Lang;
  setLang(l: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  yen(n: number): string;
  num(n: number): string;
}

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = localStorage.getItem(STORE);
  if (saved === 'ja' || saved === 'en' || saved === 'zh' || saved === 'ko') return saved;
  const nav = navigator.language.slice(0, 2);
  return nav === 'en' || nav === 'zh' || nav === 'ko' ? nav : 'ja';
}

const i18nOf = (lang: Lang, setLang: (l: Lang) => void): I18n => {
  const yenFmt = new Intl.NumberFormat(lang, { style: 'currency', currency: 'JPY' });
  const numFmt = new Intl.NumberFormat(lang);
  return { lang, setLang, t: (k, v) => translate(lang, k, v), yen: (n) => yenFmt.format(n), num: (n) => numFmt.format(n) };
};

/** The language a page with these languages shows for the chosen one: Chinese and Korean fall back to English. */
export const effectiveLang = (chosen: Lang, langs: readonly Lang[]): Lang => (langs.includes(chosen) ? chosen : langs.includes('en') ? 'en' : (langs[0] ?? 'en'));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  current = lang;
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORE, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => i18nOf(lang, setLang), [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/**
 * The pages inside speak only `langs`. The choice stays stored as it was made: a traveller who chose 简体中文 sees the
 * ja/en pages wholly in English (chrome and body alike, never mixed), and Chinese again on the traveller pages.
 */
export function LangScope({ langs, children }: { langs: readonly Lang[]; children: ReactNode }) {
  const parent = useI18n();
  const lang = effectiveLang(parent.lang, langs);
  // The API client asks the server to answer in the language the page shows.
  current = lang;
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : lang;
  }, [lang]);
  const value = useMemo<I18n>(() => (lang === parent.lang ? parent : i18nOf(lang, parent.setLang)), [lang, parent]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
